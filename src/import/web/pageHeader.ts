import { findDateInText, readFeedDate, type DateInText } from '../newsDates.ts';
import { looksLikeName, namesOfByline } from './personNames.ts';

/**
 * What a news page shows around its headline, as a reader sees it: the byline and the dateline.
 * The page's metadata can be wrong where its header is right (a CMS user, an editor, a sidebar's
 * columnist named as the author, a date stamped in UTC), and its header is what an editor records.
 */
export interface PageHeader {
  /** The headline as the page shows it, when an element holds it. */
  headline?: string | undefined;
  /** The names of the byline shown with the headline; none when the header shows no byline. */
  authors: string[];
  /** Different bylines the header shows (a second article's, a sidebar's), each as names, when there are several. */
  otherBylines: string[][];
  /** The first full date the header shows, not counting an update's. */
  date?: HeaderDate | undefined;
}

export interface HeaderDate {
  day: string;
  /** As written on the page ("March 13, 2015 9:00PM"). */
  text: string;
  /** Written in numbers alone ("08.04.2015"): its order of day and month is the page language's guess. */
  numeric: boolean;
  /** Shown above the headline, where a site's masthead shows today's date as often as a page its own. */
  above?: boolean | undefined;
  /** Written in numbers that read as two days ("04.05.21"), on a page whose language does not say which. */
  eitherWay?: boolean | undefined;
  /** A date-time at the outlet's offset, where the page's machine-readable date for the same moment gives one. */
  dateTime?: string | undefined;
}

/** A block of text as a reader sees it, in the pieces its elements make ("by", "Lucas Nolan", "22 Dec 2016"). */
interface Line {
  block: Element;
  pieces: Array<{ text: string; element: Element }>;
  text: string;
  /** Its place from the headline: negative above it, 0 the headline itself. */
  offset: number;
}

/** Elements whose text is never the header's: scripts, menus, forms, captions, asides. */
const NOT_READ = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'FIGCAPTION',
  'IFRAME',
  'SVG',
  'ASIDE',
  'HEAD',
]);

/** Page furniture by its class or id: share bars, menus, related stories, comments. */
const FURNITURE =
  /(?:^|[\s_-])(?:share|sharing|social|related|recommended|promo|newsletter|subscribe|comments?|breadcrumbs?|menu|nav|navigation|masthead|ticker|trending|popular|sidebar|advert|ad|ads)(?:$|[\s_-])/i;

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'FOOTER',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BODY',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'ADDRESS',
  'FIGURE',
]);

/** The lines above the headline that may still be its header (a dateline set above it). */
const LINES_ABOVE = 6;
/** The lines below the headline read at most, share bars and ads counted. */
const LINES_BELOW = 40;
/** Lines between two authors' names that still make one byline (a job title, a follow link, a portrait). */
const LINES_BETWEEN_AUTHORS = 4;
/** Words a byline or a dateline has at most, job title and all. */
const LONGEST_HEADER_LINE = 20;
/** A line this long is the article's text (or its standfirst): the header ends at the second one. */
const LONG_LINE_WORDS = 30;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A line's letters and digits as compared with a title or a name: case and punctuation left out. */
export const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function classAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

/** Fewer letters than this are a section's name or a kicker, not the headline a longer title starts with. */
const SHORTEST_HEADLINE = 8;

/** The element showing the headline: the heading whose text is the title, or that the title starts with. */
function headlineElement(document: Document, title: string): Element | undefined {
  const wanted = comparable(title);
  const headings = [...document.querySelectorAll('h1, h2, h3, [itemprop~="headline"]')];
  const exact = headings.find((element) => comparable(element.textContent ?? '') === wanted);
  if (exact) return exact;
  // A title that carries the site or section ("Headline - Outlet") starts with the headline the page shows.
  const prefix = headings.find((element) => {
    const text = comparable(element.textContent ?? '');
    return text.replace(/ /g, '').length >= SHORTEST_HEADLINE && wanted.startsWith(text);
  });
  return (
    prefix ??
    headings.find((element) => element.tagName.toUpperCase() === 'H1' && element.closest('article, main') !== null)
  );
}

