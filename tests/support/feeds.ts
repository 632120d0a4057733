import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { projectRoot } from './buildSite.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const jsonFeedSchema = ajv.compile(
  JSON.parse(await readFile(join(projectRoot, 'tests/fixtures/schemas/jsonfeed-1.1.schema.json'), 'utf8')),
);

/** What is wrong with a JSON Feed by the JSON Feed 1.1 schema, one line per problem; none for a valid one. */
export function jsonFeedProblems(feed: unknown): string[] {
  return jsonFeedSchema(feed)
    ? []
    : (jsonFeedSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/** A built site's RSS feed at `path` (`tags/x/rss.xml`) and the JSON Feed beside it, each read by feedsmith. */
export async function readFeedPair(site: string, path: string) {
  const rssText = await readFile(join(site, path), 'utf8');
  const jsonText = await readFile(join(site, path.replace(/rss\.xml$/, 'feed.json')), 'utf8');
  const raw: unknown = JSON.parse(jsonText);
  const json = parseJsonFeed(raw);
  return { rss: parseRssFeed(rssText), json: { ...json, items: json.items ?? [] }, raw };
}
