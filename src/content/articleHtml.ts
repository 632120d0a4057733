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
  // Drop the contents of these too, not just the tags: a stylesheet's text is not article text.
  strip: ['script', 'style', 'template', 'noscript'],
  // GitHub allows <input> for task lists; a news article has none, and a form control invites phishing.
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id', 'lang', 'dir'] },
};

const URL_ATTRIBUTES = ['href', 'src'] as const;

function parse(html: string): Root {
  return fromHtml(html, { fragment: true });
}

function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

const HEADING = /^h([1-6])$/;

/**
 * Headings renumbered to nest under the page's own `<h1>`: the body's first heading becomes
 * `<h2>` and none skips a level, whatever the source wrote (a feed's `<h4>`, a pasted `#`).
 * Headings keep their order relative to each other: a deeper one stays deeper, a shallower one
 * closes the sections it ends.
 */
export function nestHeadings(tree: Root): void {
  const open: Array<{ written: number; level: number }> = [];
  visit(tree, 'element', (element: Element) => {
    const written = Number(HEADING.exec(element.tagName)?.[1] ?? 0);
    if (!written) return;
    while (open.length > 0 && open.at(-1)!.written > written) open.pop();
    const parent = open.at(-1);
    const level = !parent ? 2 : parent.written === written ? parent.level : Math.min(parent.level + 1, 6);
    if (parent?.written === written) open.pop();
    open.push({ written, level });
    element.tagName = `h${level}`;
  });
}

/**
 * Rendered Markdown as it is published: sanitized unless the topic trusts its authors' raw
 * HTML; headings nested under the page's title; site links written from the root (`/timeline/`) moved under the site's base path; and
 * every link that leaves the site opened without handing the page over (`rel="noopener noreferrer"`).
 */
export function publishableArticleHtml(html: string, options: { trustHtml: boolean; base: string }): string {
  return toHtml(publishableTree(html, options));
}

/** Elements that start a line of text: a paragraph, heading, list item, cell… */
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figcaption',
  'tr',
  'td',
  'th',
  'div',
  'br',
  'hr',
]);

/** The article as published (see `publishableArticleHtml`), and its words as text, a block per line, to find what it names. */
export function publishableArticle(
  html: string,
  options: { trustHtml: boolean; base: string },
): { html: string; text: string } {
  const tree = publishableTree(html, options);
  let text = '';
  visit(tree, (node) => {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && BLOCKS.has(node.tagName)) text += '\n';
  });
  return { html: toHtml(tree), text };
}

function publishableTree(html: string, options: { trustHtml: boolean; base: string }): Root {
  const tree = options.trustHtml ? parse(html) : (sanitize(parse(html), articleSchema) as Root);
  nestHeadings(tree);
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  visit(tree, 'element', (element: Element) => {
    for (const attribute of URL_ATTRIBUTES) {
      const value = element.properties[attribute];
      if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base)) {
        element.properties[attribute] = `${base}${value.slice(1)}`;
      }
    }
    const href = element.properties['href'];
    if (element.tagName === 'a' && typeof href === 'string' && isExternal(href)) {
      element.properties['rel'] = ['noopener', 'noreferrer'];
    }
  });
  return tree;
}

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
