import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

type WorkerReply = { job: number; png: Uint8Array } | { job: number; error: string };

/**
 * Renders SVG to PNG on one worker thread (`render-png-worker.js`), started on first use. It keeps the process
 * alive only while a job is pending, so an idle renderer never holds up exit and a pending render is never cut
 * off. Jobs run one at a time in the order given; a worker that dies fails its pending jobs and is replaced on
 * the next call.
 */
export class PngRenderWorker {
  #worker: Worker | undefined;
  #nextJob = 0;
  readonly #pending = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();

  /** The PNG bytes of `svg` rendered with `options`; rejects with resvg's error or when the worker dies. */
  render(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
    const job = this.#nextJob++;
    return new Promise((resolve, reject) => {
      const worker = this.#ensureWorker();
      if (this.#pending.size === 0) worker.ref();
      this.#pending.set(job, { resolve, reject });
      worker.postMessage({ job, svg, options });
    });
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    // Plain JavaScript: it needs none of the parent's loaders or preloads (`--import tsx`, …), so it inherits none.
    const worker = new Worker(new URL('./render-png-worker.js', import.meta.url), { execArgv: [] });
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.job);
      this.#pending.delete(reply.job);
      if (this.#pending.size === 0) worker.unref();
      if ('png' in reply) pending?.resolve(reply.png);
      else pending?.reject(new Error(`resvg could not render the diagram: ${reply.error}`));
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the diagram worker stopped (exit code ${String(code)})`)));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.#worker = worker;
    return worker;
  }
}
