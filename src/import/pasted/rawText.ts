import type { List, RootContent } from 'mdast';
import type { CalendarDate } from '../../lib/dates.ts';
import { ImportError } from '../importError.ts';
import { markdownFromTree } from '../markdown.ts';
import { numberOrderOf, englishDateOrder, type NumberOrder, type TextDateOptions } from '../newsDates.ts';
import {
  isBoilerplate,
  isSubscriptionPrompt,
  listItem,
  looksLikeSubheading,
  namesUsedIn,
  readPhotoCredit,
  sentenceCaseCaption,
  wordCount,
  type PhotoCaption,
} from './rawTextLines.ts';
import { blockOf, isProse, splitBlocks, type TextBlock } from './textBlocks.ts';
import { readClosingCredits, readWireOpening } from './textEnding.ts';
import {
  isBylineBlock,
  readsAsHeader,
  readTextHeader,
  wordsInSmallLetters,
  type Byline,
  type HeaderDates,
} from './textHeader.ts';
import { languageOfText, sameLanguage } from './textLanguage.ts';

/** What a pasted article tells about itself; the options fill in the rest. */
export interface RawArticle {
  title: string;
  day?: CalendarDate;
  authors: string[];
  /** The outlet a closing note names ("… is the editor of Silicon Republic"), or a wire dateline. */
  outlet?: string;
  /** A date near the top that gives no year ("March 18 at 3:57 PM"), and its line, when no full date was found. */
  yearlessDate?: { text: string; line: number };
  /** A date counted from the day the page was read ("1 day ago", "Yesterday"), when no full date was found. */
  relativeDate?: { text: string; line: number };
  /** A date in numbers that reads two ways ("11.03.17") and the day each way gives, when nothing settles it. */
  ambiguousDate?: { text: string; line: number; readings: Record<NumberOrder, CalendarDate> };
  /** Bylines that name different people in different places, when the text does not say which is the article's. */
  bylines?: Byline[];
  /** The text's own language, where its words show one other than the language it was read in. */
  language?: string;
  image?: PhotoCaption;
  /** The article text as Markdown: paragraphs, `##` subheadings, lists. */
  body: string;
}

const LONGEST_TITLE = 250;
/** Dates, credits and bylines are looked for among this many short blocks after the title. */
const HEADER_BLOCKS = 6;
/** A wire dateline opens one of this many first blocks of the text. */
const OPENING_BLOCKS = 3;

function mergeCaptions(captions: readonly PhotoCaption[], names: ReadonlySet<string>): PhotoCaption | undefined {
  const alt = captions.find((caption) => caption.alt)?.alt;
  const credit = captions.find((caption) => caption.credit)?.credit;
  if (!alt && !credit) return undefined;
  return { ...(alt && { alt: sentenceCaseCaption(alt, names) }), ...(credit && { credit }) };
}

/** Words a line may have and still be an item of a list that a lead-in ending in ":" announces. */
const LONGEST_UNMARKED_ITEM = 30;

type BodyUnit = { list: string[]; ordered: boolean } | { block: TextBlock };

/**
 * Blocks grouped into lists where the text has them: lines marked with bullets or numbers, in
 * one block or one per block; and, as pages lose their bullets when copied, the short lines
 * after a lead-in that ends with a colon ("President Obama also said:").
 */
function groupLists(blocks: readonly TextBlock[]): BodyUnit[] {
  const units: BodyUnit[] = [];
  const isMarked = (block: TextBlock | undefined) => block !== undefined && block.lines.every((line) => listItem(line));
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const marked = block.lines.map(listItem);
    // One marked line alone ("1. Not a list") is a paragraph; two or more, in one block or in neighbours, a list.
    const inList =
      isMarked(block) && (block.lines.length > 1 || isMarked(blocks[index - 1]) || isMarked(blocks[index + 1]));
    if (inList && marked.every((item) => item?.ordered === marked[0]!.ordered)) {
      const last = units.at(-1);
      const ordered = marked[0]!.ordered;
      if (last && 'list' in last && last.ordered === ordered && isMarked(blocks[index - 1]))
        last.list.push(...marked.map((item) => item!.text));
      else units.push({ list: marked.map((item) => item!.text), ordered });
      continue;
    }
    units.push({ block });
    if (!/:$/u.test(block.text)) continue;
    const items: string[] = [];
    for (let next = index + 1; next < blocks.length; next += 1) {
      const candidate = blocks[next]!;
      if (
        candidate.lines.length > 1 ||
        wordCount(candidate.text) > LONGEST_UNMARKED_ITEM ||
        /[.!?]["'”’)]*$/u.test(candidate.text) ||
        listItem(candidate.text)
      )
        break;
      items.push(candidate.text);
    }
    if (items.length >= 2) {
      units.push({ list: items, ordered: false });
      index += items.length;
    }
  }
  return units;
}

