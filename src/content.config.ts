/**
 * The content collections: the articles, and the topic (one entry, whose body is the About
 * page). Both come from `readTopic` and the article schema in `src/content/`, which the importer
 * and `npm run check` use too, so every tool agrees on what is valid.
 */
import { defineCollection } from 'astro:content';
import { articleLoader, storedArticleSchema } from './content/articleLoader.ts';
import { topicLoader } from './content/topicLoader.ts';
import { contentDirectory, readTopic } from './content/topic.ts';
import { topicSchema } from './content/topicSchema.ts';

const content = contentDirectory();
const topic = readTopic(content);

export const collections = {
  articles: defineCollection({
    loader: articleLoader({ directory: `${content}/articles`, topic }),
    // The article schema, plus the excerpt and reading time the loader derives from the body.
    schema: storedArticleSchema,
  }),
  // The topic is checked by `readTopic`; the schema gives the collection its types.
  topic: defineCollection({ loader: topicLoader(topic), schema: topicSchema }),
};
