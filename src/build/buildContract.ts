/**
 * The build contract: what `dossier()` works out once per build from the topic file and Astro's
 * resolved config, and serves to the content config and every page as the virtual module
 * `virtual:dossier/build` (as Starlight serves `virtual:starlight/user-config`). Nothing else
 * reads the topic file, resolves the interface language or derives a path during a build.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishableArticleHtml } from '../content/articleHtml.ts';
import type { Topic } from '../content/topic.ts';
import type { TopicEntity, TopicSettings } from '../content/topicSchema.ts';
import { entitySlug } from '../entities/entities.ts';
import { resolveUiLanguage } from '../i18n/translate.ts';
import { buildPaths, type BuildPaths } from './buildPaths.ts';

/** The name pages and the content config import the contract by. */
export const BUILD_CONTRACT_MODULE = 'virtual:dossier/build';

/** One of the topic's entities with the slug of its page (`Ken Hu` → `ken-hu`). */
export type SluggedEntity = TopicEntity & { slug: string };

/** The topic as pages show it: its settings, its entities with their slugs, its About page as HTML. */
export interface SiteTopic extends Omit<TopicSettings, 'entities'> {
  entities: SluggedEntity[];
  /** The About page, rendered by Astro's Markdown processor, its links under the base path. */
  aboutHtml: string;
}

export interface BuildContract {
  topic: SiteTopic;
  /** A digest of every topic setting and the About text: every page shows the topic, so it is part of every page's cache key. */
  topicKey: string;
  /** The shipped dictionary the interface is written from, resolved once from the topic's language; none means English. */
  uiLanguage: string | undefined;
  /** The folder of the article files, absolute. */
  articlesDirectory: string;
  /** The site's base path, ending in `/`: `/` or `/digests/huawei/`. */
  base: string;
  paths: BuildPaths;
  /** A fingerprint of the code that draws social cards, part of every card's name in the card cache. */
  cardCode: string;
}

/**
 * The contract of one build. `aboutHtml` is the topic's About text as Astro's Markdown processor
 * rendered it; the editor wrote it, so its HTML is trusted, but its links still need the base path.
 */
export function createBuildContract(options: {
  topic: Topic;
  aboutHtml: string;
  contentDirectory: string;
  config: { root: URL; base: string; cacheDir: URL; outDir: URL };
  cardCode: string;
}): BuildContract {
  const { about: _markdown, entities, ...settings } = options.topic;
  const base = options.config.base.endsWith('/') ? options.config.base : `${options.config.base}/`;
  const topic: SiteTopic = {
    ...settings,
    entities: entities.map((entity) => ({ ...entity, slug: entitySlug(entity.name) })),
    aboutHtml: publishableArticleHtml(options.aboutHtml, { trustHtml: true, base }),
  };
  return {
    topic,
    topicKey: createHash('sha256').update(JSON.stringify(topic)).digest('base64url'),
    uiLanguage: resolveUiLanguage(topic.language),
    articlesDirectory: resolve(fileURLToPath(options.config.root), options.contentDirectory, 'articles'),
    base,
    paths: buildPaths(options.config),
    cardCode: options.cardCode,
  };
}
