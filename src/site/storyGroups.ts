/**
 * Same-report groups as pages show them: a listing shows a group once, by the earliest of its reports the
 * listing holds, and `/stories.json` lists every group. The groups themselves are found by the content sync
 * (`src/stories/`) and kept on each member's store entry as `sameReport`.
 */
import type { ArticleData } from '../content/articleSchema.ts';

/** One report of a group as a store entry names it: its article's slug and outlet. */
export interface SameReportMember {
  id: string;
  source: string;
}

/** An article as grouping in pages reads it: its slug and, when it is in a group, the group (itself among them). */
interface GroupedEntry {
  id: string;
  data: { sameReport?: readonly SameReportMember[] | undefined };
}

/**
 * `articles` with every group shown once: by the member that comes earliest in its group among those the list
 * holds, at that member's place. A tag or an outlet's page holds only some members; each still shows one.
 */
export function showGroupsOnce<T extends GroupedEntry>(articles: readonly T[]): T[] {
  const shownBy = new Map<string, { id: string; rank: number }>();
  for (const { id, data } of articles) {
    const group = data.sameReport;
    if (!group) continue;
    const lead = group[0]!.id;
    const rank = group.findIndex((member) => member.id === id);
    const shown = shownBy.get(lead);
    if (!shown || rank < shown.rank) shownBy.set(lead, { id, rank });
  }
  if (shownBy.size === 0) return [...articles];
  return articles.filter(({ id, data }) => !data.sameReport || shownBy.get(data.sameReport[0]!.id)!.id === id);
}

/** The other reports of an article's group, earliest first: what "also reported by" lists. */
export function otherReports(article: GroupedEntry): SameReportMember[] {
  return (article.data.sameReport ?? []).filter((member) => member.id !== article.id);
}

/** The version of `/stories.json`'s format, raised when a field changes meaning or goes away. */
export const STORIES_FORMAT_VERSION = 1;

/** An article as `/stories.json` reads it. */
interface ExportedArticle extends GroupedEntry {
  data: GroupedEntry['data'] & Pick<ArticleData, 'title' | 'date' | 'source' | 'canonical' | 'lang'>;
}

/**
 * `/stories.json`: every group of two or more published articles, earliest report first, the groups by their
 * earliest report, each member with its page's absolute URL (`pageUrl`), the original's (`originalUrl`, when
 * the article names one), its outlet and its publication date (`YYYY-MM-DD`, or the date-time it was given).
 */
export function storiesExport<T extends ExportedArticle>(
  articles: readonly T[],
  topic: { title: string; description: string; language: string },
  pageUrl: (slug: string) => string,
) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const leads = articles.filter(({ id, data }) => data.sameReport?.[0]!.id === id);
  const stories = leads
    .map((lead) => lead.data.sameReport!.map((member) => byId.get(member.id)!))
    .sort((a, b) => a[0]!.data.date.time - b[0]!.data.date.time || (a[0]!.id < b[0]!.id ? -1 : 1));
  return {
    version: STORIES_FORMAT_VERSION,
    title: topic.title,
    description: topic.description,
    language: topic.language,
    stories: stories.map((members) => ({
      id: members[0]!.id,
      articles: members.map(({ id, data }) => ({
        slug: id,
        title: data.title,
        ...(data.lang && { lang: data.lang }),
        pageUrl: pageUrl(id),
        ...(data.canonical && { originalUrl: data.canonical }),
        source: data.source.name,
        ...(data.source.url && { sourceUrl: data.source.url }),
        published: data.date.dateTime ?? data.date.day,
      })),
    })),
  };
}

/** A timeline entry as `showPublicationsOnce` reads it. */
interface TimelineEntryOfReports<Report extends { slug: string }> {
  kind: 'event' | 'publication' | 'update';
  reports: Report[];
}

/**
 * The timeline with each group's publications shown once: the earliest report's publication, listing the
 * group's other reports after it; the others' publications are left out. Events are left as they are.
 */
export function showPublicationsOnce<Report extends { slug: string }, Entry extends TimelineEntryOfReports<Report>>(
  entries: readonly Entry[],
  groupOf: (slug: string) => readonly SameReportMember[] | undefined,
): Entry[] {
  const publication = new Map<string, Report>();
  for (const entry of entries)
    if (entry.kind === 'publication') publication.set(entry.reports[0]!.slug, entry.reports[0]!);
  return entries.flatMap((entry) => {
    if (entry.kind !== 'publication') return [entry];
    const slug = entry.reports[0]!.slug;
    const group = groupOf(slug);
    if (!group) return [entry];
    if (group[0]!.id !== slug) return [];
    const others = group.slice(1).flatMap((member) => publication.get(member.id) ?? []);
    return [{ ...entry, reports: [entry.reports[0]!, ...others] }];
  });
}

/**
 * Related articles without an article's own group (its page lists those already) and with every other group
 * once: three copies of one report are one related article, not three.
 */
export function relatedOutsideGroups<T extends GroupedEntry>(related: ReadonlyMap<string, T[]>): Map<string, T[]> {
  return new Map(
    [...related].map(([id, others]) => [
      id,
      showGroupsOnce(others.filter((other) => !other.data.sameReport?.some((member) => member.id === id))),
    ]),
  );
}
