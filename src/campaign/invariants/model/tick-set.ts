/**
 * The ticks the hold ticker judged during one run, as runs of consecutive ticks: a run of 10,000
 * ticks judged is one interval, not 10,000 entries. Bounded: past MAX_RUNS runs it forgets the
 * oldest (the model asks only of ticks it is judging now, the ticker's latest: see World.judgeThrough).
 */
const MAX_RUNS = 1_024;

export class TickSet {
  private readonly runs: Array<[number, number]> = [];
  overflowed = false;

  has(t: number): boolean {
    for (let i = this.runs.length - 1; i >= 0; i--) {
      const [from, to] = this.runs[i] as [number, number];
      if (t >= from && t <= to) return true;
      if (t > to) return false;
    }
    return false;
  }

  /** Ticks arrive in order (the ticker judges them in order); a repeat or an earlier tick is ignored. */
  add(t: number): void {
    const last = this.runs.at(-1);
    if (last !== undefined && t <= last[1]) return;
    if (last !== undefined && t === last[1] + 1) {
      last[1] = t;
      return;
    }
    if (this.runs.length >= MAX_RUNS) {
      this.overflowed = true;
      this.runs.shift();
    }
    this.runs.push([t, t]);
  }
}
