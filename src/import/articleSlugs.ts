import { createHash } from 'node:crypto';
import { slugify } from '../lib/slugs.ts';

const LONGEST_SLUG = 80;

/**
 * The URL name of an imported article: its title as ASCII words ("Zürich" → "zurich"), cut at a
 * word boundary so URLs stay readable. A title with no Latin letters or digits (网络安全) gets a
 * name derived from its text, so the same title always gets the same name.
 */
export function articleSlug(title: string): string {
  const ascii = slugify(title)
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (!ascii) return `article-${createHash('sha256').update(title).digest('hex').slice(0, 10)}`;
  if (ascii.length <= LONGEST_SLUG) return ascii;
  const cut = ascii.slice(0, LONGEST_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, LONGEST_SLUG);
}

/** `slug`, or `slug-2`, `slug-3`… : the first name no other article has, since a URL names one article. */
export function freeSlug(slug: string, isTaken: (candidate: string) => boolean): string {
  let candidate = slug;
  for (let suffix = 2; isTaken(candidate); suffix++) candidate = `${slug}-${suffix}`;
  return candidate;
}