/** The page's text blocks around the headline, in reading order. */
function linesAround(document: Document, headline: Element): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let headlineLine = -1;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const text = squeeze(node.textContent ?? '');
      if (!text) return;
      const element = node.parentElement!;
      let block: Element = element;
      while (!BLOCKS.has(block.tagName.toUpperCase()) && block !== headline && block.parentElement)
        block = block.parentElement;
      if (!current || current.block !== block) {
        current = { block, pieces: [], text: '', offset: 0 };
        lines.push(current);
      }
      current.pieces.push({ text, element });
      current.text = squeeze(`${current.text} ${text}`);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (NOT_READ.has(element.tagName.toUpperCase()) || element.hasAttribute('hidden')) return;
    if (element !== headline && FURNITURE.test(classAndId(element)) && !element.contains(headline)) return;
    // A block's start starts a line, so the text before and after a nested block are lines of their own.
    if (BLOCKS.has(element.tagName.toUpperCase()) || element === headline) current = undefined;
    if (element === headline) {
      current = { block: element, pieces: [], text: '', offset: 0 };
      lines.push(current);
      headlineLine = lines.length - 1;
    }
    for (const child of element.childNodes) visit(child);
    if (element === headline || BLOCKS.has(element.tagName.toUpperCase())) current = undefined;
  };
  visit(document.documentElement);
  if (headlineLine < 0) return [];
  const header: Line[] = [];
  let longLines = 0;
  for (let index = Math.max(0, headlineLine - LINES_ABOVE); index < lines.length; index += 1) {
    const offset = index - headlineLine;
    if (offset > LINES_BELOW) break;
    const line = { ...lines[index]!, offset };
    if (offset > 0 && line.text.split(' ').length >= LONG_LINE_WORDS && (longLines += 1) >= 2) break;
    if (offset < 0 && line.text.split(' ').length >= LONG_LINE_WORDS) continue;
    header.push(line);
  }
  return header;
}

/** Marks of a byline in markup: `rel=author`, `itemprop=author`, a class or id naming the byline or the author. */
const BYLINE_MARK =
  /(?:^|[\s_-])(?:by-?line|bylines|byl|author|authors|writer|contributors?|reporter|vcard)(?:$|[\s_-]|__)/i;
/** Authors' boxes that describe rather than credit: a biography, a portrait, a list of their articles. */
const NOT_BYLINE =
  /(?:^|[\s_-])(?:bio|biography|avatar|photo|image|img|description|more|articles|posts|comments?|column|series)(?:$|[\s_-])/i;

function isMarkedByline(element: Element): boolean {
  return (
    /(?:^|\s)author(?:\s|$)/i.test(element.getAttribute('rel') ?? '') ||
    /(?:^|\s)(?:author|creator)(?:\s|$)/i.test(element.getAttribute('itemprop') ?? '') ||
    (BYLINE_MARK.test(classAndId(element)) && !NOT_BYLINE.test(classAndId(element)))
  );
}

