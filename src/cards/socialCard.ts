/**
 * What a social card shows and where: the 1200×630 image a shared link's preview shows
 * (`og:image`), one per article and one for the digest. Pure: the layout is data, its text
 * blocks are Pango markup with every piece of text escaped, and `socialCardImage.ts` renders it.
 * Each block runs in its own text's direction (an English title on an Arabic card reads left to
 * right, from the left) and starts from its own side, as the page's `dir` and `lang` would.
 * @see https://ogp.me/#structured
 */
import { createHash } from 'node:crypto';
import type { TextDirection } from '../i18n/languageTags.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The inline and block margin, and the width of the bar along the card's starting side. */
const MARGIN = 80;
const BAR = 24;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

/** The two inks of a card, each blended into the paper: text, and the accent of the digest's name and the bar. */
export const CARD_COLOURS = { paper: '#fdfcfa', text: '#1c1c1e', accent: '#1d4e89' } as const;
export type CardInk = 'text' | 'accent';

/**
 * Noto's families cover every script a digest's dictionary or an article's title may use; the
 * CJK one is chosen by language so that Japanese and Chinese get their own forms of shared
 * characters. DejaVu is the fallback of a machine without Noto (CJK then shows as boxes).
 */
function fontFamilies(lang: string): string {
  const { language, script, region } = new Intl.Locale(lang).maximize();
  const cjk =
    language === 'ja' ? 'JP' : language === 'ko' ? 'KR' : script === 'Hant' ? (region === 'HK' ? 'HK' : 'TC') : 'SC';
  return `Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Devanagari, Noto Sans CJK ${cjk}, DejaVu Sans`;
}

/** One piece of text on the card, laid out by Pango within `width`, from its own direction's side. */
export interface CardBlock {
  text: string;
  /** The text's language (BCP 47), for its font and its line breaking. */
  lang: string;
  direction: TextDirection;
  ink: CardInk;
  bold: boolean;
  /** Font sizes in pixels, largest first: the first whose lines fit `maxHeight` is used. */
  sizes: readonly number[];
  /**
   * Which of the card's sides the block keeps to, in the block's own direction: `start` is the
   * left of a left-to-right text and the right of a right-to-left one.
   */
  edge: 'start' | 'end';
  /** The distance between that side of the card and the block. */
  inset: number;
  width: number;
  /** The block's top edge, below the card's: a line's capitals, not its line box, start there. */
  top: number;
  maxHeight: number;
}

export interface CardLayout {
  /** The card's own direction, the digest's: the bar runs along its starting side. */
  direction: TextDirection;
  blocks: CardBlock[];
}

/** A left-to-right or right-to-left mark: the first strong character, so Pango sets the paragraph's direction from it. */
const DIRECTION_MARK: Record<TextDirection, string> = { ltr: '\u200e', rtl: '\u200f' };

