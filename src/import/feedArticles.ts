import { slugify } from '../lib/slugs.ts';
import type { FeedChannel, FeedStory } from './feedChannel.ts';
import { absoluteUrl, feedHtmlToMarkdown, htmlToPlainText } from './feedHtml.ts';
import { ImportError } from './importError.ts';
import type { ImportedArticle } from './importedArticle.ts';
import type { ImportOptions } from './importOptions.ts';
import { readFeedDate } from './newsDates.ts';

export type FeedArticleOptions = Pick<ImportOptions, 'source' | 'sourceUrl' | 'authors' | 'tags' | 'date'> & {
  /** Where the feed was fetched from: the base of its relative addresses. */
  feedUrl?: string | undefined;
};

/**
 * A story read far enough to tell whether it is wanted and whether it was imported before;
 * its HTML, the slow part, is converted only when `article()` is asked for.
 */
export interface FeedArticle {
  story: FeedStory;
  title: string;
  date: string;
  canonical?: string | undefined;
  /** The article with its text as Markdown; undefined when the feed gives no text. */
  article: () => ImportedArticle | undefined;
}

/** What became of one story in a feed: an article to write, or why there is none. */
export type FeedStoryOutcome = FeedArticle | { story: FeedStory; skipped: string };

/** A summary longer than this is an excerpt of the text, not the one or two sentences a listing wants. */
const LONGEST_SUMMARY = 300;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A feed's language as a BCP 47 tag (`en-US` from RSS's `en-us`), or nothing if it is not one. */
function languageTag(lang: string | undefined): string | undefined {
  const [primary = '', ...rest] = (lang ?? '').trim().split(/[-_]/);
  const tag = [primary.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
  return LANGUAGE_TAG.test(tag) ? tag : undefined;
}

/** Tags the schema can make a page for, each once. */
function tagsOf(...lists: readonly string[][]): string[] {
  const seen = new Set<string>();
  return lists.flat().filter((tag) => {
    const slug = slugify(tag);
    if (!slug || seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}

function summaryOf(story: FeedStory): string | undefined {
  if (!story.contentHtml || !story.summaryHtml) return undefined;
  const summary = htmlToPlainText(story.summaryHtml);
  return summary && summary.length <= LONGEST_SUMMARY ? summary : undefined;
}

function storyDate(story: FeedStory, fallback: string | undefined): string {
  const date = story.published === undefined ? undefined : readFeedDate(story.published);
  if (date) return date;
  if (fallback) return fallback;
  throw new ImportError(
    story.published === undefined
      ? 'no date (pass --date YYYY-MM-DD or fix the feed)'
      : `date "${story.published}" is not a date the importer can read (pass --date YYYY-MM-DD or fix the feed)`,
    `item ${story.position}`,
  );
}

/**
 * Each story of a feed as an article: feed title → source, link → canonical, categories →
 * tags, HTML → Markdown with addresses made absolute. The whole feed stops on a story without a
 * readable date (all or nothing); a story without a title is skipped.
 */
export function articlesFromChannel(channel: FeedChannel, options: FeedArticleOptions): FeedStoryOutcome[] {
  const sourceName = options.source ?? channel.title;
  if (!sourceName) throw new ImportError('has no title naming the outlet (pass --source "Outlet name")');
  const documentBase = channel.base ? absoluteUrl(channel.base, options.feedUrl) : options.feedUrl;
  const home = channel.link ? absoluteUrl(channel.link, documentBase) : undefined;
  const sourceUrl = options.sourceUrl ?? home;

  return channel.stories.map((story): FeedStoryOutcome => {
    if (!story.title) return { story, skipped: 'has no title' };
    const date = storyDate(story, options.date);
    const explicitBase = story.base ? absoluteUrl(story.base, documentBase ?? home) : channel.base ? documentBase : undefined;
    const canonical = story.link ? absoluteUrl(story.link, explicitBase ?? home ?? documentBase) : undefined;
    const title = story.title;
    const article = (): ImportedArticle | undefined => {
      const body = feedHtmlToMarkdown(story.contentHtml ?? story.summaryHtml ?? '', explicitBase ?? canonical ?? home ?? documentBase);
      if (!body) return undefined;
      return {
        title,
        date,
        source: { name: sourceName, url: sourceUrl },
        authors: story.authors.length > 0 ? [...new Set(story.authors)] : options.authors,
        tags: tagsOf(story.categories, options.tags),
        summary: summaryOf(story),
        lang: languageTag(story.lang ?? channel.lang),
        canonical,
        body,
      };
    };
    return { story, title, date, canonical, article };
  });
}
