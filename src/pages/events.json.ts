import type { APIRoute } from 'astro';
import { getDigest, getTopic } from '../site/digest.ts';
import { eventsExport } from '../timeline/timelineExports.ts';
import { exportUrls } from './_exportUrls.ts';

export const GET: APIRoute = async ({ site }) => {
  const [topic, { timeline, timelineEntryPath }] = await Promise.all([getTopic(), getDigest()]);
  return Response.json(eventsExport(timeline, topic, exportUrls(site!, timelineEntryPath)));
};
