import type { APIRoute, GetStaticPaths } from 'astro';
import { getDigest, getTopic, type Article } from '../../../siteData.ts';
import { feedResponse } from '../../_feed.ts';

export const getStaticPaths = (async () => {
  const { tags } = await getDigest();
  return tags.map((tag) => ({ params: { tag: tag.slug }, props: { name: tag.name, articles: tag.articles } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; articles: Article[] }> = async ({ site, props }) => {
  const topic = await getTopic();
  return feedResponse({
    title: `${topic.title}: ${props.name}`,
    description: `Articles tagged “${props.name}” in ${topic.title}.`,
    language: topic.language,
    site: site!,
    articles: props.articles,
    count: topic.latestCount * 2,
  });
};
