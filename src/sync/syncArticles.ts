/**
 * Brings Astro's content store and the article cache in line with the article files, in three
 * steps: read and check every file, render the articles that changed, and publish the result
 * (the store's entries, the cache, the list of searchable articles for the search build).
 * An article whose file, settings and code are unchanged since the last build is neither parsed
 * nor rendered again.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { glob } from 'tinyglobby';
import type { BuildContract } from '../build/buildContract.ts';
import {
  cachedDigests,
  fileDigestOf,
  storedDigest,
  pruneDerivedArticles,
  readArticleMentions,
  readArticleReport,
  writeDerivedArticle,
  writeArticleUpdates,
  writeSearchManifest,
  type SearchEntry,
} from '../build/articleCache.ts';
import { codeFingerprint } from '../build/codeFingerprint.ts';
import { articleSearchDocument } from '../search/searchDocument.ts';
import { searchDocumentUrl } from '../search/searchFiles.ts';
import type { StoredArticle } from './articleLoader.ts';
import { readingMinutes } from '../content/articles.ts';
import { excerptWords, listingSummary, textShown } from '../content/articleText.ts';
import { createBodyWorkers, type BodyWorkers } from './bodyWorkers.ts';
import { keepPhotos, type PhotoFetcher } from './photos.ts';
import { checkArticles, type ArticleFile, type CheckedArticle } from '../content/contentCheck.ts';
import { listCardsToDraw } from '../cards/cardDrawing.ts';
import { ContentErrors } from '../content/contentErrors.ts';
import { markdownBody } from '../content/frontmatter.ts';
import { machineReadable } from '../lib/dates.ts';
import { findEntity, indexEntities, namedEntities, type EntityIndex } from '../entities/entities.ts';
import { groupDigestStories, storyOverride, type StoryArticle } from '../stories/digestStories.ts';
import { decodeReportFingerprint } from '../stories/sameReport.ts';

/**
 * A fingerprint of what turns a file into what is stored besides the file itself: this module and
 * every module it loads, the installed packages, and Astro's Markdown settings. The derived files
 * outlive Astro's store, so a sanitizer fix or a Markdown option must change their names.
 */
async function derivationFingerprint(markdown: unknown, root: URL): Promise<string> {
  const settings = JSON.stringify(markdown, (_key, value: unknown) =>
    typeof value === 'function' ? String(value) : value,
  );
  const code = await codeFingerprint({
    root: fileURLToPath(root),
    entries: [import.meta.url],
    otherFiles: [fileURLToPath(new URL('package-lock.json', root))],
  });
  return `${code}:${settings}`;
}

/** Runs `task` over `items`, at most `limit` at a time, so file reads and writes overlap the rendering. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Enough files in flight that the body workers always have the next article waiting (measured: 16 left them idle). */
const FILES_IN_FLIGHT = 64;

/** Reads every article file, a few at a time. */
async function readArticleFiles(names: readonly string[], directory: URL, root: string): Promise<ArticleFile[]> {
  const files: ArticleFile[] = [];
  await forEachConcurrently(names, FILES_IN_FLIGHT, async (name, index) => {
    const absolutePath = fileURLToPath(new URL(name, directory));
    files[index] = {
      name,
      path: relative(root, absolutePath).split('\\').join('/'),
      bytes: await readFile(absolutePath),
    };
  });
  return files;
}

/** A checked article with the digest of its file, settings and code, and what an earlier build stored for it. */
interface ArticleToSync extends CheckedArticle {
  digest: string;
  /** Stored by an earlier build from this very file, settings and code: neither parsed nor rendered again. */
  unchanged: StoredArticle | undefined;
}

const utf8 = new TextDecoder();

/**
 * Step 1: reads every file and runs the same checks as `npm run check` over all of them (links
 * between articles make each file's validity depend on the others, so links in an unchanged file
 * are checked again too). Stops the build with every problem found.
 */
async function readAndCheck(
  context: LoaderContext,
  directory: URL,
  entityIndex: EntityIndex,
  digestKey: string,
  cached: ReadonlySet<string>,
): Promise<ArticleToSync[]> {
  const { store, config, generateDigest } = context;
  const names = (await glob('**/*.md', { cwd: fileURLToPath(directory) })).sort();
  const files = await readArticleFiles(names, directory, fileURLToPath(config.root));
  const digestByPath = new Map(
    files.map((file) => [file.path, generateDigest(`${digestKey}:${Buffer.from(file.bytes).toString('base64')}`)]),
  );
  const storedUnchanged = (path: string, slug: string) => {
    const stored = store.get<StoredArticle>(slug);
    const digest = digestByPath.get(path)!;
    return stored?.digest !== undefined &&
      fileDigestOf(String(stored.digest)) === digest &&
      stored.filePath === path &&
      cached.has(digest)
      ? stored.data
      : undefined;
  };
  const { articles, problems } = checkArticles(
    files,
    config.site ? new URL(config.site).origin : '',
    entityIndex,
    (file, slug) => {
      const stored = storedUnchanged(file.path, slug);
      if (!stored) return undefined;
      const {
        excerpt: _excerpt,
        excerptOnly: _excerptOnly,
        readingMinutes: _minutes,
        about: _about,
        mentions: _mentions,
        photo: _photo,
        sameReport: _sameReport,
        ...data
      } = stored;
      return { data, body: markdownBody(utf8.decode(file.bytes)) };
    },
  );
  if (problems.length > 0) throw new ContentErrors(problems);
  return articles.map((article) => ({
    ...article,
    digest: digestByPath.get(article.path)!,
    unchanged: storedUnchanged(article.path, article.slug),
  }));
}

