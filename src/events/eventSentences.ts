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
const ENGLISH_ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Fr|Rev|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Pres|Hon|Mt|No|Nos|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|U\.S|U\.K|U\.N|E\.U)\.\s*$/;

/**
 * The same in the other languages events are read in: a German ordinal day ("am 5. März"),
 * initials and short forms ("z. B.", "т. е."), and the titles news writes before names.
 */
const OTHER_ABBREVIATION =
  /(?:^|[\s(])(?:\d{1,2}|\p{L}|Dr|Prof|Nr|bzw|ca|vgl|St|Mme|Mlle|Sr|Sra|Dra|núm|dhr|mevr|mr|bijv|nr|др|им|гг)\.\s*$/u;

/** Quotation marks as each language opens and closes them: German closes with the mark English opens with. */
const QUOTATION_MARKS: Record<string, { open: RegExp; close: RegExp }> = {
  de: { open: /[„»]/g, close: /[“«]/g },
  ja: { open: /[「『]/g, close: /[」』]/g },
};
const DEFAULT_QUOTATION_MARKS = { open: /[“«„]/g, close: /[”»]/g };

/** Whether quotation marks opened in the text are still open: a quotation goes on. */
function quoteIsOpen(text: string, language: string): boolean {
  const { open, close } = QUOTATION_MARKS[language] ?? DEFAULT_QUOTATION_MARKS;
  const opened = (text.match(open) ?? []).length;
  const closed = (text.match(close) ?? []).length;
  return opened > closed || (text.match(/"/g) ?? []).length % 2 === 1;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** The sentence segmenter of a language: Japanese and Chinese end sentences with "。" and no space. */
function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })));
  return segmenter;
}

/** The sentences of one block, mended where the segmenter splits after an abbreviation or inside a quotation. */
function blockSentences(block: string, language: string): string[] {
  const abbreviation = language === 'en' ? ENGLISH_ABBREVIATION : OTHER_ABBREVIATION;
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenterFor(language).segment(block)) {
    pending += segment;
    if (abbreviation.test(pending) || quoteIsOpen(pending, language)) continue;
    sentences.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) sentences.push(pending.trim());
  return language === 'en' ? sentences.filter(Boolean) : sentences.flatMap(splitBeforeNumbers).filter(Boolean);
}

/** A full stop after a word, then a number: where the segmenter, expecting "No. 5", keeps on. */
const STOP_BEFORE_NUMBER = /(?<=\p{Ll}{2}[.!?]["»“”]?)\s+(?=\d)/u;

/**
 * "… на фоне скандалов. 1 декабря 2018 года …": the segmenter does not end a sentence before a number,
 * and a sentence in these languages often opens with a date.
 */
function splitBeforeNumbers(sentence: string): string[] {
  const parts: string[] = [];
  let rest = sentence;
  for (let stop = STOP_BEFORE_NUMBER.exec(rest); stop; stop = STOP_BEFORE_NUMBER.exec(rest)) {
    const head = rest.slice(0, stop.index);
    if (OTHER_ABBREVIATION.test(head)) break;
    parts.push(head);
    rest = rest.slice(stop.index + stop[0].length);
  }
  return [...parts, rest];
}

/** Every sentence of an article body, in reading order; `language` is a primary language subtag ("en", "de"). */
export function articleSentences(markdown: string, language = 'en'): string[] {
  return proseBlocks(markdown).flatMap((block) => blockSentences(block, language));
}
