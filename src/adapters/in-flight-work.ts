/**
 * The work a front end has in progress (interactions being answered), so that a shutdown can stop taking new
 * work and wait for what is running, within a bound.
 */
export class InFlightWork {
  readonly #pending = new Set<Promise<unknown>>();
  #closed = false;

  /** How many pieces of work are running. */
  get size(): number {
    return this.#pending.size;
  }

  /** False once `drain()` was called: new work is refused. */
  get accepting(): boolean {
    return !this.#closed;
  }

  /**
   * Runs `work` and tracks it until it settles; resolves (or rejects) as it does. Returns `undefined`, without
   * running it, once `drain()` was called.
   */
  run<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.#closed) return undefined;
    const running = work();
    const tracked = running.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(tracked);
    void tracked.then(() => this.#pending.delete(tracked));
    return running;
  }

  /**
   * Refuses new work from now on and waits until the work in flight has settled or `timeoutMs` milliseconds
   * have passed, whichever is first. Resolves to the number of pieces still running (0 when all finished).
   */
  async drain(timeoutMs: number): Promise<number> {
    this.#closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all([...this.#pending]), timedOut]);
    clearTimeout(timer);
    return this.#pending.size;
  }
}
