import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DetectError,
  parseFeed,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { escapeHtml } from '../../lib/escapeHtml.ts';
import { htmlToPlainText } from '../outletHtml.ts';
import { ImportError } from '../importError.ts';

/** One story in a feed, whatever the feed's format, with its text fields as the feed gave them. */
export interface FeedStory {
  /** Its place in the feed, from 1, for messages ("item 3"). */
  position: number;
  title?: string | undefined;
  /** The story's address as written; may be relative to `base`. */
  link?: string | undefined;
  /**
   * The story's own address when `link` is a tracking redirect: FeedBurner's and Pheedo's
   * `origLink`, which the feed library does not read.
   */
  originalLink?: string | undefined;
  /** RSS guid, Atom id or JSON Feed id: what the publisher says makes the story the same story. */
  id?: string | undefined;
  published?: string | undefined;
  authors: string[];
  categories: string[];
  /** The full text as HTML (`content:encoded`, Atom `content`, `content_html`). */
  contentHtml?: string | undefined;
  /** The excerpt as HTML (`description`, Atom `summary`, JSON `summary`). */
  summaryHtml?: string | undefined;
  /** The `xml:base` in force for the story, as written. */
  base?: string | undefined;
  lang?: string | undefined;
}

/** A feed as the importer reads it: who publishes it and its stories. */
export interface FeedChannel {
  title?: string | undefined;
  /** The publisher's home page, as written. */
  link?: string | undefined;
  base?: string | undefined;
  lang?: string | undefined;
  stories: FeedStory[];
}

const present = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/** Titles in RSS are HTML in practice (`AT&amp;amp;T`, `<b>`); the digest shows them as text. */
function plainTitle(title: string | undefined): string | undefined {
  return present(title && /[<&]/.test(title) ? htmlToPlainText(title) : title?.replace(/\s+/g, ' '));
}

/** Plain text content (Atom `type="text"`, JSON `content_text`) as HTML paragraphs. */
function textAsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('');
}

function atomText(text: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  if (!text?.value) return undefined;
  const type = text.type ?? 'text';
  if (type === 'html' || type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml')
    return text.value;
  return type === 'text' || type.startsWith('text/') ? textAsHtml(text.value) : undefined;
}

function atomTitle(text: AtomFeed.Text | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml'
    ? plainTitle(text.value)
    : present(text.value.replace(/\s+/g, ' '));
}

function atomLink(links: ReadonlyArray<AtomFeed.Link<string>> | undefined): string | undefined {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  return (alternates.find((link) => !link.type || link.type === 'text/html') ?? alternates[0])?.href;
}

function names(people: ReadonlyArray<{ name?: string | undefined; email?: string | undefined }> | undefined): string[] {
  return (people ?? [])
    .map((person) => present(person.name) ?? present(person.email))
    .filter((name): name is string => name !== undefined);
}

function words(values: ReadonlyArray<string | undefined> | undefined): string[] {
  return (values ?? []).map(present).filter((value): value is string => value !== undefined);
}

function rssStory(item: RssFeed.Item<string>, position: number): FeedStory {
  const guid = present(item.guid?.value);
  const guidIsLink = guid !== undefined && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid);
  return {
    position,
    title: plainTitle(item.title ?? item.dc?.titles?.[0]),
    link: present(item.link) ?? (guidIsLink ? guid : undefined),
    id: guid,
    published:
      present(item.pubDate) ??
      present(item.dc?.dates?.[0]) ??
      present(item.atom?.published) ??
      present(item.atom?.updated),
    authors: [...names(item.authors), ...words(item.dc?.creators)],
    categories: [...words(item.categories?.map((category) => category.name)), ...words(item.dc?.subjects)],
    contentHtml: present(item.content?.encoded),
    summaryHtml: present(item.description),
    base: present(item.xml?.base),
  };
}

function rdfStory(item: RdfFeed.Item<string>, position: number): FeedStory {
  return {
    position,
    title: plainTitle(item.title),
    link: present(item.link) ?? present(item.rdf?.about),
    id: present(item.rdf?.about),
    published: present(item.dc?.dates?.[0]),
    authors: words(item.dc?.creators),
    categories: words(item.dc?.subjects),
    contentHtml: present(item.content?.encoded),
    summaryHtml: present(item.description),
    base: present(item.xml?.base),
    lang: present(item.dc?.languages?.[0]),
  };
}

function atomStory(entry: AtomFeed.Entry<string>, position: number, feedAuthors: string[]): FeedStory {
  const authors = names(entry.authors);
  return {
    position,
    title: atomTitle(entry.title),
    link: atomLink(entry.links),
    id: present(entry.id),
    published: present(entry.published) ?? present(entry.updated) ?? present(entry.dc?.dates?.[0]),
    // RFC 4287: an entry without authors has the feed's.
    authors: authors.length > 0 ? authors : feedAuthors,
    categories: words(entry.categories?.map((category) => category.label ?? category.term)),
    contentHtml: atomText(entry.content),
    summaryHtml: atomText(entry.summary),
    base: present(entry.xml?.base),
    lang: present(entry.xml?.lang),
  };
}

