import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { glob } from 'tinyglobby';
import { readingMinutes, summarize } from '../lib/articles.ts';
import { articleSchema } from '../lib/articleSchema.ts';
import { checkArticles, type ArticleFile, type CheckedArticle } from '../lib/contentCheck.ts';
import { ContentErrors } from '../lib/contentErrors.ts';
import { markdownBody, parseMarkdownFile } from '../lib/frontmatter.ts';
import { articleSearchDocument, searchDocumentUrl } from '../lib/searchDocument.ts';
import { topicSchema } from '../lib/topicSchema.ts';
import { articleCacheDirectory, cachedDigests, pruneDerivedArticles, writeDerivedArticle, writeSearchManifest } from './articleCache.ts';
import { createBodyWorkers, type BodyWorkers } from './bodyWorkers.ts';

/**
 * What the content store holds for an article: its frontmatter, plus the two things listings need
 * from its body. The body and its HTML stay out of the store (see `articleCache.ts`); an article
 * page reads its HTML with `getArticleHtml`.
 */
export const storedArticleSchema = articleSchema.extend({
  /** The editor's summary, else the first paragraph cut to a listing's length. */
  excerpt: z.string(),
  /** Reading time in whole minutes. */
  readingMinutes: z.number().int().positive(),
});
type StoredArticle = z.infer<typeof storedArticleSchema>;

const utf8 = new TextDecoder();

/**
 * Loads `content/articles/**\/*.md`. Unlike Astro's `glob()` loader it reads the frontmatter with
 * YAML 1.2 (so `2019-02-30` is refused instead of becoming 2 March), checks every file before the
 * build goes on, and stops with one message listing every problem: `glob()` only logs some.
 * An article whose file, settings and code are unchanged since the last build is not rendered again.
 */
