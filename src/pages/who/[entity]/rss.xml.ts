import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedPaths, getDigest, getTopic, getTranslator, type Article } from '../../../site/digest.ts';
import { feedLength, feedResponse } from '../../_feed.ts';

export const getStaticPaths = (async () => {
  const [{ entities }, topic] = await Promise.all([getDigest(), getTopic()]);
  // Only the articles the feed carries, so an article outside them leaves the feed as it is.
  return cachedPaths(
    entities.map((entity) => ({
      params: { entity: entity.slug },
      props: { name: entity.name, articles: entity.articles.slice(0, feedLength(topic)) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; articles: Article[] }> = async ({ site, url, props }) => {
  const topic = await getTopic();
  const { t } = await getTranslator();
  return feedResponse({
    title: t('entity.feedTitle', { digest: topic.title, name: props.name }),
    description: t('entity.feedDescription', { digest: topic.title, name: props.name }),
    language: topic.language,
    site: site!,
    url,
    articles: props.articles,
    count: feedLength(topic),
  });
};