function bodyTree(blocks: readonly TextBlock[]): RootContent[] {
  let previous: RootContent['type'] | undefined;
  const units = groupLists(blocks);
  return units.map((unit, index): RootContent => {
    const node: RootContent =
      'list' in unit
        ? ({
            type: 'list',
            ordered: unit.ordered,
            spread: false,
            children: unit.list.map((item) => ({
              type: 'listItem',
              spread: false,
              children: [{ type: 'paragraph', children: [{ type: 'text', value: item }] }],
            })),
          } satisfies List)
        : unit.block.lines.length === 1 &&
            previous === 'paragraph' &&
            index < units.length - 1 &&
            looksLikeSubheading(unit.block.text) &&
            !/:$/u.test(unit.block.text)
          ? { type: 'heading', depth: 2, children: [{ type: 'text', value: unit.block.text }] }
          : { type: 'paragraph', children: [{ type: 'text', value: unit.block.text }] };
    previous = node.type;
    return node;
  });
}

/** Subscription boxes and page furniture: blocks that are all furniture go, and so do the short lines of a box. */
function withoutClutter(blocks: readonly TextBlock[]): TextBlock[] {
  const short = (block: TextBlock) => wordCount(block.text) <= 20 && !isProse(block);
  const box = blocks.map(
    (block) => block.lines.some(isSubscriptionPrompt) && block.lines.every((line) => wordCount(line) <= 20),
  );
  return blocks.flatMap((block, index): TextBlock[] => {
    if (box[index] || isBoilerplate(block.text)) return [];
    // A newsletter's blurb between its prompt and its price.
    if (short(block) && box[index - 1] && box[index + 1]) return [];
    // A line of furniture inside a block; a paragraph wrapped at "read more of the plans" goes on in small letters.
    const lines = block.lines.filter((line) => /^\p{Ll}/u.test(line) || !isBoilerplate(line));
    if (lines.length === 0) return [];
    return lines.length === block.lines.length ? [block] : [blockOf(lines, block.line)];
  });
}

/** Where the header ends: at the first paragraph of the text, a standfirst above the byline aside. */
function headerZone(
  blocks: readonly TextBlock[],
  dates: HeaderDates,
  words: ReadonlySet<string>,
): { start: number; end: number } {
  const standfirst =
    blocks.length > 1 && isProse(blocks[0]!) && !isBylineBlock(blocks[0]!) && readsAsHeader(blocks[1]!, dates, words);
  const start = standfirst ? 1 : 0;
  const prose = blocks.findIndex((block, index) => index >= start && isProse(block) && !isBylineBlock(block));
  return { start, end: Math.min(start + HEADER_BLOCKS, prose === -1 ? blocks.length : prose) };
}

/**
 * How the text's dates are read: in its own language where its words show one (a German text
 * pasted into an English digest); numbers day first with `--day-first`, else in that language's
 * order, else, for English without a country, in the order the text's own dates in words and its
 * spelling show; else not at all, so that a date reading two ways is reported, not guessed.
 */
function datesOf(text: string, options: TextDateOptions): { dates: HeaderDates; language?: string } {
  // Without a language given, a text is read as English, as the date parsers' first language.
  const own = languageOfText(text);
  const foreign = own && !sameLanguage(own, options.language ?? 'en') ? own : undefined;
  const language = foreign ?? options.language;
  const english = sameLanguage(language ?? 'en', 'en');
  const order: NumberOrder | undefined = options.dayFirst
    ? 'day-first'
    : (numberOrderOf(language) ?? (english ? englishDateOrder(text) : undefined));
  return {
    dates: { dayFirst: order === 'day-first', language, order },
    ...(foreign && { language: foreign }),
  };
}

