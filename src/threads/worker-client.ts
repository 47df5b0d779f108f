import { Worker } from 'node:worker_threads';

/**
 * Request and reply over one worker thread running a plain-JavaScript file: each request carries an `id`, and
 * the worker answers `{ id, … }`. The thread keeps the process alive only while a request is pending, so an idle
 * worker never holds up exit and a pending one is never cut off. When the thread dies (an error, an exit), every
 * pending request fails with that reason and so does every later one: `dead` says so, and the owner may start a
 * new client.
 */
export class WorkerClient<Reply extends { id: number }> {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #dead: Error | undefined;

  /**
   * @param file a `.js` worker: it needs none of the parent's loaders or preloads (`--import tsx`, …), so it
   *   inherits none (`execArgv: []`).
   * @param what how errors name the thread, e.g. `the diagram worker`.
   */
  constructor(file: URL, what: string, workerData?: unknown) {
    this.#worker = new Worker(file, { execArgv: [], workerData });
    this.#worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) this.#worker.unref();
      pending?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.#dead = error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`${what} stopped (exit code ${String(code)})`)));
    // After the listeners: adding a 'message' listener refs the worker again.
    this.#worker.unref();
  }

  /** Whether the thread has died; every request then fails. */
  get dead(): boolean {
    return this.#dead !== undefined;
  }

  /** Sends `message` with a fresh `id`; resolves to the worker's reply to it. */
  request(message: Record<string, unknown>): Promise<Reply> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  /** Stops the thread; pending requests fail. */
  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}
