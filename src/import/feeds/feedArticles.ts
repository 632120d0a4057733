import { languageTag } from '../../i18n/languageTags.ts';
import { slugify } from '../../lib/slugs.ts';
import { namesInByline } from '../bylineNames.ts';
import type { FeedChannel, FeedStory } from './feedChannel.ts';
import { absoluteUrl, outletHtmlToMarkdown, htmlToPlainText, withoutTracking } from '../outletHtml.ts';
import { ImportError } from '../importError.ts';
import type { ImportedArticle } from '../importedArticle.ts';
import type { ImportOptions } from '../importOptions.ts';
import { readFeedDate } from '../newsDates.ts';

export type FeedArticleOptions = Pick<ImportOptions, 'source' | 'sourceUrl' | 'authors' | 'tags' | 'date' | 'lang'> & {
  /** Where the feed was fetched from: the base of its relative addresses. */
  feedUrl?: string | undefined;
  /** The language of stories whose feed declares none (the topic's), for reading their dates. */
  defaultLanguage?: string | undefined;
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
  /** What the importer assumed for this story, for the editor to check. */
  note?: string | undefined;
}

/** What became of one story in a feed: an article to write, or why there is none. */
export type FeedStoryOutcome = FeedArticle | { story: FeedStory; skipped: string };

/** A summary longer than this is an excerpt of the text, not the one or two sentences a listing wants. */
const LONGEST_SUMMARY = 300;

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

type StoryDate = { date: string; note?: string; zoneless?: string } | { skipped: string };

function storyDate(story: FeedStory, fallback: string | undefined, language: string | undefined): StoryDate {
  const date = story.published === undefined ? undefined : readFeedDate(story.published, language);
  if (date) {
    // A time without a zone could be any of 26 hours around the globe; only the day is sure.
    const zoneless = date.length === 10 && /\d:\d\d/.test(story.published!);
    return zoneless
      ? {
          date,
          zoneless: `date "${story.published!.trim()}" gives no time zone: taken as the publisher's local time, so only the day ${date} is kept`,
        }
      : { date };
  }
  if (fallback)
    return {
      date: fallback,
      note: `${story.published === undefined ? 'no date' : `date "${story.published}" is unreadable`}: dated ${fallback} by --date`,
    };
  return {
    skipped:
      story.published === undefined
        ? 'has no date (pass --date YYYY-MM-DD to import it with that date)'
        : `date "${story.published}" is not a date the importer can read (pass --date YYYY-MM-DD to import it with that date)`,
  };
}

/** Words a title made from a story's first sentence keeps at most. */
const LONGEST_MADE_TITLE = 14;

/** A title for a story that has none (RSS makes titles optional): its first sentence, shortened. */
function titleFromText(story: FeedStory): string | undefined {
  const text = htmlToPlainText(story.contentHtml ?? story.summaryHtml ?? '');
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
  const words = sentence.split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  return words.length <= LONGEST_MADE_TITLE
    ? sentence.replace(/[.]$/, '')
    : `${words
        .slice(0, LONGEST_MADE_TITLE)
        .join(' ')
        .replace(/[,;:]$/, '')}…`;
}

/** A tracking redirect's destination when the feed names it, else the link as given. */
function storyLink(story: FeedStory): string | undefined {
  return story.originalLink && URL.canParse(story.originalLink) ? story.originalLink : story.link;
}

/**
 * Each story of a feed as an article: feed title → source, link (or `origLink`) → canonical,
 * categories → tags, HTML → Markdown with addresses made absolute, bylines → names. A story
 * without a readable date is skipped (unless `--date` dates it), one without a title is titled
 * from its first sentence, and neither costs the feed its other stories.
 */
export function articlesFromChannel(channel: FeedChannel, options: FeedArticleOptions): FeedStoryOutcome[] {
  const sourceName = options.source ?? channel.title;
  if (!sourceName) throw new ImportError('has no title naming the outlet (pass --source "Outlet name")');
  const documentBase = channel.base ? absoluteUrl(channel.base, options.feedUrl) : options.feedUrl;
  const home = channel.link ? absoluteUrl(channel.link, documentBase) : undefined;
  const sourceUrl = options.sourceUrl ?? home;

  let zoneSaid = false;
  return channel.stories.map((story): FeedStoryOutcome => {
    const title = story.title ?? titleFromText(story);
    if (!title) return { story, skipped: 'has no title and no text to make one from' };
    const lang = languageTag(options.lang ?? story.lang ?? channel.lang);
    const dated = storyDate(story, options.date, lang ?? options.defaultLanguage);
    if ('skipped' in dated) return { story, skipped: dated.skipped };
    const { date } = dated;
    // The zone a feed leaves out is the same for all its items: said once, on the first.
    const zoneNote =
      dated.zoneless && !zoneSaid ? [`${dated.zoneless} (and so for every date in this feed without a zone)`] : [];
    if (dated.zoneless) zoneSaid = true;
    const notes = [
      ...(story.title ? [] : [`has no title: titled "${title}" from its first sentence`]),
      ...(dated.note ? [dated.note] : []),
      ...zoneNote,
    ];
    const explicitBase = story.base
      ? absoluteUrl(story.base, documentBase ?? home)
      : channel.base
        ? documentBase
        : undefined;
    const link = storyLink(story);
    const address = link ? absoluteUrl(link, explicitBase ?? home ?? documentBase) : undefined;
    const canonical = address && withoutTracking(address);
    const authors = [...new Set(story.authors.flatMap(namesInByline))];
    const article = (): ImportedArticle | undefined => {
      const body = outletHtmlToMarkdown(
        story.contentHtml ?? story.summaryHtml ?? '',
        explicitBase ?? canonical ?? home ?? documentBase,
      );
      if (!body) return undefined;
      return {
        title,
        date,
        source: { name: sourceName, url: sourceUrl },
        authors: authors.length > 0 ? authors : options.authors,
        tags: tagsOf(story.categories, options.tags),
        summary: summaryOf(story),
        lang,
        canonical,
        body,
      };
    };
    return { story, title, date, canonical, article, ...(notes.length > 0 && { note: notes.join('; ') }) };
  });
}
