/**
 * The ticks the hold ticker judged during one run, as runs of consecutive ticks: a run of 10,000
 * ticks judged is one interval, not 10,000 entries. Bounded: past MAX_RUNS gaps it stops recording
 * and says so (a run that gappy has been reported already).
 */
const MAX_RUNS = 256;

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
      return;
    }
    this.runs.push([t, t]);
  }

  /** The first few ticks in [from, to) not judged. */
  missing(from: number, to: number, limit: number): number[] {
    const out: number[] = [];
    let t = from;
    for (const [a, b] of this.runs) {
      if (b < t) continue;
      for (; t < Math.min(a, to) && out.length < limit; t++) out.push(t);
      t = Math.max(t, b + 1);
      if (t >= to || out.length >= limit) break;
    }
    for (; t < to && out.length < limit; t++) out.push(t);
    return out;
  }
}
