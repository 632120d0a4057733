import type { ArticleData } from './articleSchema.ts';

/** An article as the content layer hands it over: its slug, its checked frontmatter and its text. */
export interface ArticleEntry {
  id: string;
  data: ArticleData;
  body?: string | undefined;
}

/**
 * The one filter every page, feed and index goes through: drafts are left out everywhere,
 * and articles come newest first (ties broken by slug, so the order never depends on the
 * order files were read in).
 */
export function getPublishedArticles<T extends ArticleEntry>(entries: readonly T[]): T[] {
  return entries.filter((entry) => !entry.data.draft).sort(compareNewestFirst);
}

export function compareNewestFirst(a: ArticleEntry, b: ArticleEntry): number {
  return b.data.date.time - a.data.date.time || a.id.localeCompare(b.id);
}

const MARKDOWN_SYNTAX = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/<[^>]+>/g, ''],
  [/[*_`~]+/g, ''],
  [/^>\s?/gm, ''],
  [/\s+/g, ' '],
] as const;

/** A paragraph of Markdown as plain text: links keep their words, markup goes. */
export function markdownToPlainText(markdown: string): string {
  return MARKDOWN_SYNTAX.reduce<string>(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    markdown,
  ).trim();
}

/** The first paragraph of a body that is prose (not a heading, list, quote, table or code). */
export function firstParagraph(body: string): string {
  const paragraphs = body.split(/\r?\n\s*\r?\n/).map((block) => block.trim());
  const prose = paragraphs.find((block) => block !== '' && !/^(#|[-*+] |\d+\. |>|\||```|<)/.test(block));
  return prose ? markdownToPlainText(prose) : '';
}

/** Cuts text at a word boundary near `limit` characters, with an ellipsis when anything was cut. */
export function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > 0 ? lastSpace : limit).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** How many characters of an article's first paragraph a listing shows when the article has no summary. */
export const LISTING_SUMMARY_LENGTH = 280;

/** The article's summary: the editor's own, else its first paragraph, cut to a listing's length. */
export function summarize(article: ArticleEntry, limit = LISTING_SUMMARY_LENGTH): string {
  return article.data.summary ?? truncateAtWord(firstParagraph(article.body ?? ''), limit);
}

const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Reading time in whole minutes (at least one), at an adult's silent reading pace. */
export function readingMinutes(body: string): number {
  return Math.max(1, Math.round(countWords(markdownToPlainText(body)) / WORDS_PER_MINUTE));
}

const positionsByList = new WeakMap<readonly ArticleEntry[], Map<string, number>>();

/**
 * Where an article sits in a list, looked up in an index built once per list: every article
 * page asks for its neighbours, and searching the list each time made that quadratic.
 * The lists passed here are the build's shared, never-modified article lists.
 */
function positionOf(list: readonly ArticleEntry[], id: string): number {
  let positions = positionsByList.get(list);
  if (!positions) positionsByList.set(list, (positions = new Map(list.map((article, index) => [article.id, index]))));
  return positions.get(id) ?? -1;
}

/** The articles on either side of one in time: `older` was published before it, `newer` after. */
export function neighbours<T extends ArticleEntry>(newestFirst: readonly T[], id: string): { older?: T; newer?: T } {
  const index = positionOf(newestFirst, id);
  if (index === -1) return {};
  const result: { older?: T; newer?: T } = {};
  const older = newestFirst[index + 1];
  const newer = newestFirst[index - 1];
  if (older) result.older = older;
  if (newer && index > 0) result.newer = newer;
  return result;
}
