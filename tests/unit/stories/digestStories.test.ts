import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/content/contentCheck.ts';
import { indexEntities } from '../../../src/entities/entities.ts';
import { groupDigestStories, storyOverride, type StoryArticle } from '../../../src/stories/digestStories.ts';
import {
  decodeReportFingerprint,
  encodeReportFingerprint,
  findSameReports,
  reportFingerprint,
} from '../../../src/stories/sameReport.ts';
import { syntheticDigest } from '../../../scripts/storyScores.ts';

const digest = syntheticDigest(300);
const fromScratch = findSameReports(digest);

/** The digest as the content sync hands it to grouping: each text's fingerprint, kept as bytes and read back. */
const fromKeptFingerprints = (articles: typeof digest): StoryArticle[] =>
  articles.map(({ id, published, text }) => ({
    id,
    published,
    key: id,
    fingerprint: decodeReportFingerprint(encodeReportFingerprint(reportFingerprint(text))),
  }));

describe('report fingerprints kept as bytes', () => {
  it('read back to the shingles and band keys they were made of', () => {
    const fingerprint = reportFingerprint(digest[0]!.text);
    const read = decodeReportFingerprint(encodeReportFingerprint(fingerprint));
    expect([...read.shingles]).toEqual([...fingerprint.shingles]);
    expect([...read.bandKeys]).toEqual([...fingerprint.bandKeys]);
    expect(fingerprint.shingles.length).toBeGreaterThan(10);
  });

  it('refuse bytes of another shape instead of guessing', () => {
    expect(() => decodeReportFingerprint(new Uint8Array(10))).toThrow(/10 bytes is not 64 band keys/);
  });
});

describe('grouping a digest from kept fingerprints', () => {
  it('finds the same groups as shingling every text afresh', () => {
    const groups = groupDigestStories(fromKeptFingerprints(digest));
    expect(groups.length).toBeGreaterThan(5);
    expect(groups).toEqual(fromScratch);
  });

  it('applies the editor’s joins and splits from the frontmatter', () => {
    const [first, second] = fromScratch[0]!;
    const grouped = new Set(fromScratch.flat().map(({ id }) => id));
    const lone = digest.find((article) => !grouped.has(article.id))!;
    const articles = fromKeptFingerprints(digest).map((article) =>
      article.id === lone.id
        ? { ...article, override: storyOverride({ sameReportAs: [first!.id], notSameReportAs: undefined }) }
        : article.id === second!.id
          ? { ...article, override: storyOverride({ sameReportAs: [], notSameReportAs: true }) }
          : article,
    );
    const group = groupDigestStories(articles).find((members) => members.some(({ id }) => id === first!.id))!;
    expect(group.map(({ id }) => id)).toContain(lone.id);
    expect(group.map(({ id }) => id)).not.toContain(second!.id);
  });

  it('reads no override from a frontmatter that says nothing', () => {
    expect(storyOverride({ sameReportAs: [], notSameReportAs: undefined })).toBeUndefined();
    expect(storyOverride({ sameReportAs: ['a'], notSameReportAs: ['b'] })).toEqual({ join: ['a'], split: ['b'] });
  });
});

describe('the content check of sameReportAs and notSameReportAs', () => {
  const file = (name: string, extra = '') => ({
    path: `content/articles/${name}.md`,
    name: `${name}.md`,
    bytes: new TextEncoder().encode(
      `---\ntitle: ${name}\ndate: 2024-03-05\nsource: { name: Wire }\n${extra}---\n\nText of ${name}.\n`,
    ),
  });
  const problems = (...files: ReturnType<typeof file>[]) =>
    checkArticles(files, '', indexEntities([])).problems.map((problem) => problem.message);

  it('accepts slugs of the digest’s articles and `true`', () => {
    expect(
      problems(
        file('wire-report'),
        file('gazette-copy', 'sameReportAs: [wire-report]\n'),
        file('herald-report', 'notSameReportAs: true\n'),
      ),
    ).toEqual([]);
  });

  it('names the file, the field and the fix for an article that does not exist, or the article itself', () => {
    expect(
      problems(
        file('wire-report'),
        file('gazette-copy', 'sameReportAs: [wire-reprot]\nnotSameReportAs: [gazette-copy, nothing-like-it]\n'),
      ),
    ).toEqual([
      'content/articles/gazette-copy.md: field "sameReportAs[0]" "wire-reprot" names no article (did you mean "wire-report"?)',
      'content/articles/gazette-copy.md: field "notSameReportAs[0]" "gazette-copy" is this article itself (name other articles, or remove it)',
      'content/articles/gazette-copy.md: field "notSameReportAs[1]" "nothing-like-it" names no article (use the file name of an article, without ".md")',
    ]);
  });
});
