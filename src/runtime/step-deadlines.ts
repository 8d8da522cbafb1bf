import type { StepResult } from './protocol.js';

/**
 * Deadlines of the steps still running: one timer for all of them, not one per step (the Mission
 * Runner's handlers are asynchronous, so most ticks of a mission have a step in flight).
 */
export class StepDeadlines {
  private readonly running = new Set<{ readonly id: string; readonly due: number; readonly fail: (err: Error) => void }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly timeoutMs: number,
    /** How often running steps are looked at against their deadline. */
    private readonly checkMs = Math.max(1, Math.min(500, timeoutMs / 4)),
  ) {}

  /** Steps not settled yet. */
  get size(): number {
    return this.running.size;
  }

  /** `p`, or a rejection naming the actor if it has not settled within the timeout. */
  watch(p: Promise<StepResult>, id: string): Promise<StepResult> {
    return new Promise<StepResult>((resolve, reject) => {
      const entry = { id, due: performance.now() + this.timeoutMs, fail: reject };
      this.running.add(entry);
      this.arm();
      // The timer is not stopped here: steps follow one another, and re-arming one per step is the cost this saves.
      p.then(resolve, reject).finally(() => this.running.delete(entry));
    });
  }

  private arm(): void {
    if (this.timer !== null) return;
    // Not unref'd: inline, this timer is what keeps the process alive while a step hangs, so the step fails instead of Node exiting.
    this.timer = setInterval(() => this.check(), this.checkMs);
  }

  private check(): void {
    const now = performance.now();
    for (const entry of this.running) {
      if (now < entry.due) continue;
      this.running.delete(entry);
      entry.fail(new Error(`${entry.id}: step did not finish within ${this.timeoutMs} ms`));
    }
    if (this.running.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