export function articleLoader(options: { base: string; topicFile: string }): Loader {
  return {
    name: 'dossier-articles',
    load: async (context) => {
      const baseDir = new URL(options.base.endsWith('/') ? options.base : `${options.base}/`, context.config.root);
      await syncArticles(context, baseDir, options.topicFile);
      context.watcher?.on('all', (_event, changedPath) => {
        if (!changedPath.startsWith(fileURLToPath(baseDir)) || !changedPath.endsWith('.md')) return;
        syncArticles(context, baseDir, options.topicFile).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/** The topic settings that change how every article is rendered; bad values are reported by the topic collection. */
async function readTopicSettings(topicFile: URL): Promise<{ trustHtml: boolean; language: string }> {
  const { frontmatter } = parseMarkdownFile(await readFile(topicFile, 'utf8'));
  return {
    trustHtml: topicSchema.shape.trustHtml.safeParse(frontmatter['trustHtml']).data ?? false,
    language: topicSchema.shape.language.safeParse(frontmatter['language']).data ?? 'en',
  };
}

/**
 * A fingerprint of what turns a file into what is stored besides the file itself: the loader and
 * `src/lib`, the installed packages, and Astro's Markdown settings. The derived files outlive
 * Astro's store, so a sanitizer fix or a Markdown option must change their names.
 */
async function derivationFingerprint(markdown: unknown): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(markdown, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value)));
  const files = await glob(['loaders/**', 'lib/**'], { cwd: fileURLToPath(new URL('..', import.meta.url)), absolute: true });
  files.push(fileURLToPath(new URL('../../package-lock.json', import.meta.url)));
  for (const file of files.sort()) hash.update(file).update(await readFile(file).catch(() => ''));
  return hash.digest('hex');
}

interface SyncSettings {
  trustHtml: boolean;
  language: string;
  base: string;
  cacheDirectory: string;
  /** Everything besides the file itself that decides what is derived from it. */
  digestKey: string;
}

/** Reads every article file, a few at a time. */
async function readArticleFiles(names: readonly string[], baseDir: URL, root: string): Promise<ArticleFile[]> {
  const files: ArticleFile[] = [];
  await forEachConcurrently(names, FILES_IN_FLIGHT, async (name, index) => {
    const absolutePath = fileURLToPath(new URL(name, baseDir));
    files[index] = { name, path: relative(root, absolutePath).split('\\').join('/'), bytes: await readFile(absolutePath) };
  });
  return files;
}

/** Runs `task` over `items`, at most `limit` at a time, so file reads and writes overlap the rendering. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
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

async function syncArticles(context: LoaderContext, baseDir: URL, topicFile: string): Promise<void> {
  const { store, config, generateDigest, renderMarkdown } = context;
  const topic = await readTopicSettings(new URL(topicFile, config.root));
  const settings: SyncSettings = {
    ...topic,
    base: config.base,
    cacheDirectory: articleCacheDirectory(config.cacheDir),
    digestKey: `${await derivationFingerprint(config.markdown)}:${topic.trustHtml}:${topic.language}:${config.base}`,
  };
  const names = (await glob('**/*.md', { cwd: fileURLToPath(baseDir) })).sort();
  const files = await readArticleFiles(names, baseDir, fileURLToPath(config.root));
  const cached = await cachedDigests(settings.cacheDirectory);
  const digestByPath = new Map(files.map((file) => [file.path, generateDigest(`${settings.digestKey}:${Buffer.from(file.bytes).toString('base64')}`)]));
  /** Stored by an earlier build from this very file, settings and code: neither parsed nor rendered again. */
  const storedUnchanged = (path: string, slug: string) => {
    const stored = store.get<StoredArticle>(slug);
    const digest = digestByPath.get(path)!;
    return stored?.digest === digest && stored.filePath === path && cached.has(digest) ? stored : undefined;
  };
  // The same checks as `npm run check`, over every file: links between articles make each file's
  // validity depend on the others, so links in an unchanged file are checked again too.
  const { articles, problems } = checkArticles(files, config.site ? new URL(config.site).origin : '', (file, slug) => {
    const stored = storedUnchanged(file.path, slug);
    if (!stored) return undefined;
    const { excerpt: _excerpt, readingMinutes: _minutes, ...data } = stored.data;
    return { data, body: markdownBody(utf8.decode(file.bytes)) };
  });
  if (problems.length > 0) throw new ContentErrors(problems);
  let workers: BodyWorkers | undefined;

  /** Stores one article, rendering it unless its file, settings and code are unchanged; returns its digest. */
  const load = async ({ path, slug, data, body }: CheckedArticle): Promise<string> => {
    const digest = digestByPath.get(path)!;
    if (storedUnchanged(path, slug)) return digest;
    let minutes: number;
    // Astro empties its store whenever the site's config changes; the rendering is still good.
    if (cached.has(digest)) minutes = readingMinutes(body);
    else {
      const rendered = await renderMarkdown(body);
      workers ??= createBodyWorkers({ trustHtml: settings.trustHtml, base: settings.base });
      const finished = await workers.finish(rendered.html, body);
      const html = finished.html;
      const searchDocument = data.draft ? undefined : articleSearchDocument({ slug, data, html, topicLanguage: settings.language, base: settings.base });
      await writeDerivedArticle(settings.cacheDirectory, digest, { html, searchDocument });
      minutes = finished.readingMinutes;
    }
    // The schema already ran in checkArticles; Astro's parseData would run it a second time.
    const excerpt = summarize({ id: slug, data, body });
    store.set({ id: slug, data: { ...data, excerpt, readingMinutes: minutes }, filePath: path, digest });
    return digest;
  };

  const digests: string[] = [];
  try {
    await forEachConcurrently(articles, FILES_IN_FLIGHT, async (article, index) => {
      digests[index] = await load(article);
    });
  } finally {
    await workers?.close();
  }

  const slugs = new Set(articles.map((article) => article.slug));
  for (const id of store.keys()) if (!slugs.has(id)) store.delete(id);
  await pruneDerivedArticles(settings.cacheDirectory, new Set(digests));
  const searchable = articles.flatMap((article, index) => (article.data.draft ? [] : [{ url: searchDocumentUrl(article.slug), digest: digests[index]!, day: article.data.date.day }]));
  await writeSearchManifest(settings.cacheDirectory, searchable);
}
