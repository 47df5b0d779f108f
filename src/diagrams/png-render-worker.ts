import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { WorkerClient } from '../threads/worker-client.ts';

type WorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };

/**
 * Renders SVG to PNG on one worker thread (`render-png-worker.js`), started on first use; it keeps the process
 * alive only while a render is pending. Jobs run one at a time in the order given; a worker that dies fails its
 * pending jobs and is replaced on the next call.
 */
export class PngRenderWorker {
  #client: WorkerClient<WorkerReply> | undefined;

  /** The PNG bytes of `svg` rendered with `options`; rejects with resvg's error or when the worker dies. */
  async render(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
    if (!this.#client || this.#client.dead) {
      this.#client = new WorkerClient(new URL('./render-png-worker.js', import.meta.url), 'the diagram worker');
    }
    const reply = await this.#client.request({ svg, options });
    if ('error' in reply) throw new Error(`resvg could not render the diagram: ${reply.error}`);
    return reply.png;
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.terminate();
  }
}
