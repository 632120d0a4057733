/**
 * Which articles are the same report: syndicated agency copy under another headline, rewrites of one press
 * release, a piece republished, each perhaps trimmed, reordered, or given an intro or a dateline. Different
 * reports of one event are not the same report, nor are articles that share only boilerplate.
 *
 * The method, in three steps:
 * 1. Candidates: each text's five-word shingles (`reportShingles.ts`) get a MinHash signature whose LSH bands
 *    (`minHash.ts`) are kept in buckets; articles sharing a bucket are candidates, so no step compares all pairs.
 * 2. The check: a candidate pair is the same report when the longer text holds at least `SAME_REPORT_SHARE`
 *    of the shorter one's shingles (containment, not Jaccard similarity, so an added intro or trimmed
 *    paragraphs do not count against a copy), with boilerplate down-weighted: a shingle found in more than
 *    `BOILERPLATE_DF` articles of the digest weighs `(BOILERPLATE_DF / df)²` instead of 1, both in what the two
 *    share and in the shorter text's total, so an "About the company" paragraph or a newsletter box that runs
 *    under many articles hardly counts (under 32 articles, a sixteenth), while a report copied whole keeps its
 *    share however many copies run (all its shingles weigh alike).
 * 3. Groups: connected components of the confirmed pairs, with the editor's joins and splits (`storyGroups.ts`).
 *
 * The index is incremental, and that is its design: each article's shingles, signature and band keys are kept
 * keyed by the SHA-256 digest of its text, so adding an article computes one signature (none when its text is
 * already known) and files its band keys; `groups()` then checks only the candidate pairs, all of them each
 * time, because a new article changes the document frequencies the check weighs by (`npm run stories:quality`
 * prints what that costs at 1,000 and 10,000 articles). `findSameReports` is the same from scratch.
 */
import { createHash } from 'node:crypto';
import { BANDS, bandKeys, minHashSignature } from './minHash.ts';
import { reportShingles } from './reportShingles.ts';
import { createShingleCounts } from './shingleCounts.ts';
import { groupSameReports, type GroupedArticle, type SameReportPair, type StoryOverride } from './storyGroups.ts';

export type { GroupedArticle, SameReportPair, StoryOverride } from './storyGroups.ts';

/**
 * The share of the shorter text the longer must hold, set midway between what the labelled set
 * (`tests/fixtures/stories/`) shows on either side: copies with an intro, a dateline, trimmed or reordered
 * paragraphs hold 0.75 and more, rewrites of a press release keeping most sentences 0.65 to 0.8; different
 * reports of one event, quoting the same statement, stay under 0.3, and a short release sharing only its
 * "About" paragraph and media contact with another reaches 0.43, where boilerplate is still too rare in a
 * small digest to be down-weighted.
 */
export const SAME_REPORT_SHARE = 0.55;

/**
 * A shingle found in more articles than this is boilerplate and weighs less. Above the size of a real group
 * of copies (an agency report rarely runs in more than a few outlets of one digest), far below the number of
 * articles one outlet's newsletter box or one company's "About" paragraph runs under in a digest of thousands.
 */
export const BOILERPLATE_DF = 8;

/**
 * The least weight two texts must share, in shingles: two one-line texts that agree on a few words (a caption,
 * a title-only item) are not a report copied.
 */
export const MIN_SHARED_SHINGLES = 5;

/**
 * A band bucket holding more articles than this gives no candidates: so many texts agreeing on a band share
 * boilerplate, not a report, and pairing them all would make adding an article cost as much as the bucket.
 */
export const BUCKET_LIMIT = 64;

/** An article as the same-report check reads it: its text is the body, without the headline. */
export interface ReportText extends GroupedArticle {
  text: string;
}

/**
 * What the check needs of a text: its shingles and its LSH band keys. The content sync computes it once per
 * article file and keeps it (`encodeReportFingerprint`), so grouping a digest never shingles a text again.
 */
export interface ReportFingerprint {
  shingles: Uint32Array;
  bandKeys: Uint32Array;
}

/** A text's fingerprint, computed. */
export function reportFingerprint(text: string): ReportFingerprint {
  const shingles = reportShingles(text);
  return { shingles, bandKeys: bandKeys(minHashSignature(shingles)) };
}

/** A fingerprint as bytes to keep in a file: its `BANDS` band keys, then its shingles, as 32-bit integers. */
export function encodeReportFingerprint({ shingles, bandKeys: keys }: ReportFingerprint): Uint8Array {
  const words = new Uint32Array(BANDS + shingles.length);
  words.set(keys);
  words.set(shingles, BANDS);
  return new Uint8Array(words.buffer);
}

/** A fingerprint from the bytes `encodeReportFingerprint` wrote; a file of another shape is an error, never a guess. */
export function decodeReportFingerprint(bytes: Uint8Array): ReportFingerprint {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < BANDS * 4)
    throw new Error(`A report fingerprint of ${bytes.byteLength} bytes is not ${BANDS} band keys and shingles`);
  const words = new Uint32Array(bytes.slice().buffer);
  return { bandKeys: words.subarray(0, BANDS), shingles: words.subarray(BANDS) };
}

/** What the index keeps of a text, once per distinct text. */
interface TextFingerprint extends ReportFingerprint {
  /** How many articles of the index have this text. */
  articles: number;
}

