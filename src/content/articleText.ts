/**
 * How much of each article the site publishes. A digest of its own or openly licensed texts shows
 * them whole (`full`); one that collects other outlets' reporting shows, as aggregators do, the
 * headline, the standfirst or the opening words, and a link to the original (`excerpt`). The
 * content sync decides it once per article and publishes nothing else of an excerpted article's
 * text: its page, its feed items, its search document and the sentences quoted on entity pages
 * are all made from what this module lets through.
 */
import type { ArticleData } from './articleSchema.ts';
import { firstParagraph, LISTING_SUMMARY_LENGTH, summarize, truncateAtWord, type ArticleEntry } from './articles.ts';
import { slugify } from '../lib/slugs.ts';

export type TextMode = NonNullable<ArticleData['text']>;

/** An excerpt is as long as a listing's summary unless the topic says otherwise, so a listing shows all of it. */
export const DEFAULT_EXCERPT_LENGTH = LISTING_SUMMARY_LENGTH;

/** The topic's settings that decide what is published of each article. */
export interface TextSettings {
  text: TextMode;
  /** By `sourceKey` of the outlet's name. */
  textBySource: Readonly<Record<string, TextMode>>;
  excerptLength: number;
}

/** How the topic's `textBySource` names an outlet: its name as a slug, so case and accents do not matter. */
export const sourceKey = (name: string): string => slugify(name);

/** What is published of an article: its own `text`, else its source's in the topic, else the topic's. */
export function textShown(data: Pick<ArticleData, 'text' | 'source'>, settings: TextSettings): TextMode {
  return data.text ?? settings.textBySource[sourceKey(data.source.name)] ?? settings.text;
}

/**
 * The words an excerpted article's page shows besides its headline: none when it has a summary
 * (the page's standfirst is then the excerpt), else its first paragraph cut to `excerptLength`.
 */
export function excerptWords(article: ArticleEntry, settings: Pick<TextSettings, 'excerptLength'>): string {
  return article.data.summary ? '' : truncateAtWord(firstParagraph(article.body ?? ''), settings.excerptLength);
}

/** The summary listings, feeds and search engines are given: an excerpted article's never says more than its page. */
export function listingSummary(
  article: ArticleEntry,
  mode: TextMode,
  settings: Pick<TextSettings, 'excerptLength'>,
): string {
  return summarize(
    article,
    mode === 'excerpt' ? Math.min(LISTING_SUMMARY_LENGTH, settings.excerptLength) : LISTING_SUMMARY_LENGTH,
  );
}
