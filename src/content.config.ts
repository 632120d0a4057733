/**
 * The content collections. The article schema lives in `src/lib/articleSchema.ts` so that the
 * importer and `npm run check` validate against the very same rules outside Astro.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDirectory } from './lib/siteAddress.ts';
import { topicSchema } from './lib/topicSchema.ts';
import { articleLoader, storedArticleSchema } from './loaders/articleLoader.ts';

const content = contentDirectory();

const articles = defineCollection({
  loader: articleLoader({ base: `${content}/articles`, topicFile: `${content}/topic.md` }),
  // The article schema, plus the excerpt and reading time the loader derives from the body.
  schema: storedArticleSchema,
});

const topic = defineCollection({
  loader: glob({ pattern: 'topic.md', base: content }),
  schema: topicSchema,
});

export const collections = { articles, topic };
