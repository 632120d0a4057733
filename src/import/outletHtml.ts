/**
 * HTML from outlets' feeds and pages: links made absolute and stripped of tracking, the markup
 * sanitized, then turned into Markdown or plain text.
 */
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
export function absoluteUrl(
  value: string,
  base: string | undefined,
  schemes: ReadonlySet<string> = IMAGE_SCHEMES,
): string | undefined {
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

// Hosts that count readers or serve feed advertising: their images carry no content, and their
// links are redirects or ads, never the story's own.
const TRACKER_HOSTS =
  /(^|\.)(feeds\.feedburner\.com|feedproxy\.google\.com|pixel\.wp\.com|stats\.wordpress\.com|pixel\.quantserve\.com|sb\.scorecardresearch\.com|www\.google-analytics\.com|pheedo\.com|pheedcontent\.com|doubleclick\.net|feedsportal\.com|bluekai\.com|rss\.buysellads\.com|feeds\.wordpress\.com|da\.feedsportal\.com)$/;

/** Share and bookmark buttons ("Add to Facebook", "Share on X"), as feeds add them under each story. */
const SHARE_BUTTON =
  /^(?:add to|share (?:on|via|to|this)|post to|email this|tweet this|bookmark (?:on|with)|save to|submit to|digg this|like on)\b/i;

/** A footer that only sends the reader to the original ("Read full article >>", "Continue reading…"). */
const READ_MORE =
  /^(?:read (?:the )?(?:full|more|rest|whole|entire)(?: of)?(?: (?:the|this))?(?: (?:article|story|post|entry|item))?|continue reading|keep reading|read on|more)(?: (?:on|at) [\p{L} .]+)?[\s.…:>»›→]*$/iu;

function isTrackerUrl(url: string): boolean {
  return TRACKER_HOSTS.test(new URL(url).hostname) || /\.phdo(?:$|\?)/.test(new URL(url).pathname);
}

function isTrackingPixel(image: Element, src: string): boolean {
  const { width, height, style } = image.properties;
  const tiny = (size: unknown) => size !== undefined && Number.parseFloat(String(size)) <= 1;
  if (tiny(width) || tiny(height)) return true;
  if (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const label = `${String(image.properties['alt'] ?? '')} ${String(image.properties['title'] ?? '')}`.trim();
  return isTrackerUrl(src) || SHARE_BUTTON.test(label);
}

/** The text a reader sees in an element. */
function textOf(node: ElementContent | HtmlRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  return node.children.map((child) => textOf(child as ElementContent)).join('');
}

function hasImage(node: ElementContent): boolean {
  return node.type === 'element' && (node.tagName === 'img' || node.children.some(hasImage));
}

function hasDescribedImage(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  return (
    (node.tagName === 'img' && String(node.properties['alt'] ?? '').trim() !== '') ||
    node.children.some(hasDescribedImage)
  );
}

/** A link the story does not need: to a tracker or ad server, or a "read more" footer. */
function isJunkLink(element: Element, url: string | undefined): boolean {
  if (url && isTrackerUrl(url)) return true;
  const text = textOf(element).replace(/\s+/g, ' ').trim();
  return READ_MORE.test(text) && !hasImage(element);
}

function replaceWith(parent: HtmlRoot | Element, index: number, nodes: readonly ElementContent[]): number {
  (parent.children as HtmlContent[]).splice(index, 1, ...nodes);
  return index;
}

/** An address without the query parameters that only tell the publisher where a reader came from. */
export function withoutTracking(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()])
    if (/^(?:utm_|wprss$|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(name)) parsed.searchParams.delete(name);
  return parsed.href;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'figure',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'dl',
  'header',
  'footer',
  'aside',
]);

const isBreak = (node: ElementContent) => node.type === 'element' && node.tagName === 'br';
const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

/**
 * Children with runs of two or more `<br>` read as paragraph breaks, as publishers mean them:
 * the inline content between them becomes paragraphs. Undefined when there is no such run.
 */
