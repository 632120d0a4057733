import type { APIRoute } from 'astro';
import { getDigest, getTopic } from '../site/digest.ts';
import { feedLength, feedResponse } from '../site/feeds.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const topic = await getTopic();
  const { articles } = await getDigest();
  return feedResponse({
    title: topic.title,
    description: topic.description,
    language: topic.language,
    site: site!,
    url,
    articles,
    count: feedLength(topic),
  });
};
