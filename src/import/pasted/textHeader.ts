/**
 * The top of a pasted article, between the title and the text: bylines, dates, job titles,
 * handles, providers, kickers and photo credits, in the many ways pages lay them out ("By" alone
 * above the name, a name alone above a date, byline and date and a follow link on one line). Read
 * line by line, each line in the light of its neighbours: a name alone is a byline beside a date
 * or a job title, and a label beside a byline is page furniture.
 */
import type { CalendarDate } from '../../lib/dates.ts';
import {
  findDateInText,
  findRelativeDate,
  findTimeOfDay,
  findYearlessDate,
  numericDateReadings,
  type NumberOrder,
  type TextDateOptions,
} from '../newsDates.ts';
import { isOutletName, JOB } from '../bylineNames.ts';
import {
  isBoilerplate,
  isHeaderFurniture,
  isJobLine,
  isLoneBy,
  readByline,
  readNamesLine,
  readPhotoCredit,
  withoutHandles,
  wordCount,
  type PhotoCaption,
} from './rawTextLines.ts';
import { blockOf, type TextBlock } from './textBlocks.ts';

/** How a text's dates are read: its language, and the order of its numbers where that is settled. */
export interface HeaderDates extends TextDateOptions {
  /** Undefined when nothing settles it: a date in numbers that reads two ways is then reported, not guessed. */
  order?: NumberOrder | undefined;
}

/** A date the text shows without settling it. */
export interface UnsettledDate {
  /** No year ("Mar 17"), counted from the reading day ("1 day ago"), or numbers that read two ways ("11.03.17"). */
  kind: 'yearless' | 'relative' | 'order';
  /** As written. */
  text: string;
  line: number;
  /** For numbers that read two ways, the day each way gives. */
  readings?: Record<NumberOrder, CalendarDate> | undefined;
}

/** The names one block of the header gives as its writers, and where. */
export interface Byline {
  authors: string[];
  line: number;
}

export interface TextHeader {
  day?: CalendarDate;
  unsettled?: UnsettledDate;
  bylines: Byline[];
  captions: PhotoCaption[];
  /** What the header blocks hold of the article itself (a standfirst, a kicker), in order. */
  text: TextBlock[];
}

/** What one line of the header is; `date` covers a date, a time alone and a date counted from the reading day. */
type LineReading =
  | { kind: 'credit'; caption: PhotoCaption }
  | { kind: 'furniture' | 'job' | 'by' | 'label' | 'text' }
  | { kind: 'byline'; authors: string[] }
  | { kind: 'names'; names: string[] }
  | {
      kind: 'date';
      day?: CalendarDate;
      unsettled?: Omit<UnsettledDate, 'line'>;
      authors?: string[] | undefined;
      caption?: PhotoCaption;
      keep?: string;
    };

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

/** "(Updated: …)", "(Mis à jour : …)": a second date's label, left behind once the dates are read. */
const UPDATE_NOTE =
  /\(?\s*(?:last\s+)?(?:updated?|modified|mis à jour|actualisé|aktualisiert|actualizado|aggiornato|bijgewerkt)\b[^)]*\)?/giu;

