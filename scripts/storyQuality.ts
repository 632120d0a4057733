/**
 * `npm run stories:quality`: precision and recall of same-report pairs on the labelled set, every false and
 * missed pair with its containment, then the index's cost on synthetic digests of 1,000 and 10,000 articles
 * (from scratch, and as a build groups a digest from the fingerprints the content sync kept);
 * ending with one JSON line of the figures for scripts.
 */
import { groupDigestStories } from '../src/stories/digestStories.ts';
import {
  createStoryIndex,
  decodeReportFingerprint,
  encodeReportFingerprint,
  reportFingerprint,
  SAME_REPORT_SHARE,
} from '../src/stories/sameReport.ts';
import { evaluateStorySet, readStorySet, syntheticDigest, type ScoredPair } from './storyScores.ts';

const LABELLED_SET = 'tests/fixtures/stories';
const DIGEST_SIZES = [1_000, 10_000];

const set = await readStorySet(LABELLED_SET);
const score = evaluateStorySet(set);
const figure = (value: number) => value.toFixed(3);
const pairLine = ({ first, second, containment }: ScoredPair) =>
  `    ${first} ~ ${second}  (containment ${figure(containment)})`;

console.log(`Same-report grouping on ${set.articles.length} labelled articles (${LABELLED_SET})`);
console.log(`A pair is the same report when the longer text holds ≥ ${SAME_REPORT_SHARE} of the shorter's shingles.`);
console.log(`pairs: ${score.detected} detected, ${score.labelled} labelled`);
console.log(`precision ${figure(score.precision)}  recall ${figure(score.recall)}`);
console.log(`false pairs (${score.falsePairs.length}):`);
for (const pair of score.falsePairs) console.log(pairLine(pair));
console.log(`missed pairs (${score.missedPairs.length}):`);
for (const pair of score.missedPairs) console.log(pairLine(pair));
console.log(`hard negatives grouped: ${score.failedNegatives.length} of ${set.hardNegatives.length}`);
for (const { shape, articles } of score.failedNegatives) console.log(`    ${articles.join(' ~ ')}  (${shape})`);

/** Wall-clock and CPU milliseconds of a step: the machine may be busy, and CPU time says what the step costs. */
function timed<T>(step: () => T): [T, { wallMs: number; cpuMs: number }] {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  const result = step();
  const { user, system } = process.cpuUsage(cpu);
  return [result, { wallMs: Math.round(performance.now() - wall), cpuMs: Math.round((user + system) / 1000) }];
}

const timings = DIGEST_SIZES.map((size) => {
  const [extra, ...digest] = syntheticDigest(size + 1).reverse();
  const index = createStoryIndex();
  const [, build] = timed(() => digest.forEach((article) => index.addArticle(article)));
  const [groups, group] = timed(() => index.groups());
  const [, addOne] = timed(() => index.addArticle(extra!));
  const [, regroup] = timed(() => index.groups());
  // What a build does: the fingerprints the content sync kept, read back, indexed and grouped; nothing shingled.
  const kept = digest.map((article) => ({
    ...article,
    bytes: encodeReportFingerprint(reportFingerprint(article.text)),
  }));
  const [, fromKept] = timed(() =>
    groupDigestStories(
      kept.map(({ id, published, bytes }) => ({ id, published, key: id, fingerprint: decodeReportFingerprint(bytes) })),
    ),
  );
  return { articles: size, groups: groups.length, build, group, addOne, regroup, fromKept };
});
const cost = ({ wallMs, cpuMs }: { wallMs: number; cpuMs: number }) => `${wallMs} ms (CPU ${cpuMs} ms)`.padStart(22);
console.log('\nCost on synthetic digests (one article in ten a trimmed copy, one in three with a newsletter box):');
console.log(
  `${'articles'.padStart(8)}  ${'index from scratch'.padStart(22)}  ${'groups()'.padStart(22)}  ${'add one article'.padStart(22)}  ${'groups() again'.padStart(22)}  ${'a build: kept → groups'.padStart(22)}  groups`,
);
for (const { articles, groups, build, group, addOne, regroup, fromKept } of timings) {
  console.log(
    `${String(articles).padStart(8)}  ${cost(build)}  ${cost(group)}  ${cost(addOne)}  ${cost(regroup)}  ${cost(fromKept)}  ${groups}`,
  );
}

console.log(
  JSON.stringify({
    articles: set.articles.length,
    precision: Number(score.precision.toFixed(4)),
    recall: Number(score.recall.toFixed(4)),
    falsePairs: score.falsePairs.length,
    missedPairs: score.missedPairs.length,
    timings,
  }),
);
