import { parseArgs } from 'node:util';
import { parsePublicationDate, type CalendarDate } from '../lib/dates.ts';
import { contentDirectory } from '../content/topic.ts';
import { isLanguageTag } from '../i18n/languageTags.ts';

/** What an editor asked for on the command line, checked. */
export interface ImportOptions {
  /** Text files, saved web pages, feed files, folders of them, and article or feed URLs. */
  inputs: string[];
  /** The content folder; articles go to its `articles/`. */
  content: string;
  /** The outlet's name, as readers know it; overrides what the input says. */
  source?: string | undefined;
  /** The outlet's home page. */
  sourceUrl?: string | undefined;
  /** The original article's URL, for a single pasted text or saved page. */
  url?: string | undefined;
  /** Authors for a pasted text, or for feed items that name none. */
  authors: string[];
  /** Tags added to every imported article. */
  tags: string[];
  /** The date for a pasted text, or for feed items that give none. */
  date?: CalendarDate | undefined;
  /** Read `06/03/2019` as 6 March rather than 3 June. */
  dayFirst: boolean;
  /**
   * The language of the inputs (a BCP 47 tag), over what a page or feed declares: dates are read
   * in it and the articles record it. Without it, a page's or feed's own, else the topic's.
   */
  lang?: string | undefined;
  /** Keep only articles whose title, summary or text match (case-insensitive). */
  match?: RegExp | undefined;
  /** Skip articles published before this day. */
  since?: CalendarDate | undefined;
  /** Add the dated events found in each article's text to its `events`. */
  events: boolean;
  /** Show what would be written, and write nothing. */
  dryRun: boolean;
}

/** A command line the importer cannot act on; the message says how to write it. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: npm run import -- <input>... [options]

Each input is a text file pasted from a web page, a saved web page (.html), a
feed file (RSS, RSS 1.0/RDF, Atom, JSON Feed), a folder of these, or the URL of
an article or a feed. Articles are written to
<content>/articles/<YYYY-MM-DD>-<name>.md; existing files are never changed.

Options:
  --source <name>       the outlet, as readers know it ("Silicon Republic")
  --source-url <url>    the outlet's home page
  --url <url>           the original article's address (one pasted text or
                        saved page only)
  --author <name>       an author; repeat for several (feeds: items naming none)
  --tag <tag>           a tag for every imported article; repeat for several
  --date <YYYY-MM-DD>   the publication date (feeds and pages: when they give
                        none; pasted text: always)
  --day-first           read 06/03/2019 as 6 March, not June 3
  --lang <tag>          the articles' language ("de", "pt-BR"): dates are read in
                        it ("Veröffentlicht am 5. März 2019", "05.03.2019") and
                        each article records it (default: what a page or feed
                        declares, else the topic's language)
  --match <regex>       keep only articles whose title, summary or text match
  --since <YYYY-MM-DD>  skip articles published before this day
  --events              list the dated events found in the text in each article's
                        events (check them; "npm run events -- suggest" shows why)
  --content <dir>       the content folder (default: $DOSSIER_CONTENT or content)
  --dry-run             show what would be written; write nothing
  -h, --help            show this help`;

function calendarDay(option: string, value: string | undefined): CalendarDate | undefined {
  if (value === undefined) return undefined;
  const reading = parsePublicationDate(value);
  if (!reading.ok || reading.value.dateTime)
    throw new UsageError(`--${option} "${value}" is not a calendar date (use YYYY-MM-DD, such as 2019-03-06)`);
  return reading.value.day;
}

function language(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isLanguageTag(value.trim()))
    throw new UsageError(`--lang "${value}" is not a language tag (use one such as "de" or "pt-BR")`);
  return value.trim();
}

function webAddress(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new UsageError(`--${option} "${value}" is not a web address (use a full URL such as "https://example.org/")`);
  }
  return new URL(value).href;
}

function pattern(value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined;
  try {
    return new RegExp(value, 'iu');
  } catch (error) {
    throw new UsageError(`--match "${value}" is not a regular expression: ${(error as Error).message}`);
  }
}

function text(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.trim()) throw new UsageError(`--${option} is empty (give some text, or leave the option out)`);
  return value.trim();
}

/** Reads the command line; `undefined` when help was asked for. */
export function readImportOptions(
  args: string[],
  env: Record<string, string | undefined> = process.env,
): ImportOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: 'string' },
        'source-url': { type: 'string' },
        url: { type: 'string' },
        author: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        date: { type: 'string' },
        'day-first': { type: 'boolean' },
        lang: { type: 'string' },
        match: { type: 'string' },
        since: { type: 'string' },
        content: { type: 'string' },
        events: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length === 0)
    throw new UsageError('name at least one input: a text file, a saved web page, a feed file, a folder or a URL');
  return {
    inputs: positionals,
    content: values.content ?? contentDirectory(env),
    source: text('source', values.source),
    sourceUrl: webAddress('source-url', values['source-url']),
    url: webAddress('url', values.url),
    authors: (values.author ?? []).map((author) => text('author', author)!),
    tags: (values.tag ?? []).map((tag) => text('tag', tag)!),
    date: calendarDay('date', values.date),
    dayFirst: values['day-first'] ?? false,
    lang: language(values.lang),
    match: pattern(values.match),
    since: calendarDay('since', values.since),
    events: values.events ?? false,
    dryRun: values['dry-run'] ?? false,
  };
}