/** "· 18 min read", "in Features": what a date line says besides the date, about the page, not the writer. */
const DATE_LINE_EXTRAS = /(?:^|\s)(?:\d+\s*min(?:ute)?s?\.?\s*read|in\s+\p{Lu}[\p{L}&' -]*)$/u;

/** What is left of a line once its dates and their labels are gone: empty, or words to read. */
function meaningful(text: string): string {
  return trimSeparators(
    withoutHandles(text)
      .replace(UPDATE_NOTE, ' ')
      .replace(/\(\s*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * Whose line a date line is, from the names before the date, or an agency in capitals ("AFP").
 * One capitalized word alone is the dateline's place ("Madrid, 03/04/2021"), not a writer.
 */
function writersBefore(before: string): string[] | undefined {
  if (/^\p{Lu}{2,}$/u.test(before)) return [before];
  const names = readNamesLine(before);
  return names && (names.length > 1 || names[0]!.includes(' ')) ? names : undefined;
}

/**
 * A line with a full date: "6 Mar 2019", "Posted on March 6, 2019 by Priya Natarajan", "AFP 30
 * avril 2015 à 07:19", "by Ann Example @annexample February 1, 2016: 12:41 PM ET", a caption with
 * a date in it ("Huawei Logo Dec 3 2018 AH": caption, date, credit), or a standfirst before a
 * bare date or time, which stays text.
 */
function readFullDateLine(text: string, dates: HeaderDates): LineReading | undefined {
  const date = findDateInText(text, dates);
  if (!date) return undefined;
  const readings = numericDateReadings(date.text);
  const day = readings ? (dates.order ? readings[dates.order] : undefined) : date.day;
  const settled = day ? { day } : { unsettled: { kind: 'order' as const, text: date.text, readings } };
  let before = withoutDates(text.slice(0, date.index), dates);
  while (DATE_LINE_WORDS.test(before)) before = trimSeparators(before.replace(DATE_LINE_WORDS, ''));
  // "By Ann Example, MA on January 4, 2021": the preposition belongs to the date.
  before = meaningful(before).replace(/[\s,]+(?:on|at|le|am|el|em|op|à|il|den|dne)$/iu, '');
  const after = meaningful(
    withoutDates(text.slice(date.index + date.text.length), dates).replace(DATE_LINE_EXTRAS, ''),
  );
  // "… by Priya Natarajan" after the date names the writer, not a photographer.
  const authorsAfter = /^by\s/i.test(after) ? readByline(after) : undefined;
  const creditAfter =
    !authorsAfter && after && wordCount(after) <= 5 && /\p{L}/u.test(after) && !/^\d/.test(after) ? after : undefined;
  if (!before) return { kind: 'date', ...settled, authors: authorsAfter };
  const authors = readByline(before) ?? (creditAfter ? undefined : writersBefore(before));
  if (authors) return { kind: 'date', ...settled, authors: [...authors, ...(authorsAfter ?? [])] };
  // A provider or outlet before the date ("Example Wire 3 March 2019") names no writer.
  if (isOutletName(before) || isHeaderFurniture(before)) return { kind: 'date', ...settled, authors: authorsAfter };
  if (creditAfter) return { kind: 'date', ...settled, caption: { alt: before, credit: creditAfter } };
  // A sentence before a bare date or time is the standfirst, not a photo caption; a label
  // ("Example中文站2016年10月14日") is the page's.
  if (isLabel(before)) return { kind: 'date', ...settled };
  return { kind: 'date', ...settled, keep: before };
}

/** Lines longer than this are text that mentions a time, not a date line. */
const LONGEST_DATE_LINE = 12;
/** Words a provider beside a date without a year has at most ("Example Japan 3/9(木) 18:45配信"). */
const LONGEST_PROVIDER = 4;

/**
 * A line whose date does not settle the day ("Mar 17", "Ann Example 1 day ago", "Yesterday at
 * 3:57 PM") or that gives a time alone ("1:39 PM ET"), with the writer's name beside it.
 */
function readPartialDateLine(text: string, dates: HeaderDates): LineReading | undefined {
  if (wordCount(text) > LONGEST_DATE_LINE || /[.!?]["'”’)]*$/u.test(text)) return undefined;
  const yearless = /\d/.test(text) ? findYearlessDate(text, dates.language) : undefined;
  const relative = yearless ? undefined : findRelativeDate(text, dates.language);
  const found = yearless ?? relative?.text ?? findTimeOfDay(text, dates.language)?.text;
  if (!found) return undefined;
  const rest = meaningful(text.replace(found, ' ').replace(DATE_LINE_WORDS, '').replace(DATE_LINE_EXTRAS, ''));
  const authors = rest ? (readByline(rest) ?? readNamesLine(rest)) : undefined;
  // "Today's Briefing" mentions a day; it is no date line. A date without a year may carry its provider.
  if (rest && !authors && (!yearless || wordCount(rest) > LONGEST_PROVIDER)) return undefined;
  const kind = yearless ? 'yearless' : relative ? 'relative' : undefined;
  return { kind: 'date', ...(kind && { unsettled: { kind, text: found } }), authors };
}

/** Reads one line of the header on its own; `resolveBlock` then reads it beside its neighbours. */
function readLine(line: string, dates: HeaderDates): LineReading {
  // "Published March 3, 2021Updated March 4, 2021": two labels glued to the dates before them.
  const text = line.replace(/(\d)(?=(?:Updated|Published|Posted|Modified)\b)/g, '$1 ');
  // Counts beside share buttons ("12", "4"), separators ("·"): nothing a reader reads.
  if (isBoilerplate(text) || isHeaderFurniture(text) || /^[^\p{L}]{0,6}$/u.test(text)) return { kind: 'furniture' };
  const caption = readPhotoCredit(text);
  if (caption) return { kind: 'credit', caption };
  if (isLoneBy(text)) return { kind: 'by' };
  const dated = readFullDateLine(text, dates);
  if (dated) return dated;
  const authors = readByline(text);
  if (authors) return { kind: 'byline', authors };
  const date = readPartialDateLine(text, dates);
  if (date) return date;
  if (isJobLine(text)) return { kind: 'job' };
  const names = readNamesLine(text);
  if (names) return { kind: 'names', names };
  return isLabel(text) ? { kind: 'label' } : { kind: 'text' };
}

/** A short title-like line: a kicker, a column's name, a provider ("City Hall Notebook", "Example Wire"). */
function isLabel(text: string): boolean {
  return wordCount(text) <= 5 && /^\p{Lu}/u.test(text) && !/[.!?,;:]["'”’)]*$/u.test(text);
}

const writes = (reading: LineReading | undefined) =>
  reading?.kind === 'byline' || (reading?.kind === 'date' && (reading.authors?.length ?? 0) > 0);

/**
 * A block's lines read beside each other: "By" and the name after it make a byline; a name alone
 * is a byline beside a date or above its job title (a name after a job title is its provider);
 * labels and job titles beside a byline are furniture, and otherwise text.
 */
function resolveBlock(readings: LineReading[], context: BlockContext): LineReading[] {
  const resolved = [...readings];
  resolved.forEach((reading, index) => {
    const next = resolved[index + 1];
    if (reading.kind === 'by' && next?.kind === 'names') resolved[index + 1] = { kind: 'byline', authors: next.names };
  });
  const explicit = resolved.some(writes);
  resolved.forEach((reading, index) => {
    if (reading.kind !== 'names') return;
    const [previous, next] = [resolved[index - 1], resolved[index + 1]];
    // A name alone in its block stands above the date in the next one ("Ann Example", a blank line, "3 March 2021").
    const besideDate =
      previous?.kind === 'date' || next?.kind === 'date' || (resolved.length === 1 && context.dateNext);
    const named = reading.names.every((name) => isLikelyName(name, context.words));
    if (!explicit && named && (next?.kind === 'job' || (previous?.kind !== 'job' && besideDate)))
      resolved[index] = { kind: 'byline', authors: reading.names };
    else resolved[index] = { kind: 'label' };
  });
  const header = resolved.some((reading) => !['text', 'label', 'job'].includes(reading.kind));
  return resolved.map((reading) =>
    (reading.kind === 'label' || reading.kind === 'job') && !header && !(reading.kind === 'job' && context.afterByline)
      ? { kind: 'text' }
      : reading,
  );
}

/** What a block's neighbours and the text around it tell about its lines. */
interface BlockContext {
  /** The block before named the writers: a job title now is theirs. */
  afterByline: boolean;
  /** The next block gives a date. */
  dateNext: boolean;
  /** Words the text writes in small letters: "climate", "change", "student". */
  words: ReadonlySet<string>;
}

/**
 * Whether capitalized words alone are a person's name rather than a section or a kicker
 * ("Climate Change", "Better Student Journalism"): not every one of them is a word the text
 * writes in small letters elsewhere.
 */
function isLikelyName(name: string, words: ReadonlySet<string>): boolean {
  return !name.split(/\s+/).every((word) => words.has(word.toLocaleLowerCase()));
}

/** The words a text writes in small letters, for telling names from common words written capitalized. */
export function wordsInSmallLetters(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu) ?? []);
}

/**
 * Reads the header blocks (the short blocks between the title and the text) into the date, the
 * bylines, the photo captions and what is article text after all.
 */
export function readTextHeader(
  blocks: readonly TextBlock[],
  dates: HeaderDates,
  words: ReadonlySet<string>,
): TextHeader {
  const header: TextHeader = { bylines: [], captions: [], text: [] };
  const lineReadings = blocks.map((block) => block.lines.map((line) => readLine(line, dates)));
  let afterByline = false;
  for (const [index, block] of blocks.entries()) {
    const context = () => ({
      afterByline,
      dateNext: lineReadings[index + 1]?.some(({ kind }) => kind === 'date') ?? false,
      words,
    });
    let readings = resolveBlock(lineReadings[index]!, context());
    let lines = block.lines;
    const texts = readings.filter((reading) => reading.kind === 'text').length;
    if (lines.length > 1 && texts > 0) {
      // A caption wrapped over lines, or a paragraph: the block read as one line.
      const whole = readLine(block.text, dates);
      // A byline whose biography runs on over lines is one byline.
      if (whole.kind === 'credit' || whole.kind === 'byline' || texts === lines.length) {
        readings = resolveBlock([whole], context());
        lines = [block.text];
      }
    }
    const kept: string[] = [];
    const authors: string[] = [];
    // Once the day is known, a date without a year opens the report itself ("示例站 10月14日报道").
    if (header.day)
      readings = readings.map((reading) =>
        reading.kind === 'date' && reading.unsettled?.kind === 'yearless' ? { kind: 'text' } : reading,
      );
    readings.forEach((reading, index) => {
      const line = block.line + (lines.length > 1 ? index : 0);
      if (reading.kind === 'text') kept.push(lines[index]!);
      if (reading.kind === 'credit') header.captions.push(reading.caption);
      if (reading.kind === 'byline') authors.push(...reading.authors);
      if (reading.kind !== 'date') return;
      if (reading.day && !header.day) header.day = reading.day;
      if (reading.unsettled && !header.unsettled) header.unsettled = { ...reading.unsettled, line };
      if (reading.authors) authors.push(...reading.authors);
      if (reading.caption) header.captions.push(reading.caption);
      if (reading.keep) kept.push(reading.keep);
    });
    if (authors.length > 0) header.bylines.push({ authors: [...new Set(authors)], line: block.line });
    afterByline = authors.length > 0;
    if (kept.length > 0) header.text.push(blockOf(kept, block.line));
  }
  return header;
}

/**
 * Whether a block is a byline, however long the biography it carries ("By Ann Example, a deputy
 * editor and author of … She has covered …"): a header block, not the first paragraph.
 */
export function isBylineBlock(block: TextBlock): boolean {
  const bio = /^(?:by|par|von|door|di|por)\s[^,]+,\s*((?:\S+\s+){0,5}\S+)/iu.exec(block.text)?.[1];
  return bio !== undefined && JOB.test(bio) && readByline(block.text) !== undefined;
}

/** Whether a block opens with a date or a byline: after a standfirst, the header it stands above. */
export function readsAsHeader(block: TextBlock, dates: HeaderDates, words: ReadonlySet<string>): boolean {
  if (block.lines.some((line) => wordCount(line) > LONGEST_DATE_LINE || /[.!?]["'”’)]*$/u.test(line))) return false;
  const readings = resolveBlock(
    block.lines.map((line) => readLine(line, dates)),
    { afterByline: false, dateNext: false, words },
  );
  return readings.some(({ kind }) => kind === 'date' || kind === 'byline');
}
