import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { parsePublicationDate } from '../lib/dates.ts';
import { suggestEvents, toFrontmatterEvent } from '../events/eventExtraction.ts';
import { ContentErrors } from '../content/contentErrors.ts';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { readTopicLanguage } from '../content/topic.ts';
import { articleSlugFromPath } from '../lib/slugs.ts';
import { validateArticleFile } from '../content/validateArticle.ts';
import { ArticleCatalog, type StoryIdentity } from './articleCatalog.ts';
import { articleFileText } from './articleFile.ts';
import { articleSlug, freeSlug } from './articleSlugs.ts';
import { articlesFromChannel } from './feeds/feedArticles.ts';
import { readFeedChannel, type FeedChannel } from './feeds/feedChannel.ts';
import { decodeInput, detectInputKind } from './inputEncoding.ts';
import { fetchInput } from './fetchInput.ts';
import { ImportError } from './importError.ts';
import { publicationDay, type ImportedArticle } from './importedArticle.ts';
import { UsageError, type ImportOptions } from './importOptions.ts';
import type { ImportReport, SkippedArticle } from './importReport.ts';
import { readRawArticle } from './pasted/rawText.ts';
import { articleFromRawText } from './pasted/textArticle.ts';
import { articleFromWebPage } from './web/webArticle.ts';
import { readWebPage } from './web/webPage.ts';

/** One input as the editor named it (or as found in a folder they named). */
interface Input {
  name: string;
  path?: string;
  url?: string;
}

/** An article read from an input, before the checks against the content folder. */
interface Candidate {
  /** "feed.xml item 3 "Title"", or the input's name for a pasted text. */
  label: string;
  /** Where in the input: "item 3"; nothing for a pasted text. */
  where?: string | undefined;
  /** What identifies the story, known before its text is converted. */
  story: StoryIdentity;
  /** The article; undefined when the input gives no text for it. */
  article: () => ImportedArticle | undefined;
}

