import type { Element, ElementContent, Root as HtmlRoot, RootContent as HtmlContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Root as MarkdownRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { markdownFromTree } from './markdown.ts';

/** Schemes a link in an imported article may use; everything else (`javascript:`, `data:`, `file:`) goes. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/**
 * An address from a feed made absolute against the item's base, or undefined when it is not a
 * web address a reader may follow (or a relative one with nothing to resolve it against).
 */
export function absoluteUrl(value: string, base: string | undefined, schemes: ReadonlySet<string> = IMAGE_SCHEMES): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What feed HTML may keep: GitHub's rules (no scripts, event handlers, `javascript:` URLs), and
 * elements whose content is not article text removed whole rather than unwrapped, so that a
 * stylesheet or a form's labels do not turn up as paragraphs.
 */
const feedSchema: Schema = {
  ...defaultSchema,
  tagNames: defaultSchema.tagNames!.filter((name) => name !== 'input'),
  strip: [
    ...(defaultSchema.strip ?? []),
    'style',
    'iframe',
    'frame',
    'frameset',
    'noscript',
    'template',
    'form',
    'button',
    'select',
    'textarea',
    'object',
    'embed',
    'applet',
    'svg',
    'math',
    'canvas',
    'audio',
    'video',
    'head',
    'title',
    'meta',
    'link',
    'base',
  ],
};

// Hosts that serve feed-reader tracking images; their images carry no content.
const TRACKER_HOSTS = /(^|\.)(feeds\.feedburner\.com|feedproxy\.google\.com|pixel\.wp\.com|stats\.wordpress\.com|pixel\.quantserve\.com|sb\.scorecardresearch\.com|www\.google-analytics\.com)$/;

function isTrackingPixel(image: Element, src: string): boolean {
  const { width, height, style } = image.properties;
  const tiny = (size: unknown) => size !== undefined && Number.parseFloat(String(size)) <= 1;
  if (tiny(width) || tiny(height)) return true;
  if (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return TRACKER_HOSTS.test(new URL(src).hostname);
}

function replaceWith(parent: HtmlRoot | Element, index: number, nodes: readonly ElementContent[]): number {
  (parent.children as HtmlContent[]).splice(index, 1, ...nodes);
  return index;
}

/**
 * Before sanitizing: links and images made absolute against the item's address (they would
 * otherwise point into the digest), tracking pixels removed, a caption kept as a paragraph,
 * and a `<h1>` demoted because the article page has its own.
 */
function prepareFeedHtml() {
  return (tree: HtmlRoot, file: { data: Record<string, unknown> }) => {
    const base = typeof file.data['base'] === 'string' ? file.data['base'] : undefined;
    visit(tree, 'element', (element, index, parent) => {
      const { href, src } = element.properties;
      if (typeof href === 'string') {
        const url = absoluteUrl(href, base, LINK_SCHEMES);
        if (url) element.properties['href'] = url;
        else delete element.properties['href'];
      }
      if (element.tagName === 'img') {
        const url = typeof src === 'string' ? absoluteUrl(src, base) : undefined;
        if (!url || isTrackingPixel(element, url)) return parent && index !== undefined ? [SKIP, replaceWith(parent, index, [])] : SKIP;
        element.properties['src'] = url;
      }
      if (element.tagName === 'figcaption') element.tagName = 'p';
      if (element.tagName === 'h1') element.tagName = 'h2';
      return undefined;
    });
  };
}

/** After sanitizing: a link whose address was unsafe becomes its text, not an empty link. */
function unwrapDeadLinks() {
  return (tree: HtmlRoot) => {
    visit(tree, 'element', (element, index, parent) => {
      if (element.tagName !== 'a' || element.properties['href'] !== undefined || !parent || index === undefined) return undefined;
      return [SKIP, replaceWith(parent, index, element.children)];
    });
  };
}

const feedHtmlProcessor = unified()
  .use(rehypeParse, { fragment: true })
  .use(prepareFeedHtml)
  .use(rehypeSanitize, feedSchema)
  .use(unwrapDeadLinks)
  .use(rehypeRemark)
  .freeze();

/**
 * A feed item's HTML as a Markdown article body. Feed HTML is untrusted: only text, structure,
 * links and images survive, every address is absolute, and no script, style, event handler,
 * frame, form or tracking pixel does.
 */
export function feedHtmlToMarkdown(html: string, base: string | undefined): string {
  const markdown = feedHtmlProcessor.runSync(feedHtmlProcessor.parse(html), { data: { base } }) as MarkdownRoot;
  return markdownFromTree(markdown).trim();
}

const BLOCKS = new Set(['p', 'br', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'td', 'th']);

/** HTML (a title or a summary in a feed) as plain text: the words only, spaced as read. */
export function htmlToPlainText(html: string): string {
  const tree = sanitize(fromHtml(html, { fragment: true }), feedSchema);
  const words: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') words.push(node.value);
    else if (node.type === 'element' && BLOCKS.has(node.tagName)) words.push(' ');
  });
  return words.join('').replace(/\s+/g, ' ').trim();
}