function paragraphsAtBreaks(children: readonly ElementContent[]): ElementContent[] | undefined {
  const doubled = children.some((child, index) => {
    if (!isBreak(child)) return false;
    let next = index + 1;
    while (next < children.length && isBlank(children[next]!)) next += 1;
    return next < children.length && isBreak(children[next]!);
  });
  if (!doubled) return undefined;
  const result: ElementContent[] = [];
  let run: ElementContent[] = [];
  let breaks = 0;
  const flush = () => {
    while (run.length > 0 && (isBlank(run.at(-1)!) || isBreak(run.at(-1)!))) run.pop();
    while (run.length > 0 && (isBlank(run[0]!) || isBreak(run[0]!))) run.shift();
    if (run.length > 0) result.push({ type: 'element', tagName: 'p', properties: {}, children: run });
    run = [];
  };
  for (const child of children) {
    if (child.type === 'element' && BLOCK_TAGS.has(child.tagName)) {
      flush();
      result.push(child);
      breaks = 0;
    } else if (isBreak(child)) {
      breaks += 1;
      if (breaks >= 2) flush();
      else run.push(child);
    } else {
      if (!isBlank(child)) breaks = 0;
      run.push(child);
    }
  }
  flush();
  return result;
}

/**
 * Before sanitizing: links and images made absolute against the item's address (they would
 * otherwise point into the digest) and rid of tracking parameters; tracking pixels, ad and share
 * images, tracker links and "read more" footers removed; `<br><br>` made paragraph breaks; a
 * caption kept as a paragraph, and a `<h1>` demoted because the article page has its own.
 */
function prepareFeedHtml() {
  return (tree: HtmlRoot, file: { data: Record<string, unknown> }) => {
    const base = typeof file.data['base'] === 'string' ? file.data['base'] : undefined;
    visit(tree, 'element', (element, index, parent) => {
      const { href, src } = element.properties;
      const remove = (): [typeof SKIP, number] | typeof SKIP =>
        parent && index !== undefined ? [SKIP, replaceWith(parent, index, [])] : SKIP;
      if (typeof href === 'string') {
        const url = absoluteUrl(href, base, LINK_SCHEMES);
        if (element.tagName === 'a' && isJunkLink(element, url)) return remove();
        if (url) element.properties['href'] = url.startsWith('mailto:') ? url : withoutTracking(url);
        else delete element.properties['href'];
      } else if (element.tagName === 'a' && isJunkLink(element, undefined)) return remove();
      if (element.tagName === 'img') {
        const url = typeof src === 'string' ? absoluteUrl(src, base) : undefined;
        if (!url || isTrackingPixel(element, url)) return remove();
        element.properties['src'] = url;
      }
      const classes = element.properties['className'];
      if (
        Array.isArray(classes) &&
        classes.some((name) => /^(?:feedflare|share|sharing|social-share)/i.test(String(name)))
      )
        return remove();
      if (element.tagName === 'p' && READ_MORE.test(textOf(element).replace(/\s+/g, ' ').trim()) && !hasImage(element))
        return remove();
      if (element.tagName === 'figcaption') element.tagName = 'p';
      if (element.tagName === 'h1') element.tagName = 'h2';
      return undefined;
    });
    visit(tree, (node, index, parent) => {
      if (node.type !== 'root' && node.type !== 'element') return undefined;
      const paragraphs = paragraphsAtBreaks(node.children as ElementContent[]);
      if (!paragraphs) return undefined;
      // A paragraph split at its breaks becomes several paragraphs in its parent.
      if (node.type === 'element' && node.tagName === 'p' && parent && index !== undefined) {
        const spliced = paragraphs.map((child) =>
          child.type === 'element' && child.tagName === 'p'
            ? child
            : ({ type: 'element', tagName: 'p', properties: {}, children: [child] } as Element),
        );
        (parent.children as HtmlContent[]).splice(index, 1, ...spliced);
        return [SKIP, index + spliced.length];
      }
      node.children = paragraphs as typeof node.children;
      return undefined;
    });
  };
}

/**
 * After sanitizing: a link whose address was unsafe becomes its text, not an empty link; a link
 * left with nothing to click (its image was a pixel) goes, and one around an undescribed image
 * leaves the image.
 */
function unwrapDeadLinks() {
  return (tree: HtmlRoot) => {
    visit(tree, 'element', (element, index, parent) => {
      if (element.tagName !== 'a' || !parent || index === undefined) return undefined;
      if (!textOf(element).trim() && !hasImage(element)) return [SKIP, replaceWith(parent, index, [])];
      // A link whose only content is an undescribed image says nothing to a screen reader: keep the image alone.
      if (!textOf(element).trim() && !hasDescribedImage(element))
        return [SKIP, replaceWith(parent, index, element.children)];
      if (element.properties['href'] !== undefined) return undefined;
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
export function outletHtmlToMarkdown(html: string, base: string | undefined): string {
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
