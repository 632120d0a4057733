/**
 * The content loader of the `articles` collection: Astro calls it to fill its content store,
 * and in development again whenever an article file changes. The work is `syncArticles`.
 */
import type { SchemaContext } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import type { BuildContract } from '../build/buildContract.ts';
import { articleSchema } from '../content/articleSchema.ts';
import type { PhotoFetcher } from './photos.ts';
import { syncArticles } from './syncArticles.ts';

const storedArticleFields = articleSchema.extend({
  /** The editor's summary, else the first paragraph cut to a listing's length. */
  excerpt: z.string(),
  /** Whether only an excerpt is published (see `textShown`): the article's HTML in the cache is then the excerpt's. */
  excerptOnly: z.boolean(),
  /** Reading time in whole minutes. */
  readingMinutes: z.number().int().positive(),
  /** Slugs of the topic's entities its title or summary names, most named first (see `articleMentions`). */
  about: z.array(z.string()),
  /** Slugs of the other entities it names or the editor added, most named first. */
  mentions: z.array(z.string()),
  /**
   * The articles that are the same report as this one, itself among them, earliest first, with their outlets
   * (see `src/stories/`); absent when no other article is.
   */
  sameReport: z.array(z.strictObject({ id: z.string(), source: z.string() })).optional(),
});

/**
 * What the content store holds for an article: its frontmatter, plus what listings need from its
 * body and its kept photo. The body and its HTML stay out of the store (see `articleCache.ts`); an
 * article page reads its HTML with `getArticleHtml`.
 */
export const storedArticleSchema = ({ image }: SchemaContext) =>
  storedArticleFields.extend({
    /**
     * The lead photo as the site serves it, when `image.src` is an outlet's address kept in the
     * photo cache (see `photos.ts`): Astro's image pipeline makes its sizes and formats.
     */
    photo: image().optional(),
  });

/** A store entry's data as the loader writes it: the photo is the path of its file, which Astro resolves when pages read it. */
export type StoredArticle = z.infer<typeof storedArticleFields> & { photo?: string | undefined };

/**
 * Loads `<content>/articles/**\/*.md`. Unlike Astro's `glob()` loader it reads the frontmatter with
 * YAML 1.2 (so `2019-02-30` is refused instead of becoming 2 March), checks every file before the
 * build goes on, and stops with one message listing every problem: `glob()` only logs some.
 */
export function articleLoader(build: BuildContract, options: { fetchPhoto: PhotoFetcher }): Loader {
  return {
    name: 'dossier-articles',
    load: async (context) => {
      await syncArticles(context, build, options.fetchPhoto);
      // The development server watches the project; a content folder elsewhere (DOSSIER_CONTENT) is watched too.
      context.watcher?.add(build.articlesDirectory);
      context.watcher?.on('all', (_event, changedPath) => {
        if (!changedPath.startsWith(build.articlesDirectory) || !changedPath.endsWith('.md')) return;
        syncArticles(context, build, options.fetchPhoto).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}
