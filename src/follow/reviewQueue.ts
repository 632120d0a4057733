/**
 * The review queue: the articles `npm run follow` brought in as drafts (`draft: true` and a
 * `followed` field), waiting for the editor. Accepting one publishes it by removing its
 * `draft: true` line and nothing else; rejecting one removes its file and remembers its feed
 * item in the follow state, so that no later poll brings it back. Articles the editor wrote by
 * hand are never touched: a reference to one is refused.
 *
 * The queue also holds updates: an outlet's new version of an article the editor has edited,
 * waiting in `content/updates/` (see `followedUpdates.ts`). Accepting one keeps the editor's
 * version in `content/revisions/` and puts the outlet's in the article file; rejecting one
 * removes it, and the follow state already remembers that version, so it is not asked again.
 */
import { readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { glob } from 'tinyglobby';
import { isMap, isScalar, parseDocument } from 'yaml';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { articleSlugFromPath } from '../lib/slugs.ts';
import { keepRevision } from '../revisions/revisionFiles.ts';
import { articleFileOfUpdate, fileDigest, replaceFile, UPDATES_FOLDER } from './followedUpdates.ts';
import { firstPollSince, followStatePath, readFollowState, writeFollowState, type FollowState } from './followState.ts';

/** A draft of the queue, as `list` and the review page show it. */
export interface QueuedDraft {
  /** The file as the editor names it: `content/articles/2019-03-06-x.md`. */
  file: string;
  /** Its page's address under `/articles/`, which also names it to `accept` and `reject`. */
  slug: string;
  title: string;
  /** The outlet (`source.name`). */
  outlet: string;
  /** Its day of publication, `YYYY-MM-DD`, as the file gives it. */
  date: string;
  /** Why the follow rules kept it: `keep "5G"`, `entity "Huawei"`, `every item`. */
  rule: string;
  /** The feed it came from, and its item's id there. */
  feed: string;
  item: string;
  /** For an update, the article file it would replace (`file` is then the update's, in `updates/`). */
  updating?: string;
}

/** A queued draft with what the review page shows of it. */
export interface DraftForReview extends QueuedDraft {
  /** The Markdown body. */
  body: string;
  /** For an update, the article as it is now, which the update would replace. */
  current?: { title: string; body: string };
  summary?: string;
  /** The original article's address. */
  canonical?: string;
  lang?: string;
}

/** An article file of the content folder, before it is read. */
interface ArticleFileName {
  file: string;
  /** The path below `articles/`. */
  name: string;
  slug: string;
}

const articlesFolder = (content: string) => join(content, 'articles');

async function listArticleFiles(content: string): Promise<ArticleFileName[]> {
  const folder = articlesFolder(content);
  const names = await glob('**/*.md', { cwd: folder });
  return names.sort().map((name) => ({ file: join(folder, name), name, slug: articleSlugFromPath(name) }));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The draft an article's frontmatter describes, when it is one `npm run follow` wrote. The
 * frontmatter is read as written rather than through the article schema, so that a draft the
 * editor has broken while editing still shows in the queue (`npm run check` names the problem).
 */
function queuedDraft(article: ArticleFileName, frontmatter: Record<string, unknown>): QueuedDraft | undefined {
  const { followed } = frontmatter;
  if (frontmatter['draft'] !== true || !isRecord(followed)) return undefined;
  const feed = textOf(followed['feed']) ?? '';
  const source = isRecord(frontmatter['source']) ? textOf(frontmatter['source']['name']) : undefined;
  return {
    file: article.file,
    slug: article.slug,
    title: textOf(frontmatter['title']) ?? article.name,
    outlet: source ?? (URL.canParse(feed) ? new URL(feed).hostname : feed),
    date: /^\d{4}-\d{2}-\d{2}/.exec(String(frontmatter['date'] ?? ''))?.[0] ?? '',
    rule: textOf(followed['rule']) ?? '',
    feed,
    item: textOf(followed['item']) ?? '',
  };
}

// A followed draft has both fields at the start of a line; most articles are skipped without parsing their YAML.
const MAY_BE_FOLLOWED_DRAFT = /^draft:[\s\S]*^followed:|^followed:[\s\S]*^draft:/m;

/** The review queue with each draft's text, newest first (ties by file), for the review page. */
export async function listQueueWithText(content: string): Promise<DraftForReview[]> {
  const articles = await listArticleFiles(content);
  const drafts: DraftForReview[] = [];
  // Files are read a batch at a time: one by one, a digest of 10,000 articles took seconds to list.
  for (let start = 0; start < articles.length; start += FILES_AT_ONCE) {
    const batch = articles.slice(start, start + FILES_AT_ONCE);
    const texts = await Promise.all(batch.map((article) => readFile(article.file, 'utf8').catch(() => '')));
    batch.forEach((article, index) => {
      const draft = draftForReview(article, texts[index]!);
      if (draft) drafts.push(draft);
    });
  }
  drafts.push(...(await listUpdates(content)));
  return drafts.sort((a, b) => b.date.localeCompare(a.date) || a.file.localeCompare(b.file));
}

const FILES_AT_ONCE = 64;

/** The updates waiting in `updates/`, each with the article it would replace; one whose article is gone is left out. */
async function listUpdates(content: string): Promise<DraftForReview[]> {
  const folder = join(content, UPDATES_FOLDER);
  const names = await glob('*.md', { cwd: folder });
  const updates: DraftForReview[] = [];
  for (const name of names.sort()) {
    const file = join(folder, name);
    const articleFile = articleFileOfUpdate(content, file);
    const [text, current] = await Promise.all([
      readFile(file, 'utf8').catch(() => undefined),
      readFile(articleFile, 'utf8').catch(() => undefined),
    ]);
    if (text === undefined || current === undefined) continue;
    let parsed;
    let currentParsed;
    try {
      parsed = parseMarkdownFile(text);
      currentParsed = parseMarkdownFile(current);
    } catch {
      continue;
    }
    const { frontmatter } = parsed;
    // Read as a draft would be, whatever its `draft` field says: an update may be of a published article.
    const update = queuedDraft({ file, name, slug: articleSlugFromPath(name) }, { ...frontmatter, draft: true });
    if (!update) continue;
    updates.push({
      ...update,
      date: /^\d{4}-\d{2}-\d{2}/.exec(String(frontmatter['updated'] ?? ''))?.[0] ?? update.date,
      updating: articleFile,
      body: parsed.body,
      current: { title: textOf(currentParsed.frontmatter['title']) ?? name, body: currentParsed.body },
      ...(textOf(frontmatter['summary']) && { summary: textOf(frontmatter['summary'])! }),
      ...(textOf(frontmatter['canonical']) && { canonical: textOf(frontmatter['canonical'])! }),
      ...(textOf(frontmatter['lang']) && { lang: textOf(frontmatter['lang'])! }),
    });
  }
  return updates;
}

function draftForReview(article: ArticleFileName, text: string): DraftForReview | undefined {
  if (!MAY_BE_FOLLOWED_DRAFT.test(text)) return undefined;
  let parsed;
  try {
    parsed = parseMarkdownFile(text);
  } catch {
    return undefined;
  }
  const draft = queuedDraft(article, parsed.frontmatter);
  if (!draft) return undefined;
  const forReview: DraftForReview = { ...draft, body: parsed.body };
  for (const field of ['summary', 'canonical', 'lang'] as const) {
    const value = textOf(parsed.frontmatter[field]);
    if (value) forReview[field] = value;
  }
  return forReview;
}

/** Every article with `draft: true` and a `followed` field, newest first. */
export async function listQueue(content: string): Promise<QueuedDraft[]> {
  return (await listQueueWithText(content)).map(({ file, slug, title, outlet, date, rule, feed, item, updating }) => ({
    file,
    slug,
    title,
    outlet,
    date,
    rule,
    feed,
    item,
    ...(updating && { updating }),
  }));
}

type Action = 'accept' | 'reject';

/** A draft an editor's reference resolved to, with its file's text. */
interface ResolvedDraft {
  draft: QueuedDraft;
  text: string;
}

/**
 * The drafts the references name (a file path, a path below `articles/`, or a slug), each once,
 * and a problem for every reference that names nothing, several articles, or an article that is
 * not a followed draft.
 */
async function resolveDrafts(
  content: string,
  refs: readonly string[],
  action: Action,
): Promise<{ drafts: ResolvedDraft[]; problems: string[] }> {
  const articles = await listArticleFiles(content);
  const updates = new Map((await listUpdates(content)).map((update) => [update.updating!, update]));
  const drafts = new Map<string, ResolvedDraft>();
  const problems: string[] = [];
  for (const ref of refs) {
    // An update is named by its own file, or by its article's file or slug: it comes before the article's draft.
    const update = [...updates.values()].find(
      (waiting) =>
        resolve(ref) === resolve(waiting.file) ||
        resolve(ref) === resolve(waiting.updating!) ||
        ref === basename(waiting.updating!) ||
        ref === waiting.slug,
    );
    if (update) {
      if (!drafts.has(update.file))
        drafts.set(update.file, { draft: update, text: await readFile(update.file, 'utf8') });
      continue;
    }
    const matches = articles.filter(
      (article) => resolve(ref) === resolve(article.file) || ref === article.name || ref === article.slug,
    );
    if (matches.length === 0) {
      problems.push(
        `"${ref}" is no article of ${articlesFolder(content)} (give a file or a slug as "npm run follow -- list" shows them)`,
      );
      continue;
    }
    if (matches.length > 1) {
      problems.push(
        `"${ref}" names ${matches.map((article) => article.file).join(' and ')} (give the file of the one you mean)`,
      );
      continue;
    }
    const article = matches[0]!;
    if (drafts.has(article.file)) continue;
    const checked = await readDraft(article, action);
    if (typeof checked === 'string') problems.push(checked);
    else drafts.set(article.file, checked);
  }
  return { drafts: [...drafts.values()], problems };
}

/** The article as a draft of the queue, or why `accept` or `reject` must leave it alone. */
async function readDraft(article: ArticleFileName, action: Action): Promise<ResolvedDraft | string> {
  let text: string;
  let frontmatter: Record<string, unknown>;
  try {
    text = await readFile(article.file, 'utf8');
    frontmatter = parseMarkdownFile(text).frontmatter;
  } catch (error) {
    const reason = error instanceof FrontmatterError ? error.message : (error as Error).message;
    return `${article.file} cannot be read: ${reason} (fix it, then ${action} it again)`;
  }
  const draft = queuedDraft(article, frontmatter);
  if (draft) return { draft, text };
  if (!isRecord(frontmatter['followed'])) {
    const byHand =
      action === 'accept'
        ? 'publish it by removing its "draft: true" line'
        : 'remove the file yourself if you no longer want it';
    return `${article.file} is not a draft "npm run follow" brought (it has no "followed" field): ${action} takes only drafts of the review queue; ${byHand}`;
  }
  return `${article.file} is already published (it has no "draft: true"): ${action} takes only drafts of the review queue; edit or remove a published article by hand`;
}

const OPENING_FENCE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING_FENCE = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * The article file's text without its `draft: true` line, every other byte as the editor left it
 * (comments, order, quoting, line ends): the line is cut from the text rather than the YAML
 * written anew, which would reflow what the editor wrote. Undefined when `draft` does not sit
 * on lines of its own, as a top-level field, for the editor to remove by hand.
 */
export function withoutDraftLine(text: string): string | undefined {
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING_FENCE.exec(rest);
  if (!closing) return undefined;
  const yamlText = rest.slice(0, closing.index);
  const document = parseDocument(yamlText);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'draft');
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || pair.value.value !== true) return undefined;
  const [keyStart] = pair.key.range!;
  const valueEnd = pair.value.range![1];
  const lineStart = yamlText.lastIndexOf('\n', keyStart - 1) + 1;
  const newline = yamlText.indexOf('\n', valueEnd);
  const lineEnd = newline === -1 ? yamlText.length : newline + 1;
  const trailing = yamlText.slice(valueEnd, lineEnd).trim();
  if (yamlText.slice(lineStart, keyStart).trim() !== '' || (trailing !== '' && !trailing.startsWith('#')))
    return undefined;
  const edited = `${opening[0]}${yamlText.slice(0, lineStart)}${yamlText.slice(lineEnd)}${rest.slice(closing.index)}`;
  // The cut must have removed `draft` and nothing else the YAML means; anything else is left to the editor.
  const { draft: _draft, ...expected } = parseMarkdownFile(text).frontmatter;
  try {
    return isDeepStrictEqual(parseMarkdownFile(edited).frontmatter, expected) ? edited : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Applies an update: the article as the editor left it is kept as its newest earlier version, the
 * article file takes the outlet's version, the update goes, and the state records the file as
 * written, so that the outlet's next correction applies by itself unless the editor edits again.
 */
async function acceptUpdate(content: string, update: QueuedDraft, text: string, today: Date): Promise<void> {
  const article = update.updating!;
  const state = await readFollowState(content);
  const current = await readFile(article, 'utf8');
  // A draft published while its update waited stays published: the update was written for the draft.
  const published = parseMarkdownFile(current).frontmatter['draft'] !== true;
  const applied = (published && withoutDraftLine(text)) || text;
  await keepRevision(content, articleSlugFromPath(basename(article)), current, today);
  await replaceFile(article, applied);
  await rm(update.file);
  const version = state.sources[update.feed]?.versions[update.item];
  if (version) {
    version.written = fileDigest(applied);
    await writeFollowState(content, state);
  }
}

/** Publishes the drafts the references name: each loses its `draft: true` line and nothing else. */
export async function acceptDrafts(
  content: string,
  refs: readonly string[],
  today = new Date(),
): Promise<{ accepted: QueuedDraft[]; problems: string[] }> {
  const { drafts, problems } = await resolveDrafts(content, refs, 'accept');
  const accepted: QueuedDraft[] = [];
  for (const { draft, text } of drafts) {
    if (draft.updating) {
      try {
        await acceptUpdate(content, draft, text, today);
        accepted.push(draft);
      } catch (error) {
        problems.push(`${draft.file} could not be applied (${(error as Error).message}); it still waits for review`);
      }
      continue;
    }
    const published = withoutDraftLine(text);
    if (published === undefined) {
      problems.push(`${draft.file}: its "draft: true" does not sit on a line of its own (remove it by hand)`);
      continue;
    }
    try {
      await replaceFile(draft.file, published);
      accepted.push(draft);
    } catch (error) {
      problems.push(`${draft.file} could not be written (${(error as Error).message}); it is still a draft`);
    }
  }
  return { accepted, problems };
}

/** The state with each rejected draft's item remembered under its feed; a feed the state has lost starts as a first poll would. */
function withRejected(state: FollowState, drafts: readonly QueuedDraft[], today: Date): FollowState {
  const sources = { ...state.sources };
  const since = firstPollSince(today);
  for (const { feed, item } of drafts) {
    const source = sources[feed] ?? { since, imported: [], rejected: [], versions: {} };
    sources[feed] = { ...source, rejected: [...source.rejected, item] };
  }
  return { ...state, sources };
}

/**
 * Removes the drafts the references name, and records each one's feed item as rejected. The
 * state is read before any file is removed (a broken state file stops everything) and written
 * after, so a failure between the two brings a removed draft back at the next poll at worst.
 */
export async function rejectDrafts(
  content: string,
  refs: readonly string[],
  today = new Date(),
): Promise<{ rejected: QueuedDraft[]; problems: string[] }> {
  const resolved = await resolveDrafts(content, refs, 'reject');
  const { problems } = resolved;
  const rejected: QueuedDraft[] = [];
  // An update rejected is only removed: the state already remembers the outlet's version it held.
  for (const { draft } of resolved.drafts.filter(({ draft }) => draft.updating)) {
    try {
      await rm(draft.file);
      rejected.push(draft);
    } catch (error) {
      problems.push(`${draft.file} could not be removed (${(error as Error).message}); it still waits for review`);
    }
  }
  const drafts = resolved.drafts.filter(({ draft }) => !draft.updating);
  if (drafts.length === 0) return { rejected, problems };
  let state: FollowState;
  try {
    state = await readFollowState(content);
  } catch (error) {
    return { rejected, problems: [...problems, (error as Error).message] };
  }
  const removed: QueuedDraft[] = [];
  for (const { draft } of drafts) {
    if (!draft.feed || !draft.item) {
      problems.push(`${draft.file}: its "followed" field names no feed or item (remove the file by hand)`);
      continue;
    }
    try {
      await rm(draft.file);
      removed.push(draft);
    } catch (error) {
      problems.push(`${draft.file} could not be removed (${(error as Error).message}); it is still in the queue`);
    }
  }
  if (removed.length > 0) {
    try {
      await writeFollowState(content, withRejected(state, removed, today));
    } catch (error) {
      problems.push(
        `${followStatePath(content)} could not be written (${(error as Error).message}): the next poll may bring ${removed.map((draft) => draft.file).join(', ')} back`,
      );
    }
  }
  return { rejected: [...rejected, ...removed], problems };
}
