/**
 * `npm run events:quality [-- --details]`: precision and recall of event extraction on the
 * labelled set, per article, per language and overall, ending with one JSON line of the figures
 * for scripts.
 */
import { parseArgs } from 'node:util';
import { eventDateToString } from '../src/events/eventDates.ts';
import { evaluate, readLabelledSet, sumScores, type ArticleScore, type Score } from './eventScores.ts';

const LABELLED_SET = 'tests/fixtures/events';

const { values } = parseArgs({ options: { details: { type: 'boolean', default: false } } });
const scores = evaluate(await readLabelledSet(LABELLED_SET));

const figure = (value: number) => value.toFixed(2);
const counts = ({ matched, suggested, labelled }: Score) => `${matched}/${suggested}/${labelled}`.padStart(9);
const width = Math.max(...scores.map(({ name }) => name.length), 'held out'.length);

function row(name: string, dates: Score, sentences: Score): string {
  return `${name.padEnd(width)}  ${figure(dates.precision)}  ${figure(dates.recall)}  ${counts(dates)}    ${figure(sentences.precision)}  ${figure(sentences.recall)}  ${counts(sentences)}`;
}

function details({ missed, unexpected }: ArticleScore): string[] {
  return [
    ...missed.map((event) => `    missed      ${event.date.padEnd(11)} ${event.evidence}`),
    ...unexpected.map(
      (candidate) =>
        `    unexpected  ${eventDateToString(candidate.date).padEnd(11)} "${candidate.phrase}" in: ${candidate.evidence}`,
    ),
  ];
}

console.log(`Event extraction on ${scores.length} labelled articles (${LABELLED_SET})`);
console.log('A date matches when date and precision agree; a sentence when the evidence is the same sentence.');
console.log('P = precision, R = recall; counts are matched/suggested/labelled.\n');
console.log(`${''.padEnd(width)}  dates                     sentences`);
console.log(`${'article'.padEnd(width)}  P     R     counts       P     R     counts`);
for (const score of scores) {
  console.log(row(score.name, score.dates, score.sentences));
  if (values.details) for (const line of details(score)) console.log(line);
}
const total = (subset: readonly ArticleScore[], key: 'dates' | 'sentences' | 'datesWithPublicationDated') =>
  sumScores(subset.map((score) => score[key]));
const heldOut = scores.filter((score) => score.heldOut);
const dates = total(scores, 'dates');
const sentences = total(scores, 'sentences');
const withPublicationDated = total(scores, 'datesWithPublicationDated');
console.log(row('overall', dates, sentences));
console.log(row('held out', total(heldOut, 'dates'), total(heldOut, 'sentences')));
const byLanguage = [...Map.groupBy(scores, (score) => score.language)].sort(([a], [b]) => a.localeCompare(b));
console.log('\nBy language (the article\'s "lang"; English when it gives none):');
for (const [language, subset] of byLanguage) {
  const languageHeldOut = subset.filter((score) => score.heldOut);
  console.log(row(`${language} (${subset.length})`, total(subset, 'dates'), total(subset, 'sentences')));
  console.log(
    row(`  held out (${languageHeldOut.length})`, total(languageHeldOut, 'dates'), total(languageHeldOut, 'sentences')),
  );
}
console.log(
  `\n"held out": the ${heldOut.length} articles written after the rules were settled (${LABELLED_SET}/README.md tells how the set was used).`,
);
console.log(
  `Date recall counting the ${withPublicationDated.labelled - dates.labelled} events the articles leave undated (dated by publication): ${figure(withPublicationDated.recall)}`,
);

const summary = (score: Score) => ({
  precision: Number(score.precision.toFixed(4)),
  recall: Number(score.recall.toFixed(4)),
  matched: score.matched,
  suggested: score.suggested,
  labelled: score.labelled,
});
console.log(
  JSON.stringify({
    articles: scores.length,
    dates: summary(dates),
    sentences: summary(sentences),
    heldOut: {
      articles: heldOut.length,
      dates: summary(total(heldOut, 'dates')),
      sentences: summary(total(heldOut, 'sentences')),
    },
    dateRecallWithPublicationDated: Number(withPublicationDated.recall.toFixed(4)),
    languages: Object.fromEntries(
      byLanguage.map(([language, subset]) => [
        language,
        {
          articles: subset.length,
          dates: summary(total(subset, 'dates')),
          sentences: summary(total(subset, 'sentences')),
          heldOut: {
            dates: summary(
              total(
                subset.filter((score) => score.heldOut),
                'dates',
              ),
            ),
          },
        },
      ]),
    ),
  }),
);