export interface StoryIndex {
  /** Adds an article, or replaces the one with its id (a new text, a new date). */
  addArticle(article: ReportText): void;
  /**
   * Adds an article by the fingerprint kept for its text, and `key` naming that text (the digest of the file it
   * came from): nothing is shingled, and articles with one key share one fingerprint.
   */
  addFingerprint(article: GroupedArticle, key: string, fingerprint: ReportFingerprint): void;
  removeArticle(id: string): void;
  /** The pairs of candidates found to be the same report, each once, ordered by id. */
  pairs(): SameReportPair[];
  /** How much of the shorter of two articles the longer holds, boilerplate down-weighted: the check's measure. */
  containment(first: string, second: string): number;
  /** The groups of two or more articles (`groupSameReports`), with the editor's overrides applied. */
  groups(overrides?: ReadonlyMap<string, StoryOverride>): GroupedArticle[][];
  readonly size: number;
}

const textDigest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** `expectedShingles`: about how many shingles the articles added will have in all, when known (see `createShingleCounts`). */
export function createStoryIndex({ expectedShingles = 0 }: { expectedShingles?: number } = {}): StoryIndex {
  const articles = new Map<string, GroupedArticle & { digest: string }>();
  const fingerprints = new Map<string, TextFingerprint>();
  /** Per band, the articles whose band key is the key; most buckets hold one article. */
  const buckets = Array.from({ length: BANDS }, () => new Map<number, string[]>());
  const documentFrequency = createShingleCounts(expectedShingles);

  const fingerprintOf = (id: string) => fingerprints.get(articles.get(id)!.digest)!;

  function removeArticle(id: string): void {
    const article = articles.get(id);
    if (!article) return;
    articles.delete(id);
    const fingerprint = fingerprints.get(article.digest)!;
    if (fingerprint.shingles.length > 0) {
      fingerprint.bandKeys.forEach((key, band) => {
        const bucket = buckets[band]!.get(key)!;
        if (bucket.length === 1) buckets[band]!.delete(key);
        else bucket.splice(bucket.indexOf(id), 1);
      });
      documentFrequency.update(fingerprint.shingles, -1);
    }
    if (--fingerprint.articles === 0) fingerprints.delete(article.digest);
  }

  function addArticle({ id, published, text }: ReportText): void {
    const digest = textDigest(text);
    file({ id, published }, digest, () => reportFingerprint(text));
  }

  /** Files an article under its text's key, its fingerprint made by `make` only when the key is new. */
  function file({ id, published }: GroupedArticle, digest: string, make: () => ReportFingerprint): void {
    removeArticle(id);
    let fingerprint = fingerprints.get(digest);
    if (!fingerprint) {
      fingerprint = { ...make(), articles: 0 };
      fingerprints.set(digest, fingerprint);
    }
    fingerprint.articles++;
    articles.set(id, { id, published, digest });
    // An empty text has no shingles and no bands: it is nobody's copy.
    if (fingerprint.shingles.length === 0) return;
    fingerprint.bandKeys.forEach((key, band) => {
      const bucket = buckets[band]!.get(key);
      if (bucket) bucket.push(id);
      else buckets[band]!.set(key, [id]);
    });
    documentFrequency.update(fingerprint.shingles, 1);
  }

  const weight = (shingle: number) => {
    const count = documentFrequency.count(shingle);
    return count > BOILERPLATE_DF ? (BOILERPLATE_DF / count) ** 2 : 1;
  };

  /** How much of the shorter text the longer holds, by weight; 0 when they share too little to tell. */
  function containment(first: string, second: string): number {
    if (!articles.has(first) || !articles.has(second)) return 0;
    const a = fingerprintOf(first).shingles;
    const b = fingerprintOf(second).shingles;
    let shared = 0;
    let sharedWeight = 0;
    let totalA = 0;
    let totalB = 0;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i]! < b[j]!) totalA += weight(a[i++]!);
      else if (a[i]! > b[j]!) totalB += weight(b[j++]!);
      else {
        const both = weight(a[i]!);
        shared++;
        sharedWeight += both;
        totalA += both;
        totalB += both;
        i++;
        j++;
      }
    }
    if (shared < MIN_SHARED_SHINGLES) return 0;
    while (i < a.length) totalA += weight(a[i++]!);
    while (j < b.length) totalB += weight(b[j++]!);
    return sharedWeight / Math.min(totalA, totalB);
  }

  function candidatePairs(): [string, string][] {
    const seen = new Set<string>();
    const pairs: [string, string][] = [];
    for (const bandBuckets of buckets) {
      for (const bucket of bandBuckets.values()) {
        if (bucket.length < 2 || bucket.length > BUCKET_LIMIT) continue;
        const ids = [...bucket].sort();
        for (let i = 0; i < ids.length; i++) {
          for (let j = i + 1; j < ids.length; j++) {
            const key = `${ids[i]}\n${ids[j]}`;
            if (seen.has(key)) continue;
            seen.add(key);
            pairs.push([ids[i]!, ids[j]!]);
          }
        }
      }
    }
    return pairs;
  }

  function pairs(): SameReportPair[] {
    const confirmed: SameReportPair[] = [];
    for (const [first, second] of candidatePairs()) {
      const share = containment(first, second);
      if (share >= SAME_REPORT_SHARE) confirmed.push({ first, second, containment: share });
    }
    return confirmed.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.second < b.second ? -1 : 1));
  }

  return {
    addArticle,
    addFingerprint: (article, key, fingerprint) => file(article, `key:${key}`, () => fingerprint),
    removeArticle,
    pairs,
    containment,
    groups: (overrides) =>
      groupSameReports(
        [...articles.values()].map(({ id, published }) => ({ id, published })),
        pairs(),
        overrides,
      ),
    get size() {
      return articles.size;
    },
  };
}

/** The groups of the same report among `articles`, from scratch: `createStoryIndex` filled once. */
export function findSameReports(
  articles: Iterable<ReportText>,
  overrides?: ReadonlyMap<string, StoryOverride>,
): GroupedArticle[][] {
  const index = createStoryIndex();
  for (const article of articles) index.addArticle(article);
  return index.groups(overrides);
}