/** An article file about to be written: its path, its text, and the article it holds. */
export interface PlannedFile {
  file: string;
  label: string;
  article: ImportedArticle;
  text: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf', '.json', '.feed']);
const PAGE_EXTENSIONS = new Set(['.html', '.htm']);

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** A folder's article texts, saved pages and feeds, in name order; hidden files and other kinds are left alone. */
async function filesInFolder(folder: string): Promise<Input[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !path
          .slice(folder.length)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .filter((path) =>
      [TEXT_EXTENSIONS, FEED_EXTENSIONS, PAGE_EXTENSIONS].some((kinds) => kinds.has(extname(path).toLowerCase())),
    )
    .sort()
    .map((path) => ({ name: path, path }));
}

async function expandInput(input: string): Promise<Input[]> {
  if (isUrl(input)) return [{ name: input, url: input }];
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new ImportError('does not exist (check the path)');
  if (!info.isDirectory()) return [{ name: input, path: input }];
  const files = await filesInFolder(input);
  if (files.length === 0)
    throw new ImportError('is a folder with no .txt, .html, .xml, .rss, .atom, .rdf or .json files in it');
  return files;
}

/** The identity of each article already in the content folder, and every URL name in use. */
export async function readArticleCatalog(articlesFolder: string): Promise<ArticleCatalog> {
  const catalog = new ArticleCatalog();
  for (const relative of await glob('**/*.md', { cwd: articlesFolder })) {
    const file = join(articlesFolder, relative);
    const slug = articleSlugFromPath(relative);
    try {
      const { frontmatter } = parseMarkdownFile(await readFile(file, 'utf8'));
      const { title, date, canonical } = frontmatter;
      const reading = parsePublicationDate(date);
      const story: StoryIdentity | undefined =
        typeof title === 'string' && reading.ok
          ? {
              title,
              day: reading.value.day,
              canonical: typeof canonical === 'string' && URL.canParse(canonical) ? canonical : undefined,
            }
          : undefined;
      catalog.add(file, slug, story);
    } catch (error) {
      // A broken file still holds its URL name; the build reports what is wrong with it.
      if (!(error instanceof FrontmatterError)) throw error;
      catalog.add(file, slug);
    }
  }
  return catalog;
}

const NOT_A_FEED = 'is not a feed: RSS, Atom, RDF or JSON Feed expected (for a web page, look for its feed link)';

/**
 * A feed's bytes, as a web server sent them or a file holds them, read with the importer's rules:
 * the encoding (byte-order mark, then the server's `charset`, then the feed's declaration), the
 * format (RSS 2.0, RSS 1.0, Atom, JSON Feed), well-formedness. A web page or plain text is not a
 * feed; every problem is an `ImportError` saying so. `warn` hears what was assumed.
 */
export function readFeedBytes(
  bytes: Uint8Array,
  charset: string | undefined,
  warn: (note: string) => void,
): FeedChannel {
  const kind = detectInputKind(bytes);
  if (kind === 'text') throw new ImportError(NOT_A_FEED);
  return readFeedChannel(decodeInput(bytes, kind, charset, warn), kind);
}

/** `defaultLanguage`: the language of a text that does not declare its own, the editor's `--lang` or else the topic's. */
async function candidatesOf(
  input: Input,
  options: ImportOptions,
  defaultLanguage: string,
  skipped: SkippedArticle[],
  notes: ImportReport['notes'],
): Promise<Candidate[]> {
  const fetched = input.url ? await fetchInput(input.url) : undefined;
  const bytes = fetched?.bytes ?? (await readFile(input.path!));
  const kind = detectInputKind(bytes);
  if (kind === 'text') {
    if (fetched) throw new ImportError(NOT_A_FEED);
    const text = decodeInput(bytes, kind);
    const raw = readRawArticle(text, { dayFirst: options.dayFirst, language: defaultLanguage });
    const { article, notes: textNotes } = articleFromRawText(raw, options);
    notes.push(...textNotes.map((note) => ({ label: input.name, note })));
    return [
      {
        label: input.name,
        story: { title: article.title, day: publicationDay(article), canonical: article.canonical },
        article: () => article,
      },
    ];
  }
  const warn = (note: string) => notes.push({ label: input.name, note });
  if (kind === 'html') {
    const page = readWebPage(decodeInput(bytes, kind, fetched?.charset, warn), options.url ?? fetched?.url, {
      lang: options.lang,
      defaultLanguage,
    });
    const article = articleFromWebPage(page, options);
    notes.push(...page.notes.map((note) => ({ label: input.name, note })));
    return [
      {
        label: input.name,
        story: { title: article.title, day: publicationDay(article), canonical: article.canonical },
        article: () => article,
      },
    ];
  }
  if (options.url)
    throw new ImportError('is a feed of many articles, but --url names one article (leave --url out for feeds)');
  const channel = readFeedBytes(bytes, fetched?.charset, warn);
  if (channel.stories.length === 0) skipped.push({ label: input.name, reason: 'the feed has no items' });
  return articlesFromChannel(channel, { ...options, feedUrl: fetched?.url, defaultLanguage }).flatMap((outcome) => {
    const label = `${input.name} item ${outcome.story.position}${outcome.story.title ? ` "${outcome.story.title}"` : ''}`;
    if ('skipped' in outcome) {
      skipped.push({ label, reason: outcome.skipped });
      return [];
    }
    const { title, date, canonical, article, note } = outcome;
    if (note) notes.push({ label, note });
    const story = { title, day: publicationDay({ date }), canonical, feedId: outcome.story.id };
    return [{ label, where: `item ${outcome.story.position}`, story, article }];
  });
}

/** Why the options leave an article out: in words for one article, and for several. */
interface Filtered {
  kind: 'since' | 'match';
  one: string;
  several: (count: number) => string;
}

function publishedTooEarly(day: string, since: string | undefined): Filtered | undefined {
  if (!since || day >= since) return undefined;
  return {
    kind: 'since',
    one: `published ${day}, before --since ${since}`,
    several: (count) => `${count} items published before --since ${since}`,
  };
}

function unmatched(article: ImportedArticle, match: RegExp | undefined): Filtered | undefined {
  if (!match || match.test(`${article.title}\n${article.summary ?? ''}\n${article.body}`)) return undefined;
  return {
    kind: 'match',
    one: `does not match --match ${match}`,
    several: (count) => `${count} items do not match --match ${match}`,
  };
}

/**
 * Names an article's file (`<day>-<title's slug>.md`, with a slug no other article uses) and
 * writes its text, checked against the article schema, and adds it to `batch`, so that the next
 * article of the batch is compared with it. `fileText` adds fields of the caller's own.
 */
export function planArticleFile(
  article: ImportedArticle,
  { label, where, story }: Pick<Candidate, 'label' | 'where' | 'story'>,
  folder: string,
  batch: ArticleCatalog,
  fileText: (article: ImportedArticle) => string = articleFileText,
): PlannedFile {
  const slug = freeSlug(articleSlug(article.title), (candidate) => batch.hasSlug(candidate));
  const file = join(folder, `${publicationDay(article)}-${slug}.md`);
  const text = fileText(article);
  const checked = validateArticleFile(file, new TextEncoder().encode(text));
  if (Array.isArray(checked)) {
    throw new ImportError(
      `would not be a valid article: ${checked.map((problem) => problem.problem).join('; ')}`,
      where,
    );
  }
  batch.add(file, slug, story);
  return { file, label, article, text };
}

/** Writes an input's files, never over an existing one; on any failure removes those it wrote. */
export async function writeArticleFiles(planned: readonly PlannedFile[], folder: string): Promise<void> {
  const written: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
    for (const { file, text } of planned) {
      await writeFile(file, text, { flag: 'wx' });
      written.push(file);
    }
  } catch (error) {
    await Promise.all(written.map((file) => unlink(file).catch(() => undefined)));
    const code = (error as NodeJS.ErrnoException).code;
    const file = (error as NodeJS.ErrnoException).path;
    throw new ImportError(
      code === 'EEXIST'
        ? `${file} appeared while importing (is another import running?); nothing from this input was written`
        : `could not write ${file ?? folder}: ${(error as Error).message}; nothing from this input was written`,
    );
  }
}