/** A link to an author's page on the outlet: `/author/ann-example`, `/journalists/ann`, `/people/ann`. */
const PROFILE_LINK =
  /\/(?:authors?|autor(?:en)?|auteurs?|people|persons?|profiles?|bios?|journalists?|journalisten|reporters?|writers?|editors?|staff|contributors?|columnists?|by|redaktion|team)\/[^/?#]+|\/@[\w.-]+\/?$/i;

/** Words a line may hold beside the names of its author links and still be a byline: a handle, a job, a date. */
const WORDS_BESIDE_NAMES = 8;

/** The label a byline starts with, in the languages pages are written in ("By", "by:", "Par", "Von", "作者："). */
const BY_LABEL =
  /^(?:by|written by|words by|story by|par|von|door|di|por|od|af|av|przez|text|texte|texto|testo|tekst|作者|文|记者|記者)\s*[:：︱|]?\s+|^(?:作者|文|记者|記者)\s*[:：︱|]\s*/iu;

/** Words that end the names in a byline line: a follow prompt, a job, an update. */
const AFTER_NAMES =
  /\b(?:follow|updated?|published|posted|modified|share|email|twitter|contact|more from|go to|read more|aktualisiert|veröffentlicht|mis à jour|publié)\b/iu;

/** The names a marked element holds in its own markup: microdata names, hCard `fn`, author links. */
function markedNames(block: Element): string[] {
  const marked = [
    ...block.querySelectorAll(
      '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"][itemprop], .fn, [rel~="author"], a[href]',
    ),
  ].filter((element) => {
    if (element.tagName === 'A' && !element.matches('[rel~="author"], [itemprop~="author"], .fn'))
      return PROFILE_LINK.test(element.getAttribute('href') ?? '');
    return true;
  });
  const names: string[] = [];
  for (const element of marked) {
    const text = squeeze(element.textContent ?? '').replace(BY_LABEL, '');
    if (looksLikeName(text) && !names.some((name) => name.toLowerCase() === text.toLowerCase())) names.push(text);
  }
  return names;
}

/** The text of a byline line up to where its names end: a date, a time, a follow prompt, a bar. */
function namePart(text: string, language: string | undefined): string {
  let part = text.replace(BY_LABEL, '');
  const date = findDateInText(part, { dayFirst: false, language });
  if (date) part = part.slice(0, date.index);
  const end = AFTER_NAMES.exec(part);
  if (end) part = part.slice(0, end.index);
  return part
    .replace(/\s+(?:[|•·—–-]|\d{1,2}[:.]\d{2}).*$/u, '')
    .replace(/[\s,|•·—–-]+$/u, '')
    .trim();
}

/**
 * The byline a line shows, as names: a line marked as the byline in the markup, a line starting
 * with "By" (or its word in the page's language), or a line that is little more than links to
 * authors' pages.
 */
function bylineOf(line: Line, language: string | undefined): string[] | undefined {
  const marked = [line.block, ...line.pieces.map((piece) => piece.element)].some(
    (element) => isMarkedByline(element) || element.closest('[rel~="author"], [itemprop~="author"]') !== null,
  );
  const ancestorsMarked = (() => {
    let element: Element | null = line.block;
    for (let depth = 0; element && depth < 3; depth += 1, element = element.parentElement)
      if (isMarkedByline(element)) return true;
    return false;
  })();
  const labelled = BY_LABEL.test(line.text);
  const fromMarkup = markedNames(line.block).filter((name) => line.text.includes(name));
  // A link to an author's page is a byline by itself, when little else shares its line (a handle, a job).
  const rest = fromMarkup.reduce((text, name) => text.replace(name, ' '), line.text);
  if (
    fromMarkup.length > 0 &&
    (marked || ancestorsMarked || labelled || rest.split(/\s+/).length <= WORDS_BESIDE_NAMES)
  )
    return fromMarkup;
  const part = namePart(line.text, language);
  if (!part) return undefined;
  const names = namesOfByline(part);
  if (names.length === 0) return undefined;
  // A name and a date unmarked and unlabelled is as often a provider's credit ("Example Wire 3 March 2019") as a byline.
  return marked || ancestorsMarked || labelled ? names : undefined;
}

/** Labels of an update, whose date is not the publication's ("Updated March 14", "Mis à jour le …"). */
const UPDATE_LABEL =
  /\b(?:updated?|last updated|modified|aktualisiert|geändert|mis à jour|modifié|actualizado|aggiornato|bijgewerkt|更新)\b/iu;

/** A date written in numbers alone ("08.04.2015", "11.03.17"), whose order the language only guesses; not year first. */
const NUMERIC_DATE = /^(?!\d{4})[\d\s./:-]+$/;

/** Regions whose English writes the day first in numbers ("04/05/2021" is 4 May), as CLDR's short dates do. */
const DAY_FIRST_ENGLISH = new Set(['GB', 'AU', 'NZ', 'IE', 'IN', 'ZA', 'SG', 'MY', 'PK', 'NG', 'KE']);

/**
 * How a page's language orders a date in numbers: English by its country (`en-US` month first,
 * `en-GB` day first), other languages by their own parser; undefined for English of no country,
 * whose order is not known.
 */
function numberOrder(language: string | undefined): { dayFirst: boolean } | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language ?? 'en');
  } catch {
    return undefined;
  }
  if (locale.language !== 'en') return { dayFirst: false };
  if (!locale.region) return undefined;
  return { dayFirst: DAY_FIRST_ENGLISH.has(locale.region) };
}

