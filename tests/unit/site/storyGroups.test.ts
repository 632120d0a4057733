import { describe, expect, it } from 'vitest';
import {
  otherReports,
  relatedOutsideGroups,
  showGroupsOnce,
  showPublicationsOnce,
  storiesExport,
  type SameReportMember,
} from '../../../src/site/storyGroups.ts';

const WIRE: SameReportMember[] = [
  { id: 'wire', source: 'Nordic Wire' },
  { id: 'gazette', source: 'Harbour Gazette' },
  { id: 'courier', source: 'Coast Courier' },
];
const entry = (id: string, day: string, sameReport?: SameReportMember[]) => ({
  id,
  data: {
    title: `Title of ${id}`,
    date: { day, time: Date.parse(day) },
    source: { name: sameReport?.find((member) => member.id === id)?.source ?? 'Other' },
    ...(sameReport && { sameReport }),
  },
});
// Newest first, as pages list articles.
const articles = [
  entry('ferry', '2024-05-02'),
  entry('courier', '2024-03-07', WIRE),
  entry('gazette', '2024-03-06', WIRE),
  entry('herald', '2024-03-05'),
  entry('wire', '2024-03-05', WIRE),
];

describe('listing a group of the same report once', () => {
  it('keeps the earliest report, at its place, and articles in no group', () => {
    expect(showGroupsOnce(articles).map(({ id }) => id)).toEqual(['ferry', 'herald', 'wire']);
  });

  it('keeps the earliest report the listing holds when it holds only some of the group', () => {
    const outlet = articles.filter(({ id }) => id !== 'wire');
    expect(showGroupsOnce(outlet).map(({ id }) => id)).toEqual(['ferry', 'gazette', 'herald']);
  });

  it('lists the other reports, earliest first', () => {
    expect(otherReports(articles[2]!)).toEqual([WIRE[0], WIRE[2]]);
    expect(otherReports(articles[0]!)).toEqual([]);
  });
});

describe('the timeline’s publications of a group', () => {
  const publication = (slug: string) => ({ kind: 'publication' as const, reports: [{ slug }] });
  it('shows the earliest report’s, listing the others after it, and leaves events alone', () => {
    const event = { kind: 'event' as const, reports: [{ slug: 'gazette' }, { slug: 'herald' }] };
    const groupOf = (slug: string) => (WIRE.some((member) => member.id === slug) ? WIRE : undefined);
    const entries = [publication('wire'), publication('herald'), event, publication('gazette'), publication('courier')];
    expect(showPublicationsOnce(entries, groupOf)).toEqual([
      { kind: 'publication', reports: [{ slug: 'wire' }, { slug: 'gazette' }, { slug: 'courier' }] },
      publication('herald'),
      event,
    ]);
  });
});

describe('/stories.json', () => {
  it('lists every group earliest report first, with absolute page URLs, outlets and dates', () => {
    const exported = storiesExport(
      articles,
      { title: 'Coast', description: 'Reports', language: 'en' },
      (slug) => `https://example.org/articles/${slug}/`,
    );
    expect(exported.version).toBe(1);
    expect(exported.stories).toEqual([
      {
        id: 'wire',
        articles: ['wire', 'gazette', 'courier'].map((slug) => ({
          slug,
          title: `Title of ${slug}`,
          pageUrl: `https://example.org/articles/${slug}/`,
          source: WIRE.find((member) => member.id === slug)!.source,
          published: articles.find((article) => article.id === slug)!.data.date.day,
        })),
      },
    ]);
  });
});

describe('related articles beside a group', () => {
  it('leave out the article’s own group and show every other group once', () => {
    const [, courier, gazette, herald, wire] = articles;
    const related = relatedOutsideGroups(
      new Map([
        ['wire', [gazette!, herald!, courier!]],
        ['ferry', [courier!, gazette!, herald!, wire!]],
      ]),
    );
    expect(related.get('wire')!.map(({ id }) => id)).toEqual(['herald']);
    expect(related.get('ferry')!.map(({ id }) => id)).toEqual(['herald', 'wire']);
  });
});
