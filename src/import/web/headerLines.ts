import * as chrono from 'chrono-node';
import { parseHTML } from 'linkedom';
import { JOB } from '../bylineNames.ts';
import { findDateInText } from '../newsDates.ts';
import { comparable } from './pageHeader.ts';
import { ROLE } from './personNames.ts';

/**
 * The article HTML without the header lines an extractor can leave at its top: the headline, the
 * byline with its job titles, handles and follow prompts, the dateline, a relative date ("1 day
 * ago"), a reading time, a provider line ("Source: Example Wire"). The page shows the title,
 * authors and date from the frontmatter. Only blocks before the first paragraph of text go, and
 * only when every word of them is one of those.
 */
export interface ArticleHeader {
  title: string;
  authors: readonly string[];
  outlet?: string | undefined;
  language: string | undefined;
}

/** Words a block may have and still be the header (headline, byline, dateline) rather than the article. */
const LONGEST_HEADER_BLOCK = 16;

/** The words a header line puts around names and dates: labels, connectors, prompts, reading times. */
const HEADER_WORDS =
  /\b(?:by|and|par|et|von|und|published|updated|posted|on|at|in|follow|following|share|go to|this|page|profile|more from|min|mins|minute|minutes|read|reading|time|ago|staff|from|source|sources|via|provided|courtesy|of|the|today|yesterday|am|pm|a m|p m|utc|gmt|et|pt|ct|est|edt|pst|pdt|cet|cest|bst|am|um|le|à|das|der|die)\b/giu;

/** A provider or source line: a label and a short name ("Source: Example Wire", "来源：某某网"). */
const PROVIDER_LINE =
  /^(?:source|sources|quelle|fuente|fonte|provided by|courtesy of|来源|來源|出典|提供)\s*[:：]?\s*\S.{0,60}$/iu;

/** How long the article takes to read ("4 min read", "Lesezeit: 3 Minuten"). */
const READING_TIME = /\b\d+\s*(?:min|mins|minutes?|minuten)\b.{0,10}\bread\b|\bread(?:ing)? time\b|\blesezeit\b/iu;

/** A time of day ("3:57 PM", "12.46", "18:45"), and handles ("@annexample"), which are never article text alone. */
const TIMES_AND_HANDLES = /\b\d{1,2}[:.]\d{2}\b|@[\w.]+/g;

/** Dates counted back from now ("1 day ago", "vor 2 Stunden", "il y a 3 heures"), which chrono reads. */
const RELATIVE_PARSERS = [chrono.en.casual, chrono.de.casual, chrono.fr.casual, chrono.es.casual, chrono.pt.casual];

function withoutRelativeDates(text: string): string {
  let rest = text;
  for (const parser of RELATIVE_PARSERS) for (const result of parser.parse(rest)) rest = rest.replace(result.text, ' ');
  return rest;
}

/** Words a job title beside a byline has at most ("Senior Harbour and Transport Correspondent"). */
const LONGEST_JOB_TITLE = 6;

/** A line without the job titles set off by commas or bars ("Ann Example, Harbour Correspondent"). */
function withoutJobTitles(text: string): string {
  return text
    .split(/\s*[,|•·]\s*/u)
    .filter((part) => !((JOB.test(part) || ROLE.test(part)) && part.split(/\s+/).length <= LONGEST_JOB_TITLE))
    .join(' ');
}

/** What a block holds besides the header's parts; empty when it is all header. */
function restOf(text: string, header: ArticleHeader): { rest: string; isHeader: boolean } {
  const words = comparable(text);
  if (words === comparable(header.title)) return { rest: '', isHeader: true };
  if (PROVIDER_LINE.test(text.replace(/\s+/g, ' ').trim())) return { rest: '', isHeader: true };
  let rest = ` ${comparable(withoutJobTitles(text).replace(TIMES_AND_HANDLES, ' '))} `;
  let isHeader = /@[\w.]+/.test(text) || READING_TIME.test(text);
  for (const name of [...header.authors, ...(header.outlet ? [header.outlet] : [])].map(comparable).filter(Boolean)) {
    if (rest.includes(` ${name} `)) isHeader = true;
    rest = rest.replace(` ${name} `, ' ');
  }
  const date = findDateInText(text, { dayFirst: false, language: header.language });
  if (date) {
    isHeader = true;
    rest = rest.replace(` ${comparable(date.text.replace(TIMES_AND_HANDLES, ' '))} `, ' ');
  }
  const relative = comparable(withoutRelativeDates(rest));
  if (relative !== comparable(rest)) isHeader = true;
  rest = relative
    .replace(HEADER_WORDS, ' ')
    .split(/\s+/)
    .filter((word) => word && !/^\d+$/.test(word) && !JOB.test(word) && !ROLE.test(word))
    .join(' ');
  return { rest, isHeader };
}

export function withoutHeaderLines(html: string, header: ArticleHeader): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.body.querySelectorAll('h1, h2, h3, p, div, span, time, li')].filter(
    (element) => !element.querySelector('p, div, h1, h2, h3, img, figure, li'),
  );
  for (const block of blocks) {
    if (!block.isConnected) continue;
    const text = block.textContent ?? '';
    const words = comparable(text);
    if (!words) continue;
    if (words.split(' ').length > LONGEST_HEADER_BLOCK) break;
    const { rest, isHeader } = restOf(text, header);
    if (rest || !isHeader) break;
    block.remove();
  }
  return document.body.innerHTML;
}
