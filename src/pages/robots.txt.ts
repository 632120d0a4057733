import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapPath } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapPath, site!)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
