/**
 * The same-report groups of a whole digest, as the content sync makes them at every build: the index is
 * filled from the fingerprints kept per article file (nothing is shingled again) and only candidate pairs
 * are checked, with the editor's joins and splits from each article's frontmatter.
 */
import type { ArticleData } from '../content/articleSchema.ts';
import { createStoryIndex, type ReportFingerprint } from './sameReport.ts';
import type { GroupedArticle, StoryOverride } from './storyGroups.ts';

/** An article as the digest's grouping reads it. */
export interface StoryArticle extends GroupedArticle {
  /** What names its text: the digest of its file, so two files of one text share one fingerprint. */
  key: string;
  fingerprint: ReportFingerprint;
  override?: StoryOverride | undefined;
}

/** The editor's word in an article's frontmatter (`sameReportAs`, `notSameReportAs`), or nothing when it says none. */
export function storyOverride(data: Pick<ArticleData, 'sameReportAs' | 'notSameReportAs'>): StoryOverride | undefined {
  const { sameReportAs, notSameReportAs } = data;
  if (sameReportAs.length === 0 && notSameReportAs === undefined) return undefined;
  return { join: sameReportAs, split: notSameReportAs };
}

/** The groups of two or more articles, each earliest report first, ordered by their earliest report. */
export function groupDigestStories(articles: readonly StoryArticle[]): GroupedArticle[][] {
  const expectedShingles = articles.reduce((sum, { fingerprint }) => sum + fingerprint.shingles.length, 0);
  const index = createStoryIndex({ expectedShingles });
  const overrides = new Map<string, StoryOverride>();
  for (const { id, published, key, fingerprint, override } of articles) {
    index.addFingerprint({ id, published }, key, fingerprint);
    if (override) overrides.set(id, override);
  }
  return index.groups(overrides);
}
