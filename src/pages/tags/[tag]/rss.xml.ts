import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedPaths, getDigest, getTopic, type Article } from '../../../site/digest.ts';
import { feedLength, feedResponse } from '../../_feed.ts';

export const getStaticPaths = (async () => {
  const [{ tags }, topic] = await Promise.all([getDigest(), getTopic()]);
  // Only the articles the feed carries, so an article outside them leaves the feed as it is.
  return cachedPaths(tags.map((tag) => ({ params: { tag: tag.slug }, props: { name: tag.name, articles: tag.articles.slice(0, feedLength(topic)) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; articles: Article[] }> = async ({ site, url, props }) => {
  const topic = await getTopic();
  return feedResponse({
    title: `${topic.title}: ${props.name}`,
    description: `Articles tagged “${props.name}” in ${topic.title}.`,
    language: topic.language,
    site: site!,
    url,
    articles: props.articles,
    count: feedLength(topic),
  });
};