/** What step 2 derives from an article's body for its store entry. */
interface DerivedFromBody {
  readingMinutes: number;
  about: string[];
  mentions: string[];
}

/**
 * Step 2: renders what changed, sanitizes it, finds the entities it names, and writes its HTML,
 * mentions and search document to the cache. An article whose rendering is cached but whose
 * store entry is gone (Astro empties its store whenever the site's config changes) is only read back.
 */
async function render(
  context: LoaderContext,
  articles: readonly ArticleToSync[],
  build: BuildContract,
  entityIndex: EntityIndex,
  cache: { directory: string; digests: ReadonlySet<string> },
): Promise<DerivedFromBody[]> {
  const { topic, base } = build;
  const derived: DerivedFromBody[] = [];
  const bySlugs = (names: readonly string[]) => names.map((name) => findEntity(entityIndex, name)!);
  let workers: BodyWorkers | undefined;
  let mentionMilliseconds = 0;
  let mentionArticles = 0;
  try {
    await forEachConcurrently(articles, FILES_IN_FLIGHT, async ({ slug, data, body, digest, unchanged }, index) => {
      if (unchanged)
        derived[index] = {
          readingMinutes: unchanged.readingMinutes,
          about: unchanged.about,
          mentions: unchanged.mentions,
        };
      else if (cache.digests.has(digest)) {
        const { about, mentions } = await readArticleMentions(cache.directory, digest);
        derived[index] = { readingMinutes: readingMinutes(body), about, mentions };
      } else {
        const rendered = await context.renderMarkdown(body);
        workers ??= createBodyWorkers({
          trustHtml: topic.trustHtml,
          base,
          language: topic.language,
          entities: namedEntities(topic.entities),
        });
        const finished = await workers.finish({
          renderedHtml: rendered.html,
          body,
          excerpt: textShown(data, topic) === 'excerpt' ? excerptWords({ id: slug, data, body }, topic) : undefined,
          article: {
            title: data.title,
            summary: data.summary,
            lang: data.lang,
            add: bySlugs(data.entities.add),
            exclude: bySlugs(data.entities.exclude),
          },
        });
        mentionMilliseconds += finished.mentionMilliseconds;
        mentionArticles++;
        const { about, mentions } = finished.mentions;
        const entities = [...about, ...mentions].map((entity) => entityIndex.nameBySlug.get(entity)!);
        const searchDocument = data.draft
          ? undefined
          : articleSearchDocument({ slug, data, html: finished.html, entities, topicLanguage: topic.language, base });
        await writeDerivedArticle(cache.directory, digest, {
          html: finished.html,
          searchDocument: searchDocument?.content,
          mentions: finished.mentions,
          report: finished.report,
        });
        derived[index] = { readingMinutes: finished.readingMinutes, about, mentions };
      }
    });
  } finally {
    await workers?.close();
  }
  // The benchmark reads this line: finding mentions must stay linear in the articles.
  if (mentionArticles > 0)
    context.logger.info(`Found the entities of ${mentionArticles} articles in ${Math.round(mentionMilliseconds)} ms`);
  return derived;
}

/** An article's same-report group as its store entry holds it, and the key naming the group's state. */
interface StoryOfArticle {
  members: { id: string; source: string }[];
  key: string;
}

/**
 * Groups the published articles that are the same report, from the fingerprints the cache keeps for their
 * files (see `digestStories.ts`). A group's key digests its members' files, so a change to any member, or
 * to who is in the group, stores every member again and renders the pages that list them.
 */
async function groupStories(
  context: LoaderContext,
  articles: readonly ArticleToSync[],
  directory: string,
): Promise<Map<string, StoryOfArticle>> {
  const published = articles.filter((article) => !article.data.draft);
  const started = performance.now();
  const read: StoryArticle[] = [];
  await forEachConcurrently(published, FILES_IN_FLIGHT, async ({ slug, data, digest }, index) => {
    read[index] = {
      id: slug,
      published: data.date.time,
      key: digest,
      fingerprint: decodeReportFingerprint(await readArticleReport(directory, digest)),
      override: storyOverride(data),
    };
  });
  const groups = groupDigestStories(read);
  const bySlug = new Map(published.map((article) => [article.slug, article]));
  const stories = new Map<string, StoryOfArticle>();
  for (const group of groups) {
    const members = group.map(({ id }) => ({ id, source: bySlug.get(id)!.data.source.name }));
    const key = context.generateDigest(group.map(({ id }) => `${id}@${bySlug.get(id)!.digest}`).join('\n'));
    for (const { id } of group) stories.set(id, { members, key });
  }
  // The benchmark reads this line: grouping must stay near linear in the articles.
  context.logger.info(
    `Grouped the same reports of ${published.length} articles in ${Math.round(performance.now() - started)} ms (${groups.length} groups)`,
  );
  return stories;
}