function jsonStory(item: JsonFeed.Item<string>, position: number, feedAuthors: string[]): FeedStory {
  const authors = names(item.authors);
  return {
    position,
    title: present(item.title?.replace(/\s+/g, ' ')),
    link: present(item.url),
    id: present(item.id),
    published: present(item.date_published) ?? present(item.date_modified),
    authors: authors.length > 0 ? authors : feedAuthors,
    categories: words(item.tags),
    contentHtml: present(item.content_html) ?? (item.content_text?.trim() ? textAsHtml(item.content_text) : undefined),
    summaryHtml: item.summary?.trim() ? textAsHtml(item.summary) : undefined,
    lang: present(item.language),
  };
}

/** Which parsed feed shape this is, mapped onto the importer's one shape. */
type ParsedFeed = AnyFeed<string>;

function channelOf(parsed: ParsedFeed): FeedChannel {
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      return {
        title: plainTitle(feed.title),
        link: present(feed.link),
        base: present(feed.xml?.base),
        lang: present(feed.language),
        stories: (feed.items ?? []).map((item, index) => rssStory(item, index + 1)),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      return {
        title: plainTitle(feed.title),
        link: present(feed.link),
        base: present(feed.xml?.base),
        lang: present(feed.dc?.languages?.[0]),
        stories: (feed.items ?? []).map((item, index) => rdfStory(item, index + 1)),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const authors = names(feed.authors);
      return {
        title: atomTitle(feed.title),
        link: atomLink(feed.links),
        base: present(feed.xml?.base),
        lang: present(feed.xml?.lang),
        stories: (feed.entries ?? []).map((entry, index) => atomStory(entry, index + 1, authors)),
      };
    }
    case 'json': {
      const { feed } = parsed;
      const authors = names(feed.authors);
      return {
        title: present(feed.title),
        link: present(feed.home_page_url),
        lang: present(feed.language),
        stories: (feed.items ?? []).map((item, index) => jsonStory(item, index + 1, authors)),
      };
    }
  }
}

const origLinkParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  processEntities: false,
  isArray: (name) => name === 'item' || name === 'entry',
});

/** Each item's `origLink` (any namespace prefix), in feed order. */
function originalLinks(xml: string): Array<string | undefined> {
  if (!xml.includes('origLink')) return [];
  const document = origLinkParser.parse(xml) as Record<string, Record<string, unknown> | undefined>;
  const channel = (document['rss']?.['channel'] ?? {}) as Record<string, unknown>;
  const items = (channel['item'] ?? document['RDF']?.['item'] ?? document['feed']?.['entry'] ?? []) as Array<
    Record<string, unknown>
  >;
  return items.map((item) => (typeof item['origLink'] === 'string' ? present(item['origLink']) : undefined));
}

/**
 * The feed library forgives broken XML and reads what it can, which would import a feed cut
 * short in download without a word. Checking well-formedness first turns that into one error
 * that says where the feed breaks.
 */
function checkWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result === true) return;
  const { msg, line } = result.err;
  // The validator reports elements left open at the end as `Invalid '["rss","channel"]' found`.
  const open = /^Invalid '\[(.*)\]' found/s.exec(msg)?.[1]?.match(/[^\s",]+/g);
  if (open) {
    throw new ImportError(
      `ends while <${open.at(-1)}> is still open: the feed was cut short (download it again)`,
      `line ${xml.trimEnd().split('\n').length}`,
    );
  }
  throw new ImportError(
    `is not well-formed XML: ${msg} (the feed is broken or was cut short: download it again, or ask its publisher to fix it)`,
    `line ${line}`,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { message } = error as Error;
    const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
    const reason = message.replace(/ in JSON at position.*$/, '').split(/, (?:"|\.\.\.)/)[0];
    throw new ImportError(`is not valid JSON: ${reason} (the feed is broken or was cut short)`, line && `line ${line}`);
  }
}

/** Reads an RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed document. */
export function readFeedChannel(text: string, kind: 'xml' | 'json' | 'html'): FeedChannel {
  let document: unknown = text;
  if (kind === 'html' || /^\s*<(!doctype\s+html|html[\s>])/i.test(text)) {
    throw new ImportError('is a web page, not a feed (open the page in a browser and look for its RSS or Atom link)');
  }
  if (kind === 'xml') checkWellFormed(text);
  else document = parseJson(text);
  let parsed: ParsedFeed;
  try {
    parsed = parseFeed<string>(document);
  } catch (error) {
    if (error instanceof DetectError) {
      throw new ImportError(
        kind === 'xml'
          ? 'is XML but not a feed: RSS, RSS 1.0 (RDF) or Atom expected (for a web page, look for its feed link)'
          : 'is JSON but not a JSON Feed (it needs "version", "title" and "items")',
      );
    }
    const { cause } = error as Error;
    const reason = cause instanceof Error ? cause.message : (error as Error).message;
    throw new ImportError(`could not be read as a feed: ${reason} (ask the feed's publisher to fix it)`);
  }
  const channel = channelOf(parsed);
  if (kind === 'xml') {
    const links = originalLinks(text);
    for (const story of channel.stories) story.originalLink = links[story.position - 1];
  }
  return channel;
}
