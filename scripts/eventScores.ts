/**
 * How well event extraction does against a labelled set: articles, each with the events a careful
 * editor would list (`tests/fixtures/events/`: `name.md` and its labels in `name.json`; articles
 * in other languages in a folder per language, `de/name.md`, with their `lang` in frontmatter).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { parsePublicationDate, type CalendarDate } from '../src/lib/dates.ts';
import { eventDateToString, type EventPrecision } from '../src/events/eventDates.ts';
import { suggestEvents, type EventCandidate } from '../src/events/eventExtraction.ts';
import { parseMarkdownFile } from '../src/content/frontmatter.ts';

/** An event an editor would list, with the sentence that dates it. */
export interface LabelledEvent {
  /** As frontmatter writes it: `2019`, `2019-03`, `2019-03-05` or `2018-summer`. */
  date: string;
  precision: EventPrecision;
  approximate: boolean;
  text: string;
  evidence: string;
}

/** An event the article reports without dating it; the editor dates it by the publication. */
export type PublicationDatedEvent = Pick<LabelledEvent, 'date' | 'text' | 'evidence'>;

export interface LabelledArticle {
  /** The path in the set without `.md`: `seed-huawei-transparency-centre`, `de/agentur-bruessel`. */
  name: string;
  /** The article's `lang`, English when it gives none (the labelled set has no topic file). */
  language: string;
  published: CalendarDate;
  body: string;
  events: LabelledEvent[];
  datedByPublication: PublicationDatedEvent[];
  /** Written after the rules were settled, to estimate how they do on unseen articles. */
  heldOut: boolean;
}

/** Every article of a folder and its subfolders that has its labels beside it (`name.md` with `name.json`). */
export async function readLabelledSet(directory: string): Promise<LabelledArticle[]> {
  const names = new Set(await readdir(directory, { recursive: true }));
  const files = [...names].filter((file) => file.endsWith('.md') && names.has(file.replace(/\.md$/, '.json'))).sort();
  return Promise.all(files.map((file) => readLabelledArticle(directory, file)));
}

async function readLabelledArticle(directory: string, file: string): Promise<LabelledArticle> {
  const path = join(directory, file);
  const { frontmatter, body } = parseMarkdownFile(await readFile(path, 'utf8'));
  const lang = frontmatter['lang'];
  const published = parsePublicationDate(frontmatter['date']);
  if (!published.ok) throw new Error(`${path}: date ${published.message}`);
  const labels = JSON.parse(await readFile(path.replace(/\.md$/, '.json'), 'utf8')) as Pick<
    LabelledArticle,
    'events' | 'datedByPublication'
  > & { heldOut?: boolean };
  return {
    name: file.replace(/\.md$/, '').split(sep).join('/'),
    language: typeof lang === 'string' ? lang : 'en',
    published: published.value.day,
    body,
    events: labels.events,
    datedByPublication: labels.datedByPublication,
    heldOut: labels.heldOut ?? false,
  };
}

/** Counts for precision and recall; an empty side counts as perfect (nothing wrongly claimed, nothing to find). */
export interface Score {
  matched: number;
  suggested: number;
  labelled: number;
  precision: number;
  recall: number;
}

export interface ArticleScore {
  name: string;
  language: string;
  heldOut: boolean;
  /** A suggestion matches a label when date and precision agree. */
  dates: Score;
  /** A suggestion matches a label when it comes from the same sentence. */
  sentences: Score;
  /** Date recall counting also the events dated only by the publication. */
  datesWithPublicationDated: Score;
  missed: LabelledEvent[];
  unexpected: EventCandidate[];
}

function score(matched: number, suggested: number, labelled: number): Score {
  return {
    matched,
    suggested,
    labelled,
    precision: suggested === 0 ? 1 : matched / suggested,
    recall: labelled === 0 ? 1 : matched / labelled,
  };
}

export function sumScores(scores: readonly Score[]): Score {
  const total = (key: 'matched' | 'suggested' | 'labelled') => scores.reduce((sum, each) => sum + each[key], 0);
  return score(total('matched'), total('suggested'), total('labelled'));
}

/** Sentences compare as a reader would: quotes, dashes, spacing and case aside. */
export function normalizeSentence(sentence: string): string {
  return sentence
    .normalize('NFC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

interface Keyed {
  date: string;
  sentence: string;
}

/**
 * Pairs suggestions with labels one to one, first where both date and sentence agree, then on
 * `key` alone; returns the unpaired indices of each side.
 */
function pair(suggested: readonly Keyed[], labelled: readonly Keyed[], key: keyof Keyed) {
  const freeSuggested = new Set(suggested.keys());
  const freeLabelled = new Set(labelled.keys());
  const passes = [
    (a: Keyed, b: Keyed) => a.date === b.date && a.sentence === b.sentence,
    (a: Keyed, b: Keyed) => a[key] === b[key],
  ];
  for (const agrees of passes) {
    for (const s of freeSuggested) {
      const match = [...freeLabelled].find((l) => agrees(suggested[s]!, labelled[l]!));
      if (match === undefined) continue;
      freeSuggested.delete(s);
      freeLabelled.delete(match);
    }
  }
  return { matched: suggested.length - freeSuggested.size, freeSuggested, freeLabelled };
}

export function scoreArticle(article: LabelledArticle, candidates: readonly EventCandidate[]): ArticleScore {
  const suggested = candidates.map((candidate) => ({
    date: eventDateToString(candidate.date),
    sentence: normalizeSentence(candidate.evidence),
  }));
  const keyed = (events: readonly PublicationDatedEvent[]) =>
    events.map((event) => ({ date: event.date, sentence: normalizeSentence(event.evidence) }));
  const labelled = keyed(article.events);
  const dates = pair(suggested, labelled, 'date');
  const sentences = pair(suggested, labelled, 'sentence');
  const withPublicationDated = pair(suggested, keyed([...article.events, ...article.datedByPublication]), 'date');
  return {
    name: article.name,
    language: article.language,
    heldOut: article.heldOut,
    dates: score(dates.matched, suggested.length, labelled.length),
    sentences: score(sentences.matched, suggested.length, labelled.length),
    datesWithPublicationDated: score(
      withPublicationDated.matched,
      suggested.length,
      labelled.length + article.datedByPublication.length,
    ),
    missed: [...dates.freeLabelled].map((index) => article.events[index]!),
    unexpected: [...dates.freeSuggested].map((index) => candidates[index]!),
  };
}

/** Runs extraction over every labelled article and scores it. */
export function evaluate(articles: readonly LabelledArticle[]): ArticleScore[] {
  return articles.map((article) =>
    scoreArticle(article, suggestEvents(article.body, article.published, article.language)),
  );
}
