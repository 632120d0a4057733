import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'tinyglobby';
import { ContentError, ContentErrors } from '../lib/contentErrors.ts';
import { publishableArticleHtml } from '../lib/articleHtml.ts';
import { parseMarkdownFile } from '../lib/frontmatter.ts';
import { articleSlugFromPath } from '../lib/slugs.ts';
import { topicSchema } from '../lib/topicSchema.ts';
import { validateArticleFile } from '../lib/validateArticle.ts';

/**
 * Loads `content/articles/**\/*.md`. Unlike Astro's `glob()` loader it reads the frontmatter with
 * YAML 1.2 (so `2019-02-30` is refused instead of becoming 2 March), checks every file before the
 * build goes on, and stops with one message listing every problem: `glob()` only logs some.
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

/** Whether the topic trusts raw HTML in articles; a bad value is reported by the topic collection. */
async function readTrustHtml(topicFile: URL): Promise<boolean> {
  const { frontmatter } = parseMarkdownFile(await readFile(topicFile, 'utf8'));
  return topicSchema.shape.trustHtml.safeParse(frontmatter['trustHtml']).data ?? false;
}

async function syncArticles(context: LoaderContext, baseDir: URL, topicFile: string): Promise<void> {
  const { store, config, generateDigest, parseData, renderMarkdown } = context;
  const root = fileURLToPath(config.root);
  const trustHtml = await readTrustHtml(new URL(topicFile, config.root));
  const files = (await glob('**/*.md', { cwd: fileURLToPath(baseDir) })).sort();
  const problems: ContentError[] = [];
  const fileBySlug = new Map<string, string>();

  for (const file of files) {
    const absolutePath = fileURLToPath(new URL(file, baseDir));
    const relativePath = relative(root, absolutePath).split('\\').join('/');
    const bytes = await readFile(absolutePath);
    const slug = articleSlugFromPath(file);
    if (!slug) {
      problems.push(new ContentError(relativePath, 'has a file name with no letters or digits to make a URL from (rename the file)'));
      continue;
    }
    const owner = fileBySlug.get(slug);
    if (owner) {
      problems.push(new ContentError(relativePath, `wants the URL /articles/${slug}/, which ${owner} already has (rename one of the two files)`));
      continue;
    }
    fileBySlug.set(slug, relativePath);

    const article = validateArticleFile(relativePath, bytes);
    if (Array.isArray(article)) {
      problems.push(...article);
      continue;
    }
    const digest = generateDigest(`${trustHtml}:${bytes.toString('base64')}`);
    if (store.get(slug)?.digest === digest) continue;
    const data = await parseData({ id: slug, data: article.frontmatter, filePath: relativePath });
    const rendered = await renderMarkdown(article.body);
    rendered.html = publishableArticleHtml(rendered.html, { trustHtml, base: config.base });
    store.set({ id: slug, data, body: article.body, filePath: relativePath, digest, rendered });
  }

  for (const id of store.keys()) if (!fileBySlug.has(id)) store.delete(id);
  if (problems.length > 0) throw new ContentErrors(problems);
}