function describeFailure(input: Input, error: unknown): string {
  if (error instanceof ImportError) return `${input.name}${error.where ? ` ${error.where}` : ''}: ${error.problem}`;
  return `${input.name}: the importer failed unexpectedly (${error instanceof Error ? error.message : String(error)}); please report this with the input`;
}

/**
 * Imports one input, all or nothing: every article is checked against the schema before any is
 * written, and a failure leaves no file behind. Articles already in the folder are skipped.
 */
async function importInput(
  input: Input,
  options: ImportOptions,
  defaultLanguage: string,
  catalog: ArticleCatalog,
  report: ImportReport,
): Promise<void> {
  const folder = join(options.content, 'articles');
  const batch = catalog.batch();
  const skipped: SkippedArticle[] = [];
  const notes: ImportReport['notes'] = [];
  const filtered = new Map<Filtered['kind'], Array<{ label: string; filter: Filtered }>>();
  const planned: PlannedFile[] = [];
  try {
    const leaveOut = (label: string, filter: Filtered) => {
      const group = filtered.get(filter.kind) ?? [];
      group.push({ label, filter });
      filtered.set(filter.kind, group);
    };
    for (const candidate of await candidatesOf(input, options, defaultLanguage, skipped, notes)) {
      const { label, story } = candidate;
      const early = publishedTooEarly(story.day, options.since);
      if (early) {
        leaveOut(label, early);
        continue;
      }
      // Checked before the text is converted, so importing a feed again costs little.
      const duplicate = batch.findDuplicate(story);
      if (duplicate) {
        skipped.push({ label, reason: `already in ${duplicate.file} (${duplicate.reason})` });
        continue;
      }
      const article = candidate.article();
      if (!article) {
        skipped.push({ label, reason: 'has no article text in the feed' });
        continue;
      }
      const mismatch = unmatched(article, options.match);
      if (mismatch) {
        leaveOut(label, mismatch);
        continue;
      }
      if (options.events)
        article.events = suggestEvents(article.body, publicationDay(article), article.lang ?? defaultLanguage).map(
          toFrontmatterEvent,
        );
      planned.push(planArticleFile(article, candidate, folder, batch));
    }
    if (!options.dryRun && planned.length > 0) await writeArticleFiles(planned, folder);
  } catch (error) {
    report.failed.push({ input: input.name, message: describeFailure(input, error) });
    return;
  }
  batch.commit();
  report.imported.push(...planned);
  // One line for a feed's many filtered items, not one each.
  for (const [first, ...others] of filtered.values()) {
    skipped.push(
      others.length === 0
        ? { label: first!.label, reason: first!.filter.one }
        : { label: input.name, reason: first!.filter.several(others.length + 1) },
    );
  }
  report.skipped.push(...skipped);
  report.notes.push(...notes);
}

function topicLanguage(content: string): string {
  try {
    return readTopicLanguage(content);
  } catch (error) {
    // The topic's language decides how dates are read: a broken topic file stops the import, as it stops the build.
    if (error instanceof ContentErrors) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Imports every input into `<content>/articles/`, one input at a time so that each succeeds or
 * fails as a whole, and reports what was imported, skipped and failed.
 */
export async function importArticles(options: ImportOptions): Promise<ImportReport> {
  // A mistyped --content would otherwise start a new digest where nobody looks for it.
  if (!(await stat(options.content).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(
      `the content folder "${options.content}" does not exist (create it with its topic.md, or pass --content <folder>)`,
    );
  }
  const report: ImportReport = { imported: [], skipped: [], failed: [], notes: [], dryRun: options.dryRun };
  const inputs: Input[] = [];
  for (const name of options.inputs) {
    try {
      inputs.push(...(await expandInput(name)));
    } catch (error) {
      report.failed.push({ input: name, message: describeFailure({ name }, error) });
    }
  }
  if (options.url && inputs.length + report.failed.length > 1) {
    throw new UsageError('--url names one article, so it takes exactly one text or web page input');
  }
  const catalog = await readArticleCatalog(join(options.content, 'articles'));
  const defaultLanguage = options.lang ?? topicLanguage(options.content);
  for (const input of inputs) await importInput(input, options, defaultLanguage, catalog, report);
  return report;
}
