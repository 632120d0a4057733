import type { List, RootContent } from 'mdast';
import type { CalendarDate } from '../../lib/dates.ts';
import { ImportError } from '../importError.ts';
import { markdownFromTree } from '../markdown.ts';
import { findDateInText, findYearlessDate, type TextDateOptions } from '../newsDates.ts';
import {
  isBoilerplate,
  isPersonName,
  listItem,
  looksLikeSubheading,
  namesUsedIn,
  readAuthorNote,
  readByline,
  readPhotoCredit,
  sentenceCaseCaption,
  tidyLine,
  wordCount,
  type PhotoCaption,
} from './rawTextLines.ts';

/** What a pasted article tells about itself; the options fill in the rest. */
export interface RawArticle {
  title: string;
  day?: CalendarDate;
  authors: string[];
  /** The outlet a closing note names ("… is the editor of Silicon Republic"), or a wire dateline. */
  outlet?: string;
  /** A date near the top that gives no year ("March 18 at 3:57 PM"), and its line, when no full date was found. */
  yearlessDate?: { text: string; line: number };
  image?: PhotoCaption;
  /** The article text as Markdown: paragraphs, `##` subheadings, lists. */
  body: string;
}

/** Paragraphs are separated by blank lines; a block is one paragraph however it was wrapped. */
interface TextBlock {
  lines: string[];
  /** Where the block starts in the input (1-based), for messages. */
  line: number;
  text: string;
}

const LONGEST_TITLE = 250;
/** Dates, credits and bylines are looked for among this many short blocks after the title. */
const HEADER_BLOCKS = 6;

function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const line = tidyLine(raw);
      if (!line) {
        current = undefined;
        return;
      }
      if (!current) blocks.push((current = { lines: [], line: index + 1, text: '' }));
      current.lines.push(line);
      current.text = current.text ? `${current.text} ${line}` : line;
    });
  return blocks;
}

