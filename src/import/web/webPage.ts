import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { languageTag } from '../../i18n/languageTags.ts';
import { absoluteUrl, outletHtmlToMarkdown, htmlToPlainText, withoutTracking } from '../outletHtml.ts';
import { ImportError } from '../importError.ts';
import { readFeedDate } from '../newsDates.ts';
import { takeAuthorCredit } from './articleCredits.ts';
import { authorsOfPage } from './pageAuthors.ts';
import { dateOfPage } from './pageDate.ts';
import { readPageHeader } from './pageHeader.ts';
import { withoutHeaderLines } from './headerLines.ts';
import { declaredLanguage, languageOfScript } from './pageLanguage.ts';
import { outletOfPage, partsAroundHeadline } from './pageOutlet.ts';
import { withoutPromoBoxes } from './promoBoxes.ts';
import { takeWireCredits } from './wireCredits.ts';

/**
 * What a news page says about its article, each field from the most trusted place that gives
 * it: JSON-LD, then Open Graph and `article:*` meta, then `<meta name=author|date>`, `<link
 * rel=canonical>` and `<html lang>`; except where the header the reader sees disagrees with
 * them: the byline and the day shown with the headline are what the outlet states
 * (`pageAuthors.ts`, `pageDate.ts`).
 */
export interface WebPageArticle {
  title: string;
  /** As the page gives it: `YYYY-MM-DD`, or a date-time at the publisher's offset. */
  date?: string | undefined;
  updated?: string | undefined;
  authors: string[];
  /** Bylines the page shows that nothing chooses between: the editor names the authors (`--author`). */
  ambiguousAuthors?: string[][] | undefined;
  /** The date the page shows in numbers that read as two days ("04.05.21"), when nothing else dates it. */
  ambiguousDate?: string | undefined;
  outlet?: string | undefined;
  lang?: string | undefined;
  canonical?: string | undefined;
  summary?: string | undefined;
  /** The lead photo, only when the page describes it (its alt text is never made up). */
  image?: { src: string; alt: string; credit?: string | undefined } | undefined;
  /** What the page had but the article could not keep, for the editor. */
  notes: string[];
  /** The article text as Markdown, sanitized, addresses absolute. */
  body: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle)$/;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: Json | undefined): Json[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

function text(value: Json | undefined): string | undefined {
  const first = list(value)[0];
  const found =
    typeof first === 'string'
      ? first
      : isObject(first) && typeof first['@value'] === 'string'
        ? first['@value']
        : undefined;
  const trimmed = found?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function typesOf(node: JsonObject): string[] {
  return list(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in the page's JSON-LD blocks, `@graph`s unfolded; blocks that are not JSON are passed over. */
function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const collect = (value: Json) => {
    for (const item of list(value)) {
      if (!isObject(item)) continue;
      nodes.push(item);
      if (item['@graph']) collect(item['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    // Some publishers wrap the JSON in CDATA or comment markers for old XHTML parsers.
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$|^\s*<!--|-->\s*$/g, '')
      .trim();
    try {
      collect(JSON.parse(source) as Json);
    } catch {
      continue;
    }
  }
  return nodes;
}

function names(value: Json | undefined): string[] {
  return list(value)
    .flatMap((person) => (typeof person === 'string' ? [person] : isObject(person) ? [text(person['name'])] : []))
    .filter((name): name is string => name !== undefined && !/^https?:\/\//.test(name));
}

interface LeadImage {
  src: string;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

function jsonLdImage(value: Json | undefined, base: string | undefined): LeadImage | undefined {
  const first = list(value)[0];
  if (typeof first === 'string') {
    // Some pages escape the ampersands of their meta tags twice ("&amp;amp;width=750").
    const src = absoluteUrl(first.replace(/&amp;/g, '&'), base);
    return src ? { src } : undefined;
  }
  if (!isObject(first)) return undefined;
  const listed = first['@list'];
  if (listed) return jsonLdImage(listed, base);
  const src = absoluteUrl(text(first['url']) ?? text(first['contentUrl']) ?? '', base);
  if (!src) return undefined;
  const credit =
    text(first['creditText']) ??
    names(first['copyrightHolder'])[0] ??
    names(first['author'])[0] ??
    names(first['creator'])[0];
  return { src, caption: text(first['caption']) ?? text(first['description']), credit };
}

function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(
      `meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`,
    );
    const value = element?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Whether a microdata property belongs to the article: the item it is a property of is an article
 * type, or the page marks no item around it. A video's or a comment's `datePublished` is not the article's.
 */
function isArticleProperty(element: Element): boolean {
  const item = element.parentElement?.closest('[itemscope]');
  if (!item) return true;
  const types = (item.getAttribute('itemtype') ?? '')
    .split(/\s+/)
    .map((type) => type.replace(/^https?:\/\/schema\.org\//, ''));
  return types.some((type) => ARTICLE_TYPES.test(type)) || types.every((type) => type === '');
}

/** The page's schema.org microdata for the article: visible bylines and datelines, marked up. */
function microdata(document: Document): { authors: string[]; date?: string | undefined } {
  const authors = [...document.querySelectorAll('[itemprop~="author"]')]
    .filter(isArticleProperty)
    .map(
      (element) =>
        (element.querySelector('[itemprop~="name"]') ?? element).textContent?.replace(/\s+/g, ' ').trim() ?? '',
    )
    .filter(Boolean);
  const dated = [...document.querySelectorAll('[itemprop~="datePublished"]')].find(isArticleProperty);
  const date = dated?.getAttribute('content') ?? dated?.getAttribute('datetime') ?? undefined;
  return { authors: [...new Set(authors)], date };
}

/** An image's address as a key: the same photo at another size, or from the outlet's CDN, has the same path. */
const imageKey = (src: string) => new URL(src).pathname;

/** The page's own description of an image, from its `<img alt>` and the figure around it. */
function describedOnPage(
  document: Document,
  src: string,
  base: string | undefined,
): { alt?: string; caption?: string } {
  const key = imageKey(src);
  for (const image of document.querySelectorAll('img')) {
    const candidate = absoluteUrl(image.getAttribute('src') ?? image.getAttribute('data-src') ?? '', base);
    if (!candidate || imageKey(candidate) !== key) continue;
    const alt = image.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
    const caption = image.closest('figure')?.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim();
    return { ...(alt && { alt }), ...(caption && { caption }) };
  }
  return {};
}

/** "Photograph: Jane Doe/Agency", "Photo: X", "© X" at the end of a caption: the credit, and the caption without it. */
function splitCredit(caption: string): { caption: string; credit?: string } {
  const match =
    /^(.*?)[\s.]*(?:\(?(?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit|Foto|Bild)\s*(?::|by)\s*|©\s*)([^()]+?)\)?\.?$/iu.exec(
      caption,
    );
  return match && match[2]!.split(' ').length <= 8
    ? { caption: match[1]!.trim(), credit: match[2]!.trim() }
    : { caption };
}

/** " | Outlet", " - Author" and the like that a page appends to its headline in `<title>` and `og:title`. */
function withoutSuffix(title: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    const match = new RegExp(
      `^(.+?)\\s+[|–—-]\\s+${suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s+[|–—-].*)?$`,
      'iu',
    ).exec(title);
    if (match) return match[1]!.trim();
  }
  return title;
}

/** Fewer words than this are a caption or a teaser, not an article. */
const SHORTEST_ARTICLE_WORDS = 25;

// Words as the language writes them: Chinese and Japanese put no spaces between words.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function wordCount(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** A summary longer than this is the article's start, not the one or two sentences a listing wants. */
const LONGEST_SUMMARY = 300;

/** The language an editor named for a page (`--lang`, over the page's own), and the one to read its dates in when neither says. */
export interface PageLanguages {
  lang?: string | undefined;
  defaultLanguage: string | undefined;
}

/**
 * Reads a news page: its metadata in order of trust, and its article text extracted by Mozilla's
 * Readability (measured against Defuddle on real pages: higher word precision at equal recall,
 * and several times faster) on linkedom, a small DOM without a browser; at Readability's default
 * length threshold, since a lower one let a print-only footer pass for the article on a real page.
 * `url` is where the page lives (fetched from, or given by `--url`); without it the page's
 * canonical address is used.
 */
export function readWebPage(
  html: string,
  url: string | undefined,
  languages: PageLanguages = { defaultLanguage: undefined },
): WebPageArticle {
  const { document } = parseHTML(html);
  const notes: string[] = [];
  const canonicalOnPage =
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? meta(document, 'og:url');
  const base =
    absoluteUrl(document.querySelector('base[href]')?.getAttribute('href') ?? '', url) ??
    url ??
    (canonicalOnPage && absoluteUrl(canonicalOnPage, undefined));
  const canonicalUrl = canonicalOnPage ? absoluteUrl(canonicalOnPage, base) : url;
  const canonical = canonicalUrl && withoutTracking(canonicalUrl);

  const nodes = jsonLdNodes(document);
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  const publisher = article && isObject(article['publisher']) ? article['publisher'] : undefined;
  const marked = microdata(document);
  const reader = new Readability(parseHTML(html).document as unknown as Document).parse();
  if (!reader?.content || wordCount(reader.textContent ?? '') < SHORTEST_ARTICLE_WORDS) {
    throw new ImportError(
      "has no article text that could be found (import the article page itself, not a front page or a gallery, or the outlet's feed)",
    );
  }
  const lang =
    languageTag(languages.lang) ??
    languageTag(text(article?.['inLanguage'])) ??
    declaredLanguage(document) ??
    languageOfScript(reader.textContent ?? '');
  const dateLanguage = lang ?? languages.defaultLanguage;

  const headline = text(article?.['headline']) ?? text(article?.['name']);
  const titles = [
    // The document's own title, not an icon's (`<svg><title>`).
    [...document.querySelectorAll('title')].find((element) => !element.closest('svg'))?.textContent ?? '',
    meta(document, 'og:title') ?? '',
    meta(document, 'twitter:title') ?? '',
  ].map((title) => title.replace(/\s+/g, ' ').trim());
  const rawTitle =
    headline ??
    meta(document, 'og:title', 'twitter:title') ??
    (reader.title?.trim() || titles[0] || document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim());
  if (!rawTitle)
    throw new ImportError(
      'has no headline in its metadata or its text (paste the text instead, the headline on the first line)',
    );
  const header = readPageHeader(document, rawTitle, dateLanguage);

  const partOf = article && isObject(article['isPartOf']) ? text(article['isPartOf']['name']) : undefined;
  const website = nodes.find((node) => typesOf(node).includes('WebSite'));
  const outlet = outletOfPage({
    siteName: meta(document, 'og:site_name'),
    publisher: text(publisher?.['name']),
    partOf: partOf ?? text(website?.['name']),
    applicationName: meta(document, 'application-name') ?? reader.siteName ?? undefined,
    titles,
    headline: header.headline ?? headline ?? meta(document, 'og:title'),
    address: canonical,
  });

  const credited = takeAuthorCredit(reader.content);
  const wire = takeWireCredits(credited.html);
  notes.push(...wire.credits.map((credit) => `credit: ${credit}`));
  const { authors, ambiguous } = authorsOfPage({
    structured: names(article?.['author']),
    metaBylines: [
      meta(
        document,
        'author',
        'article:author',
        'og:article:author',
        'dc.creator',
        'byl',
        'parsely-author',
        'sailthru.author',
      ),
    ].filter((name): name is string => name !== undefined && !/^https?:\/\//.test(name)),
    microdata: marked.authors,
    header,
    // A credit line names the authors; else the sign-off's reporters; else the agency of the dateline.
    credit:
      [credited.authors, wire.reporters, wire.agency ? [wire.agency] : []].find((names) => names.length > 0) ?? [],
    pageText: document.documentElement?.textContent ?? '',
    outlet,
  });

  // A title that is the headline the page shows, then its section and site ("Headline - Section - Site").
  const shownHeadline = header.headline && partsAroundHeadline(rawTitle, header.headline) ? header.headline : undefined;
  const title =
    headline ??
    shownHeadline ??
    withoutSuffix(rawTitle.replace(/\s+/g, ' '), [
      ...(outlet ? [outlet] : []),
      ...authors,
      ...(reader.siteName ? [reader.siteName] : []),
    ]);

  const writtenDate =
    text(article?.['datePublished']) ??
    meta(
      document,
      'article:published_time',
      'og:article:published_time',
      'date',
      'pubdate',
      'publishdate',
      'dc.date',
      'dc.date.issued',
      'dcterms.created',
      'sailthru.date',
      'parsely-pub-date',
    ) ??
    marked.date ??
    document.querySelector('article time[datetime], time[pubdate][datetime]')?.getAttribute('datetime') ??
    reader.publishedTime ??
    undefined;
  const metadataDate = writtenDate ? readFeedDate(writtenDate, dateLanguage) : undefined;
  if (writtenDate && !metadataDate) notes.push(`date "${writtenDate}" could not be read`);
  const { date, eitherWay, note: dateNote } = dateOfPage(metadataDate, header.date, canonical);
  if (dateNote) notes.push(dateNote);
  const writtenUpdate = text(article?.['dateModified']) ?? meta(document, 'article:modified_time', 'og:updated_time');
  const updated = writtenUpdate ? readFeedDate(writtenUpdate, dateLanguage) : undefined;

  const lead =
    jsonLdImage(article?.['image'], base) ??
    (meta(document, 'og:image') ? jsonLdImage(meta(document, 'og:image')!, base) : undefined);
  let image: WebPageArticle['image'];
  let body = withoutPromoBoxes(wire.html);
  if (lead) {
    const onPage = describedOnPage(document, lead.src, base);
    const written = lead.caption ?? onPage.caption;
    const split = written ? splitCredit(written) : undefined;
    const alt = meta(document, 'og:image:alt', 'twitter:image:alt') ?? onPage.alt ?? (split?.caption || undefined);
    const credit = lead.credit ?? split?.credit;
    if (alt) {
      image = { src: lead.src, alt, ...(credit && { credit }) };
      body = withoutImage(body, lead.src, base);
    } else
      notes.push(
        `lead image ${lead.src} has no description on the page, so it is not recorded (add image.alt and image.src by hand to show it)`,
      );
  }

  const description =
    text(article?.['description']) ?? meta(document, 'og:description', 'description', 'twitter:description');
  const summary = description && description.length <= LONGEST_SUMMARY ? htmlToPlainText(description) : undefined;
  return {
    title,
    date,
    updated,
    authors,
    ambiguousAuthors: ambiguous,
    ambiguousDate: eitherWay,
    outlet,
    lang,
    canonical,
    summary,
    image,
    notes,
    body: outletHtmlToMarkdown(
      withoutHeaderLines(body, { title, authors: [...authors, ...header.authors], outlet, language: dateLanguage }),
      base,
    ),
  };
}

/** The article HTML without the lead photo's figure, which the page shows from `image` already. */
function withoutImage(html: string, src: string, base: string | undefined): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const key = imageKey(src);
  for (const image of document.querySelectorAll('img')) {
    const candidate = absoluteUrl(image.getAttribute('src') ?? '', base);
    if (!candidate || imageKey(candidate) !== key) continue;
    (image.closest('figure') ?? image).remove();
    break;
  }
  return document.body.innerHTML;
}