/** An article's photo to keep: an outlet's address, for a published article (a path under `public/` is served as it is). */
const photoAddress = ({ data }: CheckedArticle) =>
  !data.draft && data.image?.src && /^https?:\/\//i.test(data.image.src) ? data.image.src : undefined;

/**
 * Step 3: keeps every published article's photo in the photo cache (fetched once; one that cannot be
 * is reported and left out), stores every article, forgets removed ones, prunes the cache and lists
 * the searchable articles.
 */
async function publish(
  context: LoaderContext,
  articles: readonly ArticleToSync[],
  derived: readonly DerivedFromBody[],
  build: BuildContract,
  fetchPhoto: PhotoFetcher,
): Promise<void> {
  const { store, config } = context;
  const stories = await groupStories(context, articles, build.paths.articleCache);
  const photos = await keepPhotos(
    articles.flatMap((article) => {
      const url = photoAddress(article);
      return url ? [{ path: article.path, url, credit: article.data.image?.credit }] : [];
    }),
    { directory: build.paths.photoCache, fetchPhoto, logger: context.logger },
  );
  articles.forEach((article, index) => {
    const { path, slug, data, body, digest, unchanged } = article;
    const url = photoAddress(article);
    const photo = url === undefined ? undefined : photos.get(url);
    const story = stories.get(slug);
    const entryDigest = storedDigest(digest, photo?.file, story?.key);
    if (unchanged && store.get(slug)?.digest === entryDigest) return;
    const shown = textShown(data, build.topic);
    // Astro resolves an image's path from the article's file, as it resolves an `image()` field's.
    const photoPath =
      photo &&
      `./${relative(dirname(join(fileURLToPath(config.root), path)), join(build.paths.photoCache, photo.file))}`
        .split('\\')
        .join('/')
        .replace(/^\.\/\.\.\//, '../');
    // The schema already ran in checkArticles; Astro's parseData would run it a second time.
    store.set({
      id: slug,
      data: {
        ...data,
        excerpt: listingSummary({ id: slug, data, body }, shown, build.topic),
        excerptOnly: shown === 'excerpt',
        ...derived[index]!,
        ...(photoPath && { photo: photoPath }),
        ...(story && { sameReport: story.members }),
      },
      filePath: path,
      digest: entryDigest,
      ...(photoPath && { assetImports: [photoPath], imageImports: [['photo']] }),
    });
  });
  const slugs = new Set(articles.map((article) => article.slug));
  for (const id of store.keys()) if (!slugs.has(id)) store.delete(id);
  const cacheDirectory = build.paths.articleCache;
  await pruneDerivedArticles(cacheDirectory, new Set(articles.map((article) => article.digest)));
  // A group is found once: by its earliest report, whose page lists the others.
  const searchable: SearchEntry[] = articles
    .filter(
      (article) => !article.data.draft && (stories.get(article.slug)?.members[0]!.id ?? article.slug) === article.slug,
    )
    .map((article) => ({ url: searchDocumentUrl(article.slug), digest: article.digest, day: article.data.date.day }));
  await writeSearchManifest(cacheDirectory, searchable);
  await writeArticleUpdates(
    cacheDirectory,
    Object.fromEntries(
      articles.flatMap(({ slug, data }) =>
        !data.draft && data.updated ? [[slug, machineReadable(data.updated)]] : [],
      ),
    ),
  );
}

export async function syncArticles(
  context: LoaderContext,
  build: BuildContract,
  fetchPhoto: PhotoFetcher,
): Promise<void> {
  const { config } = context;
  const { topic, paths } = build;
  const entityIndex = indexEntities(topic.entities);
  // Everything besides the file itself that decides what is derived from it; the entities decide its
  // mentions, and the text settings whether its HTML, search document and mentions are the excerpt's.
  const textSettings = JSON.stringify([topic.text, topic.textBySource, topic.excerptLength]);
  const digestKey = `${await derivationFingerprint(config.markdown, config.root)}:${topic.trustHtml}:${topic.language}:${build.base}:${JSON.stringify(topic.entities)}:${textSettings}`;
  const cached = await cachedDigests(paths.articleCache);
  const articles = await readAndCheck(
    context,
    pathToFileURL(`${build.articlesDirectory}/`),
    entityIndex,
    digestKey,
    cached,
  );
  const derived = await render(context, articles, build, entityIndex, {
    directory: paths.articleCache,
    digests: cached,
  });
  await publish(context, articles, derived, build, fetchPhoto);
  // A build draws the missing social cards beside Astro's bundling (see `cards/cardDrawing.ts`); development draws them on request.
  if (!context.watcher)
    await listCardsToDraw(
      build,
      articles.filter(({ data }) => !data.draft).map(({ slug, data }) => ({ id: slug, data })),
      config.site,
    );
}
