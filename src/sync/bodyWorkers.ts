/**
 * Finishes article bodies on worker threads: sanitizing the rendered HTML parses it again, and
 * counting words for the reading time scans the whole text; together they were more than half
 * the cost of loading the content (9 s of 16 at 10,000 articles). On workers they run beside the
 * Markdown rendering, which has to stay on the main thread with Astro's renderer.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyOptions, BodyRequest, BodyResponse, FinishedBody } from './bodyWorker.ts';

export interface BodyWorkers {
  finish(request: Omit<BodyRequest, 'id'>): Promise<FinishedBody>;
  close(): Promise<void>;
}

/** One worker per core the main thread leaves free, and at least one. */
export function createBodyWorkers(options: BodyOptions, count = Math.max(1, availableParallelism() - 1)): BodyWorkers {
  const pending = new Map<number, { resolve: (body: FinishedBody) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./bodyWorker.ts', import.meta.url), { workerData: options });
    worker.on('message', ({ id, body, error }: BodyResponse) => {
      const request = pending.get(id);
      pending.delete(id);
      if (error === undefined) request?.resolve(body);
      else request?.reject(new Error(error));
    });
    worker.on('error', failAll);
    return worker;
  });
  let nextId = 0;
  return {
    finish(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, ...request } satisfies BodyRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
