import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * What article HTML may contain: GitHub's rules (no scripts, styles, event handlers, frames,
 * forms or `javascript:` URLs), keeping heading ids unprefixed so in-page links still work.
 */
const articleSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id', 'lang', 'dir'] },
};

function parse(html: string): Root {
  return fromHtml(html, { fragment: true });
}

function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/**
 * Rendered article HTML as it is published: sanitized unless the topic trusts its authors'
 * raw HTML, and every link that leaves the site opened without handing the page over
 * (`rel="noopener noreferrer"`).
 */
export function publishableArticleHtml(html: string, options: { trustHtml: boolean }): string {
  const tree = options.trustHtml ? parse(html) : (sanitize(parse(html), articleSchema) as Root);
  visit(tree, 'element', (element: Element) => {
    const href = element.properties['href'];
    if (element.tagName === 'a' && typeof href === 'string' && isExternal(href)) {
      element.properties['rel'] = ['noopener', 'noreferrer'];
    }
  });
  return toHtml(tree);
}

const URL_ATTRIBUTES = ['href', 'src'] as const;

/**
 * Article HTML for a feed reader, which has no page to resolve links against: every URL made
 * absolute against the article's own URL (so `#notes` still points into the article).
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  const tree = parse(html);
  visit(tree, 'element', (element: Element) => {
    for (const attribute of URL_ATTRIBUTES) {
      const value = element.properties[attribute];
      if (typeof value === 'string') element.properties[attribute] = new URL(value, baseUrl).href;
    }
  });
  return toHtml(tree);
}
