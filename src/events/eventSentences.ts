/**
 * The sentences of an article's prose, as a reader sees them: the evidence an extracted event
 * points to. Headings, code, tables and HTML are left out; inline Markdown is reduced to its text.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** The text a reader sees of inline Markdown: link text yes, image addresses and raw HTML no. */
function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return ' ';
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          return phrasingText(node.children);
        default:
          return '';
      }
    })
    .join('');
}

/**
 * A paragraph opening with emphasised words and going on ("**21:40** Exit polls suggest…",
 * "*Update, 25 April 2019, 16:00:* …") has a lead-in: a label (a live blog's time, an update
 * stamp, a speaker's name), not a statement, and not part of the first sentence.
 */
function withoutLeadIn({ children }: Paragraph): PhrasingContent[] {
  const [first, ...rest] = children;
  const leadIn = (first?.type === 'strong' || first?.type === 'emphasis') && phrasingText(rest).trim() !== '';
  return leadIn ? rest : children;
}

/** The paragraphs of an article (list items and quotations among them) as plain text. */
export function proseBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  visit(markdownParser.parse(markdown) as Root, 'paragraph', (paragraph) => {
    const text = phrasingText(withoutLeadIn(paragraph)).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    return SKIP;
  });
  return blocks;
}

/**
 * Abbreviations that end in a full stop without ending the sentence: titles before a name,
 * month names before a day, initials, and the dotted country names news copy uses. State names
 * ("Calif.") are left out: they end sentences as often as not.
 */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Fr|Rev|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Pres|Hon|Mt|No|Nos|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|U\.S|U\.K|U\.N|E\.U)\.\s*$/;

/** Whether quotation marks opened in the text are still open: a quotation goes on. */
function quoteIsOpen(text: string): boolean {
  const opened = (text.match(/[“«„]/g) ?? []).length;
  const closed = (text.match(/[”»]/g) ?? []).length;
  return opened > closed || (text.match(/"/g) ?? []).length % 2 === 1;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of one block, mended where the segmenter splits after an abbreviation or inside a quotation. */
function blockSentences(block: string): string[] {
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(block)) {
    pending += segment;
    if (ABBREVIATION.test(pending) || quoteIsOpen(pending)) continue;
    sentences.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) sentences.push(pending.trim());
  return sentences.filter(Boolean);
}

/** Every sentence of an article body, in reading order. */
export function articleSentences(markdown: string): string[] {
  return proseBlocks(markdown).flatMap(blockSentences);
}
