import type { Translator } from '../i18n/translate.ts';
import { partialDateToString, SEASON_FIRST_MONTH } from '../lib/dates.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';
import { formatList } from '../i18n/format.ts';
import type { TimelineEntry } from './timeline.ts';

/** An interface string as HTML, its text escaped and its `{placeholders}` filled with ready markup. */
function fillHtml(text: string, markup: Record<string, string>): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) => markup[part.slice(1, -1)] ?? escapeHtml(part))
    .join('');
}

/** Where things live, as absolute URLs: exports are read by other sites. */
export interface ExportUrls {
  article: (slug: string) => string;
  entry: (entry: TimelineEntry) => string;
}

export interface ExportTopic {
  title: string;
  description: string;
  language: string;
}

/** The version of `/events.json`'s format, raised when a field changes meaning or goes away. */
export const EVENTS_FORMAT_VERSION = 1;

/** `/events.json`: every timeline entry in a plain, documented format (see `/schemas/events.schema.json`). */
export function eventsExport(
  entries: readonly TimelineEntry[],
  topic: ExportTopic,
  urls: ExportUrls,
  { partialDate }: Translator,
) {
  return {
    version: EVENTS_FORMAT_VERSION,
    title: topic.title,
    description: topic.description,
    language: topic.language,
    events: entries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      date: partialDateToString(entry.date),
      precision: entry.date.precision,
      approximate: entry.approximate,
      displayDate: partialDate(entry.date),
      text: entry.text,
      url: urls.entry(entry),
      reports: entry.reports.map((report) => ({
        title: report.title,
        source: report.sourceName,
        published: report.published,
        url: urls.article(report.slug),
      })),
    })),
  };
}

/**
 * `/timeline.json` in TimelineJS3's format, so a newsroom can embed an interactive timeline.
 * A season starts at its first month; `display_date` keeps the words readers see here.
 * @see https://timeline.knightlab.com/docs/json-format.html
 */
export function timelineJsExport(
  entries: readonly TimelineEntry[],
  topic: ExportTopic,
  urls: ExportUrls,
  { t, partialDate, language }: Translator,
) {
  return {
    title: { text: { headline: escapeHtml(topic.title), text: `<p>${escapeHtml(topic.description)}</p>` } },
    events: entries.map((entry) => {
      const month = entry.date.season !== undefined ? SEASON_FIRST_MONTH[entry.date.season] : entry.date.month;
      const reports = formatList(
        entry.reports.map(
          (report) =>
            `<a href="${escapeHtml(urls.article(report.slug))}">${escapeHtml(report.title)}</a> (${escapeHtml(report.sourceName)})`,
        ),
        language,
      );
      return {
        start_date: {
          year: String(entry.date.year),
          ...(month !== undefined && { month: String(month) }),
          ...(entry.date.day !== undefined && { day: String(entry.date.day) }),
          display_date: partialDate(entry.date),
        },
        text: {
          headline: escapeHtml(entry.text),
          text:
            entry.kind === 'event'
              ? `<p>${fillHtml(t('timeline.exportReportedIn'), { reports })}</p>`
              : `<p>${fillHtml(t('timeline.exportPublishedBy', { source: entry.reports[0]!.sourceName }), {
                  link: `<a href="${escapeHtml(urls.article(entry.reports[0]!.slug))}">${escapeHtml(t('timeline.exportReadArticle'))}</a>`,
                })}</p>`,
        },
        group: t(
          entry.kind === 'event'
            ? 'timeline.exportEvents'
            : entry.kind === 'update'
              ? 'update.timelineGroup'
              : 'timeline.exportPublished',
        ),
        unique_id: entry.id,
        autolink: false,
      };
    }),
  };
}
