/**
 * The content collection of the articles. The loader and its schema are the content sync's
 * (`src/sync/`); the topic and every path come from the build contract that `dossier()` serves,
 * so the topic file is read once per build.
 */
import { defineCollection } from 'astro:content';
import build from 'virtual:dossier/build';
import { articleLoader, storedArticleSchema } from './sync/articleLoader.ts';

export const collections = {
  articles: defineCollection({
    loader: articleLoader(build),
    // The article schema, plus the excerpt and reading time the loader derives from the body.
    schema: storedArticleSchema,
  }),
};
