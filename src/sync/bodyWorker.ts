/** The worker side of `bodyWorkers.ts`: finishes one article body at a time for the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { publishableArticle } from '../content/articleHtml.ts';
import { readingMinutes } from '../content/articles.ts';
import { articleMentions, type ArticleMentions, type MentionInput } from '../entities/articleMentions.ts';
import { createMentionMatcher, type NamedEntity } from '../entities/mentionMatcher.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';
import { encodeReportFingerprint, reportFingerprint } from '../stories/sameReport.ts';

export interface BodyOptions {
  trustHtml: boolean;
  base: string;
  /** The topic's entities with every name they go by, and the topic's language, to find mentions. */
  entities: NamedEntity[];
  language: string;
}
export interface BodyRequest {
  id: number;
  /** The Markdown renderer's HTML. */
  renderedHtml: string;
  /** The Markdown itself. */
  body: string;
  /**
   * For an article published as an excerpt (see `articleText.ts`), the words its page shows besides
   * its title and summary: its published HTML is then these words alone, and an entity's mention
   * is quoted only from what the page shows.
   */
  excerpt: string | undefined;
  /** The rest of the article, to find the entities it names. */
  article: Omit<MentionInput, 'text'>;
}
export interface FinishedBody {
  /** The HTML as published: sanitized, site links under the base path. */
  html: string;
  readingMinutes: number;
  mentions: ArticleMentions;
  /** The time finding the mentions took, for the build's log. */
  mentionMilliseconds: number;
  /** The body's report fingerprint (`encodeReportFingerprint`), kept so grouping never shingles the text again. */
  report: Uint8Array;
}
export type BodyResponse =
  { id: number; body: FinishedBody; error?: undefined } | { id: number; body?: undefined; error: string };

const options = workerData as BodyOptions;
const matcher = createMentionMatcher(options.entities, options.language);

parentPort?.on('message', ({ id, renderedHtml, body, excerpt, article }: BodyRequest) => {
  let response: BodyResponse;
  try {
    const { html, text } = publishableArticle(renderedHtml, options);
    const started = performance.now();
    // Which entities an article names comes from its whole text; no sentence of it that is withheld is quoted.
    const mentions = articleMentions(matcher, { ...article, text });
    if (excerpt !== undefined) mentions.contexts = articleMentions(matcher, { ...article, text: excerpt }).contexts;
    response = {
      id,
      body: {
        html: excerpt === undefined ? html : excerpt && `<p>${escapeHtml(excerpt)}</p>`,
        readingMinutes: readingMinutes(body),
        mentions,
        mentionMilliseconds: performance.now() - started,
        report: encodeReportFingerprint(reportFingerprint(body)),
      },
    };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
