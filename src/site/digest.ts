/**
 * What every page reads, computed once per build: the topic (from the build contract), the
 * published articles newest first, and the derived indexes pages share.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import build from 'virtual:dossier/build';
import { readArticleHtml, readArticleMentions } from '../build/articleCache.ts';
import type { SiteTopic, SluggedEntity } from '../build/buildContract.ts';
import { getPublishedArticles } from '../content/articles.ts';
import { groupBySource, groupByTag } from './groups.ts';
import { findRelatedArticles } from './related.ts';
import { collectTimelineEntries, eventsByArticle, groupByYearAndMonth } from '../timeline/timeline.ts';
import { entryHomes, entryLocation, planTimelinePages } from '../timeline/timelinePages.ts';
import { layoutOverview } from '../timeline/overview.ts';
import { timelinePath } from '../lib/urls.ts';
import { withCacheKeys } from './pageCacheKey.ts';
import { createTranslator, type Translator } from '../i18n/translate.ts';
import { namedEntities } from '../entities/entities.ts';
import { entriesNaming, groupByEntity } from '../entities/entityPages.ts';
import { createMentionMatcher } from '../entities/mentionMatcher.ts';
import { relatedOutsideGroups, showGroupsOnce, showPublicationsOnce } from './storyGroups.ts';

export type Article = CollectionEntry<'articles'>;

/** The topic, as the build contract holds it. */
export const getTopic = async (): Promise<SiteTopic> => build.topic;

let translator: Translator | undefined;

/** The interface's strings in the digest's language (see `src/i18n/`). */
export async function getTranslator(): Promise<Translator> {
  translator ??= createTranslator(build.topic.language, build.topic.ui, build.uiLanguage);
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
  slugged: readonly SluggedEntity[],
  language: string,
) {
  const groups = groupByEntity(
    articles,
    slugged.map((entity) => entity.slug),
  );
  const matcher = createMentionMatcher(namedEntities(slugged), language);
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

function buildIndexes(articles: Article[], topic: SiteTopic) {
  // Articles that are the same report are listed once, as one timeline publication (see `storyGroups.ts`).
  const groupOf = new Map(articles.flatMap(({ id, data }) => (data.sameReport ? [[id, data.sameReport]] : [])));
  const timeline = showPublicationsOnce(collectTimelineEntries(articles), (slug) => groupOf.get(slug));
  const timelinePages = planTimelinePages(groupByYearAndMonth(timeline));
  const homes = entryHomes(timelinePages);
  return {
    articles,
    /** The articles as listings and the site's feed show them: a group of the same report once. */
    listed: showGroupsOnce(articles),
    tags: groupByTag(articles).map((tag) => ({ ...tag, articles: showGroupsOnce(tag.articles) })),
    sources: groupBySource(articles).map((source) => ({ ...source, articles: showGroupsOnce(source.articles) })),
    timeline,
    timelinePages,
    /** Where a timeline entry lives on `/timeline/`, with its anchor: what links to it point to. */
    timelineEntryPath: (entry: Parameters<typeof entryLocation>[1]) => `${timelinePath}${entryLocation(homes, entry)}`,
    eventsByArticle: eventsByArticle(timeline),
    related: relatedOutsideGroups(findRelatedArticles(articles)),
    entities: entityIndex(articles, timeline, topic.entities, topic.language).map((entity) => ({
      ...entity,
      articles: showGroupsOnce(entity.articles),
    })),
  };
}

/** Published articles (drafts left out), newest first, with tags, sources, timeline, related articles and the topic's entities. */
export function getDigest() {
  cached ??= getCollection('articles').then((entries) => buildIndexes(getPublishedArticles(entries), build.topic));
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

/**
 * A dynamic route's paths with their incremental-build cache keys. Every page shows the topic
 * (title, language, navigation) besides its props, so a change to the topic renders every page.
 */
export async function cachedPaths<T extends { props?: unknown }>(paths: readonly T[]) {
  return withCacheKeys(paths, build.topicKey);
}

const articleCache = build.paths.articleCache;

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