/** Both of a numeric date's first two numbers could be the month ("04.05.21"), and they differ. */
function isEitherWay(written: string): boolean {
  const [first, second] = written.split(/[^\d]+/).map(Number);
  return first !== undefined && second !== undefined && first <= 12 && second <= 12 && first !== second;
}

function dateOfLine(line: Line, language: string | undefined): HeaderDate | undefined {
  // "Published 12 March · Updated 14 March": only what comes before the update's label.
  const update = UPDATE_LABEL.exec(line.text);
  const text = update ? line.text.slice(0, update.index) : line.text;
  const order = numberOrder(language);
  const found: DateInText | undefined = findDateInText(text, { dayFirst: order?.dayFirst ?? false, language });
  if (!found) return undefined;
  const written = found.text.replace(/\s+\d{1,2}[:.]\d{2}.*$/, '');
  const numeric = NUMERIC_DATE.test(written);
  // The machine-readable time of the same moment, beside the text ("<time datetime>", a title attribute).
  const machine = [line.block, ...line.block.querySelectorAll('time, [datetime], [title], [content]')]
    .map(
      (element) =>
        element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.getAttribute('title') ?? '',
    )
    .map((value) => (/^\d{4}-\d{2}-\d{2}T/.test(value) ? readFeedDate(value) : undefined))
    .find((value) => value?.startsWith(found.day));
  return {
    day: found.day,
    text: found.text.trim(),
    numeric,
    ...(numeric && !order && !machine && isEitherWay(written) && { eitherWay: true }),
    ...(machine && { dateTime: machine }),
  };
}

/** Reads the header of a page: the headline element, the byline and the dateline around it. */
export function readPageHeader(document: Document, title: string, language: string | undefined): PageHeader {
  const headline = headlineElement(document, title);
  if (!headline) return { authors: [], otherBylines: [] };
  const lines = linesAround(document, headline);
  const bylines: string[][] = [];
  let date: HeaderDate | undefined;
  let lastByline: Line | undefined;
  // Below the headline first: a date above it is the page's (a section's, a front page's) as often as the article's.
  for (const line of [
    ...lines.filter((line) => line.offset > 0),
    ...lines.filter((line) => line.offset < 0).reverse(),
  ]) {
    // A byline or a dateline is a short line; a date or a "By" in a sentence is the story's.
    if (line.text.split(' ').length > LONGEST_HEADER_LINE) continue;
    const shown = date ? undefined : dateOfLine(line, language);
    if (shown) date = line.offset < 0 ? { ...shown, above: true } : shown;
    const names = bylineOf(line, language);
    if (!names) continue;
    // Authors shown one below the other, each with a job or a follow link, are one byline.
    const sameByline =
      lastByline !== undefined &&
      Math.sign(lastByline.offset) === Math.sign(line.offset) &&
      Math.abs(line.offset - lastByline.offset) <= LINES_BETWEEN_AUTHORS;
    lastByline = line;
    const byline = sameByline ? bylines.at(-1)! : bylines[bylines.push([]) - 1]!;
    byline.push(...names.filter((name) => !byline.some((known) => known.toLowerCase() === name.toLowerCase())));
  }
  const distinct = bylines.filter(
    (byline, index) => byline.length > 0 && !bylines.slice(0, index).some((known) => sameNames(known, byline)),
  );
  return {
    headline: squeeze(headline.textContent ?? '') || undefined,
    authors: distinct[0] ?? [],
    otherBylines: distinct.slice(1),
    date,
  };
}

function sameNames(first: readonly string[], second: readonly string[]): boolean {
  const key = (names: readonly string[]) =>
    names
      .map((name) => name.toLowerCase())
      .sort()
      .join('|');
  return key(first) === key(second);
}
