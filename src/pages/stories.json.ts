import type { APIRoute } from 'astro';
import { getDigest, getTopic } from '../site/digest.ts';
import { storiesExport } from '../site/storyGroups.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

/** `/stories.json`: every group of articles that are the same report (see `storiesExport` and `/schemas/stories.schema.json`). */
export const GET: APIRoute = async ({ site }) => {
  const [topic, { articles }] = await Promise.all([getTopic(), getDigest()]);
  return Response.json(storiesExport(articles, topic, (slug) => absoluteUrl(articlePath(slug), site!)));
};
