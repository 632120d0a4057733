import { parseMarkdownFile } from './frontmatter.ts';

/**
 * The folder holding `topic.md` and `articles/`: `content/`, unless `DOSSIER_CONTENT` names
 * another (to build a second digest, a test fixture or a benchmark corpus with the same code).
 */
export function contentDirectory(env: Record<string, string | undefined> = process.env): string {
  return (env['DOSSIER_CONTENT'] || 'content').replace(/\/+$/, '');
}

export interface SiteAddress {
  /** The site's origin and path, always ending in "/": `https://example.org/digests/huawei/`. */
  site: string;
  /** The path part, which Astro calls `base`: `/digests/huawei/`. */
  base: string;
}

/**
 * Where the site is published: `DOSSIER_SITE` when set (to deploy the same digest elsewhere),
 * else the topic file's `site`. The path of that URL becomes the base of every link.
 */
export function resolveSiteAddress(topicFileText: string, override: string | undefined): SiteAddress {
  const configured = override || parseMarkdownFile(topicFileText).frontmatter['site'];
  if (typeof configured !== 'string' || !URL.canParse(configured)) {
    throw new Error(`content/topic.md: field "site" must be the absolute URL the digest is published at, such as "https://example.org/" (got ${JSON.stringify(configured)})`);
  }
  const url = new URL(configured);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { site: url.href, base: url.pathname };
}
