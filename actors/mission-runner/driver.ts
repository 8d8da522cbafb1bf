/**
 * Runs an operator script inside an actor whose messages arrive one handler
 * at a time. A script that asks the deck something parks (its Promise waits
 * for the answer's envelope); the handler that started or resumed it returns
 * as soon as it has parked or finished, so the actor keeps handling prompts
 * and telemetry meanwhile, and everything the script sends belongs to the
 * handler that was running when it sent it. All of it is microtasks: the same
 * messages give the same interleaving, whatever the thread timing.
 */
export class ScriptDriver {
  private wake: (() => void) | null = null;
  private readonly waiting = new Map<string, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  private busy = false;

  get running(): boolean {
    return this.busy;
  }

  /** Start a script; resolves when it parks on a question or finishes. */
  start(script: () => Promise<void>): Promise<void> {
    if (this.busy) throw new Error('a script is already running');
    this.busy = true;
    const parked = this.nextPark();
    void script().finally(() => {
      this.busy = false;
      this.signal();
    });
    return parked;
  }

  /** Park the script until `id` is answered (called by the script's host functions). */
  wait<T>(id: string): Promise<T> {
    if (this.waiting.has(id)) throw new Error(`already waiting for ${id}`);
    const answer = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    this.signal();
    return answer;
  }

  isWaitingFor(id: string): boolean {
    return this.waiting.has(id);
  }

  /** Deliver the answer to `id`; resolves when the script parks again or finishes. Null if nobody waits for it. */
  resume(id: string, value: unknown): Promise<void> | null {
    const waiter = this.waiting.get(id);
    if (!waiter) return null;
    this.waiting.delete(id);
    const parked = this.nextPark();
    waiter.resolve(value);
    return parked;
  }

  /**
   * Nobody will answer what the script waits for (the deck restarted): every wait fails with `err`, and
   * this resolves when the script has parked again or finished unwinding.
   */
  abandonAll(err: Error): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    const parked = this.nextPark();
    for (const w of waiters) w.reject(err);
    return parked;
  }

  private nextPark(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
