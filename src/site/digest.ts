/**
 * What every page reads from the content layer, computed once per build: the topic, the
 * published articles newest first, and the derived indexes pages share.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { readArticleHtml, readArticleMentions } from '../content/articleCache.ts';
import { getPublishedArticles } from '../content/articles.ts';
import { TOPIC_ENTRY_ID } from '../content/topicLoader.ts';
import { publishableArticleHtml } from '../content/articleHtml.ts';
import { groupBySource, groupByTag } from './groups.ts';
import { findRelatedArticles } from './related.ts';
import { collectTimelineEntries, eventsByArticle, groupByYearAndMonth } from '../timeline/timeline.ts';
import { entryHomes, entryLocation, planTimelinePages } from '../timeline/timelinePages.ts';
import { layoutOverview } from '../timeline/overview.ts';
import { timelinePath } from '../lib/urls.ts';
import { withCacheKeys } from './pageCacheKey.ts';
import { createTranslator, type Translator } from '../i18n/translate.ts';
import { entitySlug, namedEntities } from '../entities/entities.ts';
import { entriesNaming, groupByEntity } from '../entities/entityPages.ts';
import { createMentionMatcher } from '../entities/mentionMatcher.ts';
import type { TopicEntity } from '../content/topicSchema.ts';

export type Article = CollectionEntry<'articles'>;

let topicCache: ReturnType<typeof loadTopic> | undefined;

/** The topic, read once per build: every page asks for it, and its About HTML is processed on reading. */
export function getTopic() {
  topicCache ??= loadTopic();
  return topicCache;
}

async function loadTopic() {
  const topic = await getEntry('topic', TOPIC_ENTRY_ID);
  if (!topic) throw new Error('The topic collection is empty: its loader did not run');
  // The About text is the editor's own, so its HTML is trusted; its links still need the base path.
  const about = publishableArticleHtml(topic.rendered?.html ?? '', { trustHtml: true, base: import.meta.env.BASE_URL });
  return { ...topic.data, about };
}

let translator: Promise<Translator> | undefined;

/** The interface's strings in the digest's language (see `src/i18n/`). */
export function getTranslator(): Promise<Translator> {
  translator ??= getTopic().then((topic) => createTranslator(topic.language, topic.ui));
  return translator;
}

let cached: Promise<ReturnType<typeof buildIndexes>> | undefined;

/** How many of the events naming an entity its page shows, newest first. */
const ENTITY_EVENTS = 10;

/**
 * Each of the topic's entities (in the topic file's order) with the articles naming it, the
 * entities named most often beside it, and the newest timeline events naming it.
 */
function entityIndex(
  articles: Article[],
  timeline: ReturnType<typeof collectTimelineEntries>,
  entities: readonly TopicEntity[],
  language: string,
) {
  const slugged = entities.map((entity) => ({ ...entity, slug: entitySlug(entity.name) }));
  const groups = groupByEntity(
    articles,
    slugged.map((entity) => entity.slug),
  );
  const matcher = createMentionMatcher(namedEntities(entities), language);
  const events = entriesNaming(
    timeline.filter((entry) => entry.kind === 'event'),
    matcher,
  );
  const nameOf = new Map(slugged.map((entity) => [entity.slug, entity.name]));
  return slugged.map((entity) => {
    const { articles: naming, together } = groups.get(entity.slug)!;
    return {
      ...entity,
      articles: naming,
      together: together.map((other) => ({ ...other, name: nameOf.get(other.slug)! })),
      events: (events.get(entity.slug) ?? []).slice(-ENTITY_EVENTS).reverse(),
    };
  });
}

/** One of the topic's entities as its page shows it. */
export type Entity = ReturnType<typeof entityIndex>[number];

function buildIndexes(articles: Article[], topic: { entities: readonly TopicEntity[]; language: string }) {
  const timeline = collectTimelineEntries(articles);
  const timelinePages = planTimelinePages(groupByYearAndMonth(timeline));
  const homes = entryHomes(timelinePages);
  return {
    articles,
    tags: groupByTag(articles),
    sources: groupBySource(articles),
    timeline,
    timelinePages,
    /** Where a timeline entry lives on `/timeline/`, with its anchor: what links to it point to. */
    timelineEntryPath: (entry: Parameters<typeof entryLocation>[1]) => `${timelinePath}${entryLocation(homes, entry)}`,
    eventsByArticle: eventsByArticle(timeline),
    related: findRelatedArticles(articles),
    entities: entityIndex(articles, timeline, topic.entities, topic.language),
  };
}

/** Published articles (drafts left out), newest first, with tags, sources, timeline, related articles and the topic's entities. */
export function getDigest() {
  cached ??= Promise.all([getCollection('articles'), getTopic()]).then(([entries, topic]) =>
    buildIndexes(getPublishedArticles(entries), topic),
  );
  return cached;
}

let overview: Promise<ReturnType<typeof layoutOverview>> | undefined;

/** The timeline at a glance, laid out in the digest's reading direction; `undefined` for an empty timeline. */
export function getTimelineOverview() {
  overview ??= Promise.all([getDigest(), getTranslator()]).then(([{ timeline, timelineEntryPath }, { dir }]) =>
    layoutOverview(timeline, timelineEntryPath, dir),
  );
  return overview;
}

let topicKey: Promise<string> | undefined;

/**
 * A dynamic route's paths with their incremental-build cache keys. Every page shows the topic
 * (title, language, navigation) besides its props, so a change to the topic renders every page.
 */
export async function cachedPaths<T extends { props?: unknown }>(paths: readonly T[]) {
  topicKey ??= getTopic().then((topic) => JSON.stringify(topic));
  return withCacheKeys(paths, await topicKey);
}

/** The folder of the articles' published HTML, which only the build's resolved config knows: set by the `dossier()` integration. */
const articleCache: string = import.meta.env.DOSSIER_ARTICLE_CACHE;

/** An article's published HTML, as the content sync rendered and sanitized it. */
export function getArticleHtml(article: Article): Promise<string> {
  if (article.digest === undefined)
    throw new Error(`Article ${article.id} has no digest: it was not stored by the article loader`);
  return readArticleHtml(articleCache, String(article.digest));
}

/** The sentence of each entity's first mention in an article, by slug, as the content sync found them. */
export async function getMentionContexts(article: Article): Promise<Record<string, string>> {
  return (await readArticleMentions(articleCache, String(article.digest))).contexts;
}
