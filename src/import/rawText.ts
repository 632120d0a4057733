import type { List, RootContent } from 'mdast';
import type { CalendarDate } from '../lib/dates.ts';
import { ImportError } from './importError.ts';
import { markdownFromTree } from './markdown.ts';
import { findDateInText } from './newsDates.ts';
import {
  isBoilerplate,
  listItems,
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
  /** The outlet a closing note names ("… is the editor of Silicon Republic"). */
  outlet?: string;
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

const DATE_LINE_WORDS = /^(?:(?:first|last)?\s*(?:published|updated|posted|modified)|date|on)\b[\s:,-]*/iu;
const SEPARATORS = /^[\s|,·•:–—-]+|[\s|,·•:–—-]+$/gu;

function trimSeparators(text: string): string {
  return text.replace(SEPARATORS, '');
}

/** A date line's other words: the date may be given twice ("2019年3月6日 — 6 March 2019"). */
function withoutDates(text: string, dayFirst: boolean): string {
  let rest = trimSeparators(text);
  for (let date = findDateInText(rest, { dayFirst }); date; date = findDateInText(rest, { dayFirst })) {
    rest = trimSeparators(`${rest.slice(0, date.index)} ${rest.slice(date.index + date.text.length)}`);
  }
  return rest;
}

interface Header {
  day?: CalendarDate;
  authors: string[];
  captions: PhotoCaption[];
}

/**
 * Reads a short block near the top: a date line ("6 Mar 2019"), a caption with a date in it
 * ("Huawei Logo Dec 3 2018 AH": caption, date, credit), a credit or a byline. False when the
 * block is none of these and belongs to the article text.
 */
function readHeaderBlock(text: string, header: Header, dayFirst: boolean): boolean {
  const credit = readPhotoCredit(text);
  if (credit) {
    header.captions.push(credit);
    return true;
  }
  const byline = readByline(text);
  if (byline) {
    header.authors.push(...byline);
    return true;
  }
  if (header.day) return false;
  const date = findDateInText(text, { dayFirst });
  if (!date) return false;
  header.day = date.day;
  let before = withoutDates(text.slice(0, date.index), dayFirst);
  while (DATE_LINE_WORDS.test(before)) before = trimSeparators(before.replace(DATE_LINE_WORDS, ''));
  const after = withoutDates(text.slice(date.index + date.text.length), dayFirst);
  const authors = readByline(before);
  if (authors) header.authors.push(...authors);
  else if (before) header.captions.push({ alt: before, ...(after && wordCount(after) <= 5 && { credit: after }) });
  return true;
}

function mergeCaptions(captions: readonly PhotoCaption[], names: ReadonlySet<string>): PhotoCaption | undefined {
  const alt = captions.find((caption) => caption.alt)?.alt;
  const credit = captions.find((caption) => caption.credit)?.credit;
  if (!alt && !credit) return undefined;
  return { ...(alt && { alt: sentenceCaseCaption(alt, names) }), ...(credit && { credit }) };
}

function bodyTree(blocks: readonly TextBlock[]): RootContent[] {
  let previous: RootContent['type'] | undefined;
  return blocks.map((block, index): RootContent => {
    const items = listItems(block.lines);
    const node: RootContent = items
      ? ({
          type: 'list',
          ordered: false,
          spread: false,
          children: items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: item }] }] })),
        } satisfies List)
      : block.lines.length === 1 && previous === 'paragraph' && index < blocks.length - 1 && looksLikeSubheading(block.text)
        ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }
        : { type: 'paragraph', children: [{ type: 'text', value: block.text }] };
    previous = node.type;
    return node;
  });
}

/**
 * Reads an article pasted from a web page (the seed style): the title on the first line, a date
 * near the top, captions and credits, the text, and a closing note on the author. Page furniture
 * (advertising, share prompts) is dropped; text is kept exactly as written, Unicode and all.
 */
export function readRawArticle(text: string, options: { dayFirst: boolean }): RawArticle {
  const blocks = splitBlocks(text).filter((block) => !isBoilerplate(block.text));
  const first = blocks.shift();
  if (!first) throw new ImportError('has no text (paste the article into it: the title on the first line, then the text)');
  const title = first.lines[0]!;
  if (title.length > LONGEST_TITLE) {
    throw new ImportError(`is ${title.length} characters long, too long for a title (put the headline alone on the first line)`, `line ${first.line}`);
  }
  if (first.lines.length > 1) blocks.unshift({ lines: first.lines.slice(1), line: first.line + 1, text: first.lines.slice(1).join(' ') });

  const header: Header = { authors: [], captions: [] };
  const firstProse = blocks.findIndex(isProse);
  const headerEnd = Math.min(HEADER_BLOCKS, firstProse === -1 ? blocks.length : firstProse);
  const body = blocks.filter((block, index) => !(index < headerEnd && readHeaderBlock(block.text, header, options.dayFirst)));

  const article = body.filter((block) => {
    const caption = readPhotoCredit(block.text);
    if (caption) header.captions.push(caption);
    return !caption;
  });
  const closingNote = article.length > 1 ? readAuthorNote(article.at(-1)!.text) : undefined;
  if (closingNote) article.pop();
  if (article.length === 0) {
    throw new ImportError('has a title but no article text (paste the paragraphs below the title, separated by blank lines)');
  }

  const names = namesUsedIn(article.map((block) => block.text).join(' '));
  const image = mergeCaptions(header.captions, names);
  const authors = [...new Set([...header.authors, ...(closingNote?.authors ?? [])])];
  return {
    title,
    ...(header.day && { day: header.day }),
    authors,
    ...(closingNote?.outlet && { outlet: closingNote.outlet }),
    ...(image && { image }),
    body: markdownFromTree({ type: 'root', children: bodyTree(article) }),
  };
}
