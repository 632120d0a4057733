/**
 * The digest's feeds as an OPML 2.0 outline, the file feed readers import a set of subscriptions
 * from: the digest's own feeds (the whole digest, each tag, each entity, in RSS and JSON Feed) and
 * the outlets' feeds it follows, so a reader can follow the same sources in their own reader.
 * @see https://opml.org/spec2.opml
 */
import { escapeHtml } from '../lib/escapeHtml.ts';

/** One subscription: a feed's address, what a reader's list calls it, and the page it belongs to. */
export interface OutlineFeed {
  text: string;
  /** `rss` for RSS 2.0, Atom and JSON Feed alike, as feed readers expect in OPML. */
  xmlUrl: string;
  htmlUrl?: string | undefined;
}

/** A titled group of subscriptions; empty groups are left out. */
export interface OutlineGroup {
  text: string;
  feeds: readonly OutlineFeed[];
}

const feedLine = ({ text, xmlUrl, htmlUrl }: OutlineFeed, indent: string) =>
  `${indent}<outline type="rss" text="${escapeHtml(text)}" title="${escapeHtml(text)}" xmlUrl="${escapeHtml(xmlUrl)}"${
    htmlUrl ? ` htmlUrl="${escapeHtml(htmlUrl)}"` : ''
  }/>`;

/** The OPML document; no creation date, so the same digest always gives the same bytes. */
export function feedOutline(options: { title: string; groups: readonly OutlineGroup[] }): string {
  const groups = options.groups.filter((group) => group.feeds.length > 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeHtml(options.title)}</title></head>`,
    '  <body>',
    ...groups.flatMap((group) => [
      `    <outline text="${escapeHtml(group.text)}" title="${escapeHtml(group.text)}">`,
      ...group.feeds.map((feed) => feedLine(feed, '      ')),
      '    </outline>',
    ]),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
