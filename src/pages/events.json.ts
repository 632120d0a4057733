import type { APIRoute } from 'astro';
import { getDigest, getTopic, getTranslator } from '../site/digest.ts';
import { eventsExport } from '../timeline/timelineExports.ts';
import { exportUrls } from '../site/exportUrls.ts';

export const GET: APIRoute = async ({ site }) => {
  const [topic, { timeline, timelineEntryPath }, translator] = await Promise.all([
    getTopic(),
    getDigest(),
    getTranslator(),
  ]);
  return Response.json(eventsExport(timeline, topic, exportUrls(site!, timelineEntryPath), translator));
};
