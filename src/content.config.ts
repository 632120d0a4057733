/**
 * The content collection of the articles. The loader and its schema are the content sync's
 * (`src/sync/`); the topic and every path come from the build contract that `dossier()` serves,
 * so the topic file is read once per build. Photos are fetched by the importer's client (the sync
 * cannot import the import domain, a folder of its own layer), with the digest named in its User-Agent.
 */
import { defineCollection } from 'astro:content';
import build from 'virtual:dossier/build';
import { fetchPhoto } from './import/fetchPhoto.ts';
import { articleLoader, storedArticleSchema } from './sync/articleLoader.ts';

export const collections = {
  articles: defineCollection({
    loader: articleLoader(build, { fetchPhoto: (url) => fetchPhoto(url, { digestAddress: build.topic.site }) }),
    // The article schema, plus the excerpt, reading time and kept photo the loader derives.
    schema: storedArticleSchema,
  }),
};
