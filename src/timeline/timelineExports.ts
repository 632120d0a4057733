import { formatPartialDate, partialDateToString, SEASON_FIRST_MONTH } from '../lib/dates.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';
import type { TimelineEntry } from './timeline.ts';

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
export function eventsExport(entries: readonly TimelineEntry[], topic: ExportTopic, urls: ExportUrls) {
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
      displayDate: formatPartialDate(entry.date, topic.language),
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
export function timelineJsExport(entries: readonly TimelineEntry[], topic: ExportTopic, urls: ExportUrls) {
  return {
    title: { text: { headline: escapeHtml(topic.title), text: `<p>${escapeHtml(topic.description)}</p>` } },
    events: entries.map((entry) => {
      const month = entry.date.season !== undefined ? SEASON_FIRST_MONTH[entry.date.season] : entry.date.month;
      const reports = entry.reports
        .map(
          (report) =>
            `<a href="${escapeHtml(urls.article(report.slug))}">${escapeHtml(report.title)}</a> (${escapeHtml(report.sourceName)})`,
        )
        .join(', ');
      return {
        start_date: {
          year: String(entry.date.year),
          ...(month !== undefined && { month: String(month) }),
          ...(entry.date.day !== undefined && { day: String(entry.date.day) }),
          display_date: formatPartialDate(entry.date, topic.language),
        },
        text: {
          headline: escapeHtml(entry.text),
          text:
            entry.kind === 'event'
              ? `<p>Reported in ${reports}.</p>`
              : `<p>Published by ${escapeHtml(entry.reports[0]!.sourceName)}: <a href="${escapeHtml(urls.article(entry.reports[0]!.slug))}">read the article</a>.</p>`,
        },
        group: entry.kind === 'event' ? 'Events' : 'Articles published',
        unique_id: entry.id,
        autolink: false,
      };
    }),
  };
}