const MARKUP_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for Pango markup, which is XML: titles are an outlet's words, never markup. */
export function escapeMarkup(text: string): string {
  // Control characters other than newlines and tabs are not allowed in XML either.
  return text.replace(/[^\P{Cc}\t\n\r]/gu, '').replace(/[&<>"']/g, (character) => MARKUP_ESCAPES[character]!);
}

/**
 * The Pango markup of a block at one of its sizes. Pango starts each paragraph from its own
 * direction's side (its `left` alignment is the paragraph's start), so the direction mark sets both.
 * @see https://docs.gtk.org/Pango/pango_markup.html
 */
export function blockMarkup(block: CardBlock, size: number): string {
  const font = `${fontFamilies(block.lang)} ${block.bold ? 'Bold' : 'Regular'} ${size}px`;
  // Lines 1.3 sizes apart in every script (in Pango units, 1,024 a pixel at 72 dpi): Arabic's own line gap is twice Latin's.
  const lineHeight = Math.round(size * 1.3 * 1024);
  return `<span font_desc="${escapeMarkup(font)}" lang="${escapeMarkup(block.lang)}" line_height="${lineHeight}">${DIRECTION_MARK[block.direction]}${escapeMarkup(block.text)}</span>`;
}

/** At most `limit` characters (grapheme clusters, so no letter or emoji is cut in two), ending in an ellipsis when cut. */
function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const graphemes = [...new Intl.Segmenter().segment(flat)].map((segment) => segment.segment);
  return graphemes.length <= limit
    ? flat
    : `${graphemes
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`;
}

/** A text in `lang` on a card in another direction starts from its own side, as an element with its own `dir` does. */
interface CardText {
  text: string;
  lang: string;
  direction: TextDirection;
}

export interface ArticleCardInput {
  /** The digest's name and language: the card's frame. */
  digest: CardText;
  /** The article's title, in its own language. */
  title: CardText;
  /** The outlet and the date, written in the digest's language. */
  outlet: string;
  date: string;
}

export interface DigestCardInput {
  digest: CardText;
  description: string;
  /** The site's address as readers type it: `dossier.example.org`. */
  address: string;
}

const block = (text: CardText, rest: Omit<CardBlock, 'text' | 'lang' | 'direction'>): CardBlock => ({
  text: text.text,
  lang: text.lang,
  direction: text.direction,
  ...rest,
});

/** The inset of a block from its starting side on a card in `cardDirection`: past the bar when that side has it. */
const inset = (cardDirection: TextDirection, blockDirection: TextDirection) =>
  cardDirection === blockDirection ? MARGIN + BAR : MARGIN;

/** An article's card: the digest's name above, the title as large as it fits, the outlet and the date below. */
export function articleCardLayout(input: ArticleCardInput): CardLayout {
  const { digest } = input;
  const framed = (text: string): CardText => ({ text, lang: digest.lang, direction: digest.direction });
  const half = TEXT_WIDTH / 2 - BAR;
  return {
    direction: digest.direction,
    blocks: [
      block(
        { ...digest, text: clip(digest.text, 80) },
        {
          ink: 'accent',
          bold: true,
          sizes: [32],
          edge: 'start',
          inset: inset(digest.direction, digest.direction),
          width: TEXT_WIDTH - BAR,
          top: 64,
          maxHeight: 46,
        },
      ),
      block(
        { ...input.title, text: clip(input.title.text, 160) },
        {
          ink: 'text',
          bold: true,
          sizes: [64, 56, 48, 40],
          edge: 'start',
          inset: inset(digest.direction, input.title.direction),
          width: TEXT_WIDTH - BAR,
          top: 150,
          maxHeight: 330,
        },
      ),
      block(framed(clip(input.outlet, 60)), {
        ink: 'text',
        bold: false,
        sizes: [30],
        edge: 'start',
        inset: MARGIN + BAR,
        width: half,
        top: 530,
        maxHeight: 84,
      }),
      block(framed(input.date), {
        ink: 'text',
        bold: false,
        sizes: [30],
        edge: 'end',
        inset: MARGIN,
        width: half,
        top: 530,
        maxHeight: 42,
      }),
    ],
  };
}

/** The digest's card, for every page but an article's: its name, its description and its address. */
export function digestCardLayout(input: DigestCardInput): CardLayout {
  const { digest } = input;
  const start = MARGIN + BAR;
  return {
    direction: digest.direction,
    blocks: [
      block(
        { ...digest, text: clip(digest.text, 90) },
        {
          ink: 'text',
          bold: true,
          sizes: [76, 64, 52],
          edge: 'start',
          inset: start,
          width: TEXT_WIDTH - BAR,
          top: 96,
          maxHeight: 200,
        },
      ),
      block(
        { ...digest, text: clip(input.description, 220) },
        {
          ink: 'text',
          bold: false,
          sizes: [36, 32, 28],
          edge: 'start',
          inset: start,
          width: TEXT_WIDTH - BAR,
          top: 320,
          maxHeight: 180,
        },
      ),
      // An address reads left to right in every language.
      block(
        { text: input.address, lang: 'en', direction: 'ltr' },
        {
          ink: 'accent',
          bold: true,
          sizes: [30],
          edge: 'start',
          inset: digest.direction === 'ltr' ? start : MARGIN,
          width: TEXT_WIDTH - BAR,
          top: 530,
          maxHeight: 42,
        },
      ),
    ],
  };
}

/**
 * The name of a card in the card cache: a digest of exactly what it shows and where (the layout)
 * and of the code that draws it, so an unchanged card is never drawn again and a change to either
 * draws it anew.
 */
export function cardKey(layout: CardLayout, code: string): string {
  return createHash('sha256').update(code).update('\0').update(JSON.stringify(layout)).digest('base64url');
}
