import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/** The benchmark corpus, read by Astro's own glob loader with its default single-file store. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: `${process.env.DOSSIER_CONTENT ?? '../../content'}/articles` }),
});

export const collections = { articles };
