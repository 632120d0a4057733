import type { CalendarDate } from '../lib/dates.ts';
import { foldCaseAndAccents } from '../lib/slugs.ts';

/** What makes two articles the same story, with the words to tell the editor. */
export interface StoryIdentity {
  canonical?: string | undefined;
  title: string;
  day: CalendarDate;
  /** The feed's guid or id; known only during one run, since files do not record it. */
  feedId?: string | undefined;
}

/** The file an article is already in, and why it counts as the same story. */
export interface Duplicate {
  file: string;
  reason: string;
}

/**
 * A URL as a key: scheme, fragment, tracking parameters and a trailing slash do not make
 * another article (`http://x.org/a/?utm_source=rss#top` is `https://x.org/a`).
 */
export function canonicalKey(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()])
    if (/^(utm_|fbclid$|gclid$)/i.test(name)) parsed.searchParams.delete(name);
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.hostname.replace(/^www\./, '')}${path}${parsed.search}`;
}

/** A title as a key: case, accents, quotes, punctuation and spacing do not make another story. */
export function titleKey(title: string, day: CalendarDate): string {
  const words = foldCaseAndAccents(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${words}|${day}`;
}

function keysOf(story: StoryIdentity): Array<readonly [key: string, reason: string]> {
  const keys: Array<readonly [string, string]> = [];
  if (story.canonical) keys.push([`url:${canonicalKey(story.canonical)}`, 'same canonical URL']);
  if (story.feedId) keys.push([`id:${story.feedId}`, 'same guid']);
  keys.push([`title:${titleKey(story.title, story.day)}`, 'same title and date']);
  return keys;
}

/**
 * The articles a content folder holds and the ones an import is adding, to find a story that is
 * already there and to give each new article a URL name of its own. An input's articles go into
 * a batch first, which joins the catalog only once the whole input has been written.
 */
export class ArticleCatalog {
  readonly #files = new Map<string, string>();
  readonly #slugs = new Set<string>();

  constructor(private readonly parent?: ArticleCatalog) {}

  /** Records an article's URL name and, when its frontmatter could be read, its identity. */
  add(file: string, slug: string, story?: StoryIdentity): void {
    this.#slugs.add(slug);
    if (story) for (const [key] of keysOf(story)) this.#files.set(key, file);
  }

  hasSlug(slug: string): boolean {
    return this.#slugs.has(slug) || (this.parent?.hasSlug(slug) ?? false);
  }

  #fileFor(key: string): string | undefined {
    return this.#files.get(key) ?? (this.parent ? this.parent.#fileFor(key) : undefined);
  }

  findDuplicate(story: StoryIdentity): Duplicate | undefined {
    for (const [key, reason] of keysOf(story)) {
      const file = this.#fileFor(key);
      if (file) return { file, reason };
    }
    return undefined;
  }

  batch(): ArticleCatalog {
    return new ArticleCatalog(this);
  }

  /** Adds a batch's articles to the catalog it was started from. */
  commit(): void {
    if (!this.parent) return;
    for (const [key, file] of this.#files) this.parent.#files.set(key, file);
    for (const slug of this.#slugs) this.parent.#slugs.add(slug);
  }
}