/** The header's bylines as the article's authors, or all of them when they name different people. */
function authorsOf(bylines: readonly Byline[]): { authors: string[]; ambiguous?: Byline[] } {
  const key = (name: string) => name.toLocaleLowerCase();
  const [first, ...others] = bylines;
  if (!first) return { authors: [] };
  const named = new Set(first.authors.map(key));
  const apart = others.filter((byline) => !byline.authors.some((name) => named.has(key(name))));
  if (apart.length > 0) return { authors: [], ambiguous: [first, ...apart] };
  const authors = new Map(bylines.flatMap((byline) => byline.authors.map((name) => [key(name), name] as const)));
  return { authors: [...authors.values()] };
}

/**
 * Reads an article pasted from a web page (the seed style): the title on the first line, the
 * bylines and the date near the top, captions and credits, the text, and the credits closing it.
 * Page furniture (advertising, share prompts, subscription boxes) is dropped; text is kept exactly
 * as written, Unicode and all.
 */
export function readRawArticle(text: string, options: TextDateOptions): RawArticle {
  const blocks = withoutClutter(splitBlocks(text));
  const first = blocks.shift();
  if (!first)
    throw new ImportError('has no text (paste the article into it: the title on the first line, then the text)');
  const title = first.lines[0]!;
  if (title.length > LONGEST_TITLE) {
    throw new ImportError(
      `is ${title.length} characters long, too long for a title (put the headline alone on the first line)`,
      `line ${first.line}`,
    );
  }
  if (first.lines.length > 1) blocks.unshift(blockOf(first.lines.slice(1), first.line + 1));

  const { dates, language } = datesOf(text, options);
  const words = wordsInSmallLetters(text);
  const { start, end } = headerZone(blocks, dates, words);
  const header = readTextHeader(blocks.slice(start, end), dates, words);
  const body = [...blocks.slice(0, start), ...header.text, ...blocks.slice(end)];
  // The first paragraph of the text, after a standfirst or a kicker that the header kept.
  const openingAt = body.findIndex((block, index) => index < OPENING_BLOCKS && readWireOpening(block, dates));
  const opening = openingAt === -1 ? undefined : readWireOpening(body[openingAt]!, dates);
  if (opening) body[openingAt] = opening.block;
  const day = header.day ?? opening?.day;

  const captions = [...header.captions];
  const paragraphs = body.filter((block) => {
    const caption = readPhotoCredit(block.text);
    if (caption) captions.push(caption);
    return !caption;
  });
  const { authors: bylined, ambiguous } = authorsOf(header.bylines);
  const { article, credits } = readClosingCredits(paragraphs, bylined);
  if (article.length === 0) {
    throw new ImportError(
      'has a title but no article text (paste the paragraphs below the title, separated by blank lines)',
    );
  }

  const names = namesUsedIn(article.map((block) => block.text).join(' '));
  const image = mergeCaptions(captions, names);
  const agency = opening?.agency ?? credits.agency;
  // The same writer at the top and in the sign-off, however each writes the name, once, as the byline has it.
  const seen = new Set(bylined.map((name) => name.toLocaleLowerCase()));
  const signed = [...bylined, ...credits.authors.filter((name) => !seen.has(name.toLocaleLowerCase()))];
  const authors = signed.length > 0 || ambiguous ? signed : agency ? [agency] : [];
  const outlet = credits.outlet ?? agency;
  const unsettled = day ? undefined : header.unsettled;
  return {
    title,
    ...(day && { day }),
    ...(unsettled?.kind === 'yearless' && { yearlessDate: { text: unsettled.text, line: unsettled.line } }),
    ...(unsettled?.kind === 'relative' && { relativeDate: { text: unsettled.text, line: unsettled.line } }),
    ...(unsettled?.kind === 'order' &&
      unsettled.readings && {
        ambiguousDate: { text: unsettled.text, line: unsettled.line, readings: unsettled.readings },
      }),
    authors,
    ...(ambiguous && { bylines: ambiguous }),
    ...(outlet && { outlet }),
    ...(language && { language }),
    ...(image && { image }),
    body: markdownFromTree({ type: 'root', children: bodyTree(article) }),
  };
}
