/**
 * Figures on how faithfully an import reproduced its input: word recall and precision of a body
 * against the text a reader view extracts, mojibake, trackers left, and the metadata fields that
 * differ from what an editor records. Used by `npm run import:quality` on material from real
 * outlets, and by the test that imports that material.
 */

/** Scripts written without spaces between words, whose every character is counted as a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * The words of a text, lower-cased, for counting: punctuation, Markdown syntax and addresses left
 * out; in Chinese and Japanese, which put no spaces between words, each character.
 */
export function wordsOf(text: string): string[] {
  const prose = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/<https?:[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  return (prose
    .replace(UNSPACED, ' $& ')
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

export interface WordScore {
  /** Share of the expected words the import kept. */
  recall: number;
  /** Share of the imported words that the expected text has. */
  precision: number;
}

/** Recall and precision of `actual`'s words against `expected`'s, each word counted as often as it occurs. */
export function wordScore(expected: string, actual: string): WordScore {
  const counts = new Map<string, number>();
  const expectedWords = wordsOf(expected);
  for (const word of expectedWords) counts.set(word, (counts.get(word) ?? 0) + 1);
  const actualWords = wordsOf(actual);
  let shared = 0;
  for (const word of actualWords) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return {
    recall: expectedWords.length === 0 ? 1 : shared / expectedWords.length,
    precision: actualWords.length === 0 ? 0 : shared / actualWords.length,
  };
}

/**
 * UTF-8 read as Latin-1 or Windows-1252 ("Ã¶", "â€™", "Ð¿"), and replacement characters: the
 * marks of text decoded with the wrong encoding.
 */
const MOJIBAKE =
  /[ÃÂ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡-¿]|â€[\u0080-\u00BF€™œ“”˜¦¢¡]|[ÐÑ][\u0080-\u00BF‘’“”•–—]|\uFFFD/gu;

export function mojibakeCount(text: string): number {
  return text.match(MOJIBAKE)?.length ?? 0;
}

/**
 * What a feed wraps around its stories for itself, not for readers: tracking redirects and
 * pixels, ad servers, share buttons, "read more" footers.
 */
const TRACKERS = [
  /feedproxy\.google\.com/gi,
  /feeds\.feedburner\.com\/~[a-z]+\//gi,
  /\bpheedo\.com\b/gi,
  /\.phdo\b/gi,
  /doubleclick\.net/gi,
  /feedsportal\.com/gi,
  /\bpixel\.[a-z.]+\//gi,
  /[?&]utm_[a-z]+=/gi,
  /\badd to (?:facebook|twitter|digg|del\.icio\.us|google|stumbleupon|reddit)\b/gi,
  /^\s*\[?read (?:full article|more)\b.*$/gim,
];

export function trackerCount(text: string): number {
  return TRACKERS.reduce((sum, pattern) => sum + (text.match(pattern)?.length ?? 0), 0);
}

/** A title as compared: quotes, dashes, spacing and case set aside. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Whether a title is the expected one. Reader views often keep what a page's `<title>` appends
 * (" | Author", " - Outlet"); the headline without it is right too.
 */
export function sameTitle(expected: string, actual: string): boolean {
  const want = comparableText(expected);
  const got = comparableText(actual);
  return want === got || (got.length > 0 && want.startsWith(got) && /^\s*[|–—:-]\s*\S/u.test(want.slice(got.length)));
}

/** Whether the byline names the expected people: "Par Sébastien Farcis" is "Sébastien Farcis". */
export function sameByline(expected: string, authors: readonly string[]): boolean {
  const want = comparableText(expected.replace(/^\s*(?:by|par|von|door|di|por|od)\s+/i, ''));
  return want === comparableText(authors.join(', ')) || want === comparableText(authors.join(' and '));
}

/** Whether the authors are the expected names, in any order and case ("JEFFREY GETTLEMAN" is "Jeffrey Gettleman"). */
export function sameAuthors(expected: readonly string[], actual: readonly string[]): boolean {
  const names = (list: readonly string[]) => list.map(comparableText).sort();
  return JSON.stringify(names(expected)) === JSON.stringify(names(actual));
}

/**
 * What a correct import of a page gives, as an editor records it after checking the page
 * (`expected-import.json` in each page folder of the real-world set).
 */
export interface ExpectedImport {
  /** The title as the page's metadata gives it. */
  title: string;
  /** The headline the page itself shows, where the title carries the site, section or author, or differs. */
  page_title?: string | undefined;
  /** The publication day, `YYYY-MM-DD`, in the outlet's own time zone. */
  date: string;
  /** The names the byline shows; none when the page names no author. */
  authors: string[];
  /** The outlet's name; an imported name that contains it is right. */
  source: string;
  lang: string;
  notes?: string | undefined;
}

/** The fields of an imported article that are graded against an `ExpectedImport`. */
export interface GradedFields {
  title: string;
  date: string;
  authors: readonly string[];
  source: { name: string };
}

export const GRADED_FIELDS = ['title', 'date', 'authors', 'source'] as const;
export type GradedField = (typeof GRADED_FIELDS)[number];

/** The graded fields an import got wrong against what a careful editor records; none when it is right. */
export function wrongFields(expected: ExpectedImport, actual: GradedFields): GradedField[] {
  const right: Record<GradedField, boolean> = {
    title:
      sameTitle(expected.title, actual.title) ||
      (expected.page_title !== undefined && sameTitle(expected.page_title, actual.title)),
    // The day the outlet states; a date-time keeps the publisher's offset, so its first ten characters are that day.
    date: actual.date.slice(0, 10) === expected.date,
    authors: sameAuthors(expected.authors, actual.authors),
    source: comparableText(actual.source.name).includes(comparableText(expected.source)),
  };
  return GRADED_FIELDS.filter((field) => !right[field]);
}