/** A paragraph that reads as the article itself, which ends the header. */
function isProse(block: TextBlock): boolean {
  const words = wordCount(block.text);
  return words > 30 || (words > 12 && /[.!?]["'”’)]*$/u.test(block.text));
}

/**
 * The label of a date line, in English and the languages whose dates are read: "Posted on",
 * "Veröffentlicht am", "Publié le", "公開日".
 */
const DATE_LINE_WORDS =
  /^(?:(?:first|last)?\s*(?:published|updated|posted|modified)|date|on|(?:zuletzt\s+)?(?:veröffentlicht|aktualisiert)|stand|datum|publié|mis à jour|modifié|publicado|actualizado|atualizado|gepubliceerd|bijgewerkt|geplaatst|опубликовано|обновлено|公開日?|更新日?|投稿日|发布时间|发布于|更新时间)(?:\s+(?:am|le|el|em|op|à|on))?(?!\p{L})[\s:：,-]*/iu;
const SEPARATORS = /^[\s|,·•:–—-]+|[\s|,·•:–—-]+$/gu;

function trimSeparators(text: string): string {
  return text.replace(SEPARATORS, '');
}

/** A date line's other words: the date may be given twice ("2019年3月6日 — 6 March 2019"). */
function withoutDates(text: string, dates: TextDateOptions): string {
  let rest = trimSeparators(text);
  for (let date = findDateInText(rest, dates); date; date = findDateInText(rest, dates)) {
    rest = trimSeparators(`${rest.slice(0, date.index)} ${rest.slice(date.index + date.text.length)}`);
  }
  return rest;
}

interface Header {
  day?: CalendarDate;
  yearlessDate?: { text: string; line: number };
  authors: string[];
  captions: PhotoCaption[];
}

/** "(Updated: …)", "(Mis à jour : …)": a second date's label, left behind once the dates are read. */
const UPDATE_NOTE =
  /\(?\s*(?:last\s+)?(?:updated?|modified|mis à jour|actualisé|aktualisiert|actualizado|aggiornato|bijgewerkt)\b[^)]*\)?/giu;

/** What is left of a line once its dates and their labels are gone: empty, or words to read. */
function meaningful(text: string): string {
  return trimSeparators(
    text
      .replace(UPDATE_NOTE, ' ')
      .replace(/\(\s*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** What a header block turned out to be: page furniture to drop, or a line of the article after all. */
type HeaderReading = 'header' | 'text' | { keep: string };

/**
 * Reads a short block near the top: a date line ("6 Mar 2019", "Posted on March 6, 2019 by
 * Priya Natarajan", "AFP 30 avril 2015 à 07:19"), a caption with a date in it ("Huawei Logo Dec
 * 3 2018 AH": caption, date, credit), a credit or a byline. A standfirst that shares a line with
 * the date stays in the text; anything else is article text.
 */
function readHeaderBlock(block: TextBlock, header: Header, dates: TextDateOptions): HeaderReading {
  const { text } = block;
  const credit = readPhotoCredit(text);
  if (credit) {
    header.captions.push(credit);
    return 'header';
  }
  const byline = readByline(text);
  if (byline) {
    header.authors.push(...byline);
    return 'header';
  }
  if (header.day) return 'text';
  const date = findDateInText(text, dates);
  if (!date) {
    const yearless = wordCount(text) <= 12 && /\d/.test(text) ? findYearlessDate(text, dates.language) : undefined;
    if (!yearless || header.yearlessDate) return 'text';
    header.yearlessDate = { text: yearless, line: block.line };
    const rest = meaningful(text.replace(yearless, ' ').replace(DATE_LINE_WORDS, ''));
    const authors = rest ? (readByline(rest) ?? readByline(`by ${rest.replace(/^by\s+/i, '')}`)) : undefined;
    if (authors) header.authors.push(...authors);
    return 'header';
  }
  header.day = date.day;
  let before = withoutDates(text.slice(0, date.index), dates);
  while (DATE_LINE_WORDS.test(before)) before = trimSeparators(before.replace(DATE_LINE_WORDS, ''));
  before = meaningful(before);
  const after = meaningful(withoutDates(text.slice(date.index + date.text.length), dates));
  // "… by Priya Natarajan" after the date names the writer, not a photographer.
  const authorsAfter = /^by\s/i.test(after) ? readByline(after) : undefined;
  if (authorsAfter) header.authors.push(...authorsAfter);
  const creditAfter =
    !authorsAfter && after && wordCount(after) <= 5 && /\p{L}/u.test(after) && !/^\d/.test(after) ? after : undefined;
  if (!before) return 'header';
  const authors =
    readByline(before) ??
    (!creditAfter && (isPersonName(before) || /^\p{Lu}{2,}$/u.test(before)) ? [before] : undefined);
  if (authors) {
    header.authors.push(...authors);
    return 'header';
  }
  if (creditAfter) {
    header.captions.push({ alt: before, credit: creditAfter });
    return 'header';
  }
  // A sentence before a bare date or time is the standfirst, not a photo caption.
  return { keep: before };
}

/**
 * A header block line by line when every line is header on its own (a long byline with the
 * date on the next line), else as one block (a caption wrapped over two lines).
 */
function readHeaderLines(block: TextBlock, header: Header, dates: TextDateOptions): HeaderReading {
  // Only short blocks: a byline and a date, not a paragraph wrapped over lines.
  if (block.lines.length > 1 && block.lines.length <= 4 && wordCount(block.text) <= 40) {
    const trial: Header = { ...header, authors: [...header.authors], captions: [...header.captions] };
    const lines = block.lines.map((line, offset) =>
      readHeaderBlock({ lines: [line], line: block.line + offset, text: line }, trial, dates),
    );
    if (lines.every((reading) => reading === 'header')) {
      Object.assign(header, trial);
      return 'header';
    }
  }
  return readHeaderBlock(block, header, dates);
}

/** "VALDRIA, April 14, 2021 (Meridian Wire) - …": a wire dateline opening the text, its date and agency. */
const DATELINE = /^(?:\p{Lu}[\p{L}.'’ -]{1,40}?),\s+(.{5,40}?)\s*(?:\(([^)]{2,40})\))?\s*[-–—:]\s+\S/u;

function readDateline(text: string, dates: TextDateOptions): { day: CalendarDate; agency?: string } | undefined {
  const match = DATELINE.exec(text);
  const date = match && findDateInText(match[1]!, dates);
  if (!date || meaningful(withoutDates(match[1]!, dates))) return undefined;
  return { day: date.day, ...(match[2] && { agency: match[2].trim() }) };
}

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

/**
 * Reads an article pasted from a web page (the seed style): the title on the first line, a date
 * near the top, captions and credits, the text, and a closing note on the author. Page furniture
 * (advertising, share prompts) is dropped; text is kept exactly as written, Unicode and all.
 */
export function readRawArticle(text: string, options: TextDateOptions): RawArticle {
  const blocks = splitBlocks(text).filter((block) => !isBoilerplate(block.text));
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
  if (first.lines.length > 1)
    blocks.unshift({ lines: first.lines.slice(1), line: first.line + 1, text: first.lines.slice(1).join(' ') });

  const header: Header = { authors: [], captions: [] };
  const firstProse = blocks.findIndex(isProse);
  const headerEnd = Math.min(HEADER_BLOCKS, firstProse === -1 ? blocks.length : firstProse);
  const body = blocks.flatMap((block, index): TextBlock[] => {
    if (index >= headerEnd) return [block];
    const reading = readHeaderLines(block, header, options);
    if (reading === 'header') return [];
    if (reading === 'text') return [block];
    return [{ lines: [reading.keep], line: block.line, text: reading.keep }];
  });
  const dateline = header.day ? undefined : body[0] && readDateline(body[0].text, options);
  if (dateline) header.day = dateline.day;

  const article = body.filter((block) => {
    const caption = readPhotoCredit(block.text);
    if (caption) header.captions.push(caption);
    return !caption;
  });
  const closingNote = article.length > 1 ? readAuthorNote(article.at(-1)!.text) : undefined;
  if (closingNote) article.pop();
  if (article.length === 0) {
    throw new ImportError(
      'has a title but no article text (paste the paragraphs below the title, separated by blank lines)',
    );
  }

  const names = namesUsedIn(article.map((block) => block.text).join(' '));
  const image = mergeCaptions(header.captions, names);
  const authors = [...new Set([...header.authors, ...(closingNote?.authors ?? [])])];
  const outlet = closingNote?.outlet ?? dateline?.agency;
  return {
    title,
    ...(header.day && { day: header.day }),
    ...(!header.day && header.yearlessDate && { yearlessDate: header.yearlessDate }),
    authors,
    ...(outlet && { outlet }),
    ...(image && { image }),
    body: markdownFromTree({ type: 'root', children: bodyTree(article) }),
  };
}
