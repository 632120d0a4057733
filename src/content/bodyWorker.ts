/** The worker side of `bodyWorkers.ts`: finishes one article body at a time for the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { publishableArticleHtml } from './articleHtml.ts';
import { readingMinutes } from './articles.ts';

export interface BodyOptions {
  trustHtml: boolean;
  base: string;
}
export interface BodyRequest {
  id: number;
  /** The Markdown renderer's HTML. */
  renderedHtml: string;
  /** The Markdown itself. */
  body: string;
}
export interface FinishedBody {
  /** The HTML as published: sanitized, site links under the base path. */
  html: string;
  readingMinutes: number;
}
export type BodyResponse = { id: number; body: FinishedBody; error?: undefined } | { id: number; body?: undefined; error: string };

const options = workerData as BodyOptions;

parentPort?.on('message', ({ id, renderedHtml, body }: BodyRequest) => {
  let response: BodyResponse;
  try {
    response = { id, body: { html: publishableArticleHtml(renderedHtml, options), readingMinutes: readingMinutes(body) } };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
