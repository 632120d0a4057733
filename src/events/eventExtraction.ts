/**
 * Finds dated statements in an article body and proposes them as timeline events. Dates are read
 * by chrono-node ("on 5 March", "in January 2019", "yesterday", "last month") and by the rules in
 * `eventPhrases.ts` for what chrono does not read ("last summer", "in 2017", "several weeks
 * back"), then resolved against the article's publication date. Articles in the other languages
 * of `languageDates.ts` are read by its parsers instead. Nothing here touches files: an editor
 * chooses among the candidates.
 */
import { casual, type ParsedResult } from 'chrono-node';
import type { CalendarDate } from '../lib/dates.ts';
import {
  chronoReference,
  DATE_LEAD,
  dateLanguageOf,
  findLanguageDates,
  withoutOverlaps,
  yearOfYearlessDate,
  type DateLanguage,
} from '../lib/languageDates.ts';
import {
  addDays,
  compareDays,
  dayDate,
  dayOf,
  eventDateToString,
  isoWeekday,
  monthDate,
  spanOf,
  yearDate,
  type Day,
  type EventDate,
} from './eventDates.ts';
import { findDatePhrases, findStoryDatePhrases, type DateMention } from './eventPhrases.ts';
import { articleSentences } from './eventSentences.ts';
import { clauseAround, datelineLength, proposeEventText } from './eventText.ts';

/** A dated statement found in an article, for an editor to accept as an event or not. */
export interface EventCandidate {
  date: EventDate;
  /** The words only give the date roughly ("several weeks back", "last summer"). */
  approximate: boolean;
  /** The words that date it, as written: "yesterday (5 March)". */
  phrase: string;
  /** The sentence it was found in, so a reader can see the evidence. */
  evidence: string;
  /** A proposed event text: the statement, without the words that date it. */
  text: string;
}

/** An event as frontmatter writes it. */
export interface FrontmatterEvent {
  date: string;
  text: string;
  approximate?: true;
}

/**
 * Every dated statement in an article body, in reading order, dated from its publication day or,
 * for "that autumn" and "three years later", from the last date the story gave before.
 * `language` is the article's BCP 47 tag: its `lang`, else the topic's `language`.
 */
export function suggestEvents(body: string, published: CalendarDate, language = 'en'): EventCandidate[] {
  const dateLanguage = dateLanguageOf(language);
  if (dateLanguage) return suggestLanguageEvents(body, published, dateLanguage);
  const candidates: EventCandidate[] = [];
  const day = dayOf(published);
  let anchor: EventDate | undefined;
  for (const sentence of articleSentences(body)) {
    const mentions = sentenceMentions(sentence, day, anchor);
    candidates.push(...candidatesOf(sentence, mentions));
    anchor = mentions.at(-1)?.resolved.date ?? anchor;
  }
  return candidates;
}

/**
 * The events of an article in another language: every sentence with a day, a month or a past
 * year in it. The English rules (story anchors, forecasts, counterfactuals, "by" deadlines) read
 * English words, so here a date is an event unless it is a year still to come.
 *
 * English keeps its own rules rather than going through `findLanguageDates` with chrono's
 * English parser: on the English labelled set that path scored dates precision 0.71 and recall
 * 0.62, against 0.91 and 0.94 for the rules.
 */
function suggestLanguageEvents(body: string, published: CalendarDate, language: DateLanguage): EventCandidate[] {
  const { year } = dayOf(published);
  const lead = new RegExp(`(?<!\\p{L})(?:${DATE_LEAD[language]})\\s*$`, 'iu');
  return articleSentences(body, language).flatMap((sentence) => {
    const mentions = findLanguageDates(sentence, language, published)
      .filter(({ date }) => !(date.precision === 'year' && date.year > year))
      .map(({ date, index, text }): DateMention => {
        // "le 5 mars": the words introducing a date leave the event's text with it.
        const before = DATE_LEAD[language] ? (lead.exec(sentence.slice(0, index))?.[0] ?? '') : '';
        return { index: index - before.length, text: before + text, resolved: { date, approximate: false } };
      });
    return candidatesOf(sentence, mentions);
  });
}

/** The frontmatter form of a candidate: `{ date: "2018-summer", text, approximate: true }`. */
export function toFrontmatterEvent(candidate: EventCandidate): FrontmatterEvent {
  const event: FrontmatterEvent = { date: eventDateToString(candidate.date), text: candidate.text };
  if (candidate.approximate) event.approximate = true;
  return event;
}

/**
 * The dating phrases of a sentence, settled and resolved, in order. Phrases like "three years
 * later" count from the date just before them, in this sentence or, failing that, the story's `anchor`.
 */
function sentenceMentions(sentence: string, published: Day, anchor: EventDate | undefined): WideMention[] {
  // A dateline's date is when the story was filed, not when anything in it happened.
  const dateline = datelineLength(sentence);
  const fromPublication = settleOverlaps([
    ...findDatePhrases(sentence, published),
    ...chronoMentions(sentence, published),
  ]).filter((mention) => mention.index >= dateline);
  const anchorAt = (index: number) =>
    fromPublication.findLast((mention) => end(mention) <= index)?.resolved.date ?? anchor;
  const found = settleOverlaps([...findStoryDatePhrases(sentence, anchorAt), ...fromPublication]);
  return withParenthesisedDates(sentence, found)
    .map((mention) => widen(sentence, mention))
    .filter((mention) => datesAHappening(sentence, mention, published));
}

/** One candidate per date a sentence gives; phrases giving the same date ("20 February 2019 … today") are one. */
function candidatesOf(sentence: string, mentions: readonly DateMention[]): EventCandidate[] {
  const byDate = Map.groupBy(mentions, (mention) => eventDateToString(mention.resolved.date));
  return [...byDate.values()].map((group) => {
    const [first] = group as [DateMention];
    const others = mentions.filter((mention) => !group.includes(mention));
    return {
      date: first.resolved.date,
      approximate: group.every((mention) => mention.resolved.approximate),
      phrase: first.text,
      evidence: sentence,
      text: proposeEventText(sentence, group.map(span), others.map(span)),
    };
  });
}

const span = ({ index, text }: DateMention) => ({ index, length: text.length });
const end = ({ index, text }: DateMention) => index + text.length;

/** Where two readings overlap, the longer wins ("at the end of January 2019" over "2019"), then the rule over chrono. */
const settleOverlaps = withoutOverlaps<DateMention>;

/**
 * "yesterday (5 March)", "on Monday (4 March)": the date in brackets is what the writer checked,
 * and it stays right even when the article went out a day after it was written.
 */
function withParenthesisedDates(sentence: string, mentions: readonly DateMention[]): DateMention[] {
  const merged: DateMention[] = [];
  for (const mention of mentions) {
    const previous = merged.at(-1);
    const opening = previous && sentence.slice(end(previous), mention.index);
    const closing = /^\s*\)/.exec(sentence.slice(end(mention)));
    if (previous && opening !== undefined && /^\s*\(\s*$/.test(opening) && closing) {
      merged[merged.length - 1] = {
        index: previous.index,
        text: sentence.slice(previous.index, end(mention) + closing[0].length),
        resolved: mention.resolved,
      };
    } else merged.push(mention);
  }
  return merged;
}

interface WideMention extends DateMention {
  /** The phrase was introduced by "by": a deadline or target, unless it has passed. */
  byDeadline: boolean;
}

/** The prepositions and qualifiers in front of a phrase belong to it: "at the end of", "on or about", "mid-". */
const LEAD =
  /(?:\b(?:on or about|last|this|next|on|in|at|since|during|by|from|until|till|over|throughout|around|about|roughly|approximately|circa|before|after|between|as of|as early as|as late as|back in|sometime|some time|earlier|later|early|late|the|(?:start|beginning|middle|end|first half|second half) of)\s+|\bmid-)+$/i;
const HEDGED = /\b(?:about|around|roughly|approximately|circa|sometime|some time)\b/i;

function widen(sentence: string, mention: DateMention): WideMention {
  const lead = LEAD.exec(sentence.slice(0, mention.index))?.[0] ?? '';
  const approximate = mention.resolved.approximate || HEDGED.test(lead);
  return {
    index: mention.index - lead.length,
    text: lead + mention.text,
    resolved: { ...mention.resolved, approximate },
    byDeadline: /\bby\s/i.test(lead) || /^by\b/i.test(mention.text),
  };
}

/**
 * Whether a phrase dates something that happened or is scheduled. A year still ahead ("next
 * year") is a forecast, "by the end of the year" a target (but "due by 31 December" a schedule),
 * "until 2014" ends a state, and what "would have" happened did not.
 */
function datesAHappening(
  sentence: string,
  { index, resolved: { date }, text, byDeadline }: WideMention,
  published: Day,
): boolean {
  const { start, end } = clauseAround(sentence, index, false);
  const clause = sentence.slice(start, end);
  if (date.precision === 'year' && date.year > published.year) return false;
  // "would have been unthinkable two years ago" did not happen.
  if (/\b(?:would|could|might)(?:n['’]t|\s+not)?\s+have\b/i.test(clause)) return false;
  const scheduled = /\b(?:due|scheduled|expected|set)\s+$/i.test(sentence.slice(0, index));
  if (byDeadline && !scheduled && compareDays(spanOf(date).to, published) >= 0) return false;
  return !/^(?:until|till)\b/i.test(text);
}

/** Whether a clause speaks of what is still to come, so a bare "on Saturday" is the next one. */
const LOOKS_AHEAD =
  /\b(?:will|won['’]t|shall|is due|are due|due to|expected to|scheduled|set to|plans? to|planned|going to|tomorrow|upcoming)\b|['’]ll\b/i;

/** "the day before", "the following week", "two days later": dated from another event, not from publication. */
const ANAPHOR =
  /^the\s+(?:day|week|month|year)\s+(?:before|after)$|\b(?:following|previous|preceding)\b|\b(?:later|earlier)$/i;
/** "the last three weeks", "the past few months": a stretch of time, not a date. */
const SPAN = /^(?:last|past|next)\s+(?!year|month|week)\S+(?:\s+of)?\s+(?:days?|weeks?|months?|years?|decades?)$/i;
const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;
/** A month named alone is a date only after a word that makes it one: "in March", not "Theresa May". */
const MONTH_CUE =
  /\b(?:in|on|since|by|until|till|to|during|from|through|throughout|before|after|between|last|this|next|early|late|mid|(?:start|beginning|middle|end) of)[\s-]*$/i;
/** "June 24 last year", "in September this year": the year follows the date. */
const YEAR_AFTER = /^,?\s+(last|this|next)\s+year\b/i;

function chronoMentions(sentence: string, published: Day): DateMention[] {
  const reference = chronoReference(published);
  // The casual English parser, not the British one: British reads "March 19" as March 2019.
  return casual.parse(sentence, reference, { forwardDate: false }).flatMap((result) => {
    const mention = readChronoResult(result, sentence, published);
    return mention ? [mention] : [];
  });
}

function readChronoResult(result: ParsedResult, sentence: string, published: Day): DateMention | undefined {
  const { start, index } = result;
  // chrono keeps a comma that follows a weekday ("on Tuesday,"); it belongs to the sentence.
  const text = result.text.replace(/[\s,;:]+$/, '');
  const tags = result.tags();
  const lead = sentence.slice(0, index);
  const after = sentence.slice(index + text.length);
  const clause = clauseAround(sentence, index, false);
  const ahead = LOOKS_AHEAD.test(sentence.slice(clause.start, clause.end));
  const mention = (date: EventDate, extra = 0): DateMention => ({
    index,
    text: sentence.slice(index, index + text.length + extra),
    resolved: { date, approximate: false },
  });

  if (ANAPHOR.test(text) || (/\bthe\s+$/i.test(lead) && /^next\b/i.test(text))) return undefined;
  if (SPAN.test(text) || tags.has('casualReference/now')) return undefined;
  // "Friday's vote", "today's networks": the date belongs to the thing named, not to what the sentence reports.
  if (/^['’]s\b/.test(after)) return undefined;
  // "in the year", "for two years", "within 30 days": chrono counts these forward from the reference.
  if (
    tags.has('result/relativeDate') &&
    !/\b(?:next|tomorrow|coming)\b/i.test(text) &&
    compareDays(chronoDay(result), published) > 0
  )
    return undefined;

  const yearAfter = start.isCertain('year') ? null : YEAR_AFTER.exec(after);
  const extra = yearAfter?.[0].length ?? 0;
  const yearOf = (month: number, day?: number) =>
    yearAfter
      ? published.year + ({ last: -1, next: 1 }[yearAfter[1]!.toLowerCase()] ?? 0)
      : start.isCertain('year')
        ? start.get('year')!
        : yearOfYearlessPhrase(month, day, lead, ahead, published);

  if (start.isCertain('day') && start.isCertain('month')) {
    if (isAmbiguousNumericDate(text)) return undefined;
    const { month, day } = chronoDay(result);
    if (tags.has('refiner/ENEndOfPeriodRefiner')) return mention(monthDate({ year: yearOf(month), month }), extra);
    return mention(dayDate({ year: yearOf(month, day), month, day }), extra);
  }
  if (start.isCertain('month')) {
    const month = start.get('month')!;
    if (!start.isCertain('year') && (!MONTH_NAME.test(text) || !MONTH_CUE.test(lead))) return undefined;
    return mention(monthDate({ year: yearOf(month), month }), extra);
  }
  if (start.isCertain('year')) return mention(yearDate(start.get('year')!));
  if (start.isCertain('weekday'))
    return mention(dayDate(dayOfWeekday(start.get('weekday')!, lead + text, ahead, published)));
  // "this morning", "tonight": a time of the publication day; a bare "morning" is a greeting as often.
  if (/\b(?:this|to)\s*(?:morning|afternoon|evening|night)\b/i.test(text)) return mention(dayDate(chronoDay(result)));
  return undefined;
}

/**
 * "24/7", "9/11", "4/3/2019": numbers alone that either lack a year or could be 4 March as well
 * as 3 April, depending on where the writer is. An ISO date or a day above 12 is clear.
 */
function isAmbiguousNumericDate(text: string): boolean {
  const numbers = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?$/.exec(text);
  if (!numbers) return false;
  const [first, second] = [Number(numbers[1]), Number(numbers[2])];
  return numbers[3] === undefined || (first <= 12 && second <= 12 && first !== second);
}

function chronoDay({ start }: ParsedResult): Day {
  return { year: start.get('year')!, month: start.get('month')!, day: start.get('day')! };
}

/**
 * The year of a date written without one ("on 5 March", "in April"): as `yearOfYearlessDate`
 * reads it, unless the clause looks ahead ("will meet on 5 March"). "last April" and "next
 * April" say which themselves.
 */
function yearOfYearlessPhrase(
  month: number,
  day: number | undefined,
  lead: string,
  ahead: boolean,
  published: Day,
): number {
  const occurrence: Day = { year: published.year, month, day: day ?? 1 };
  const past = day === undefined ? month < published.month : compareDays(occurrence, published) < 0;
  const current = day === undefined ? month === published.month : compareDays(occurrence, published) === 0;
  const { year } = published;
  if (/\blast\s+$/i.test(lead)) return past ? year : year - 1;
  if (/\bnext\s+$/i.test(lead)) return past || current ? year + 1 : year;
  if (/\bthis\s+$/i.test(lead)) return year;
  if (ahead) return past ? year + 1 : year;
  return yearOfYearlessDate(month, day, published);
}

/**
 * The day a weekday names. News writes "said on Tuesday" for the past week and "will meet on
 * Thursday" for the coming one, so the tense of the clause decides; "last" and "next" overrule it.
 */
function dayOfWeekday(weekday: number, words: string, ahead: boolean, published: Day): Day {
  const target = weekday === 0 ? 7 : weekday;
  const today = isoWeekday(published);
  const forward = (target - today + 7) % 7;
  const backward = (today - target + 7) % 7;
  if (/\blast\s+\w+$/i.test(words)) return addDays(published, -(backward || 7));
  if (/\bnext\s+\w+$/i.test(words)) return addDays(published, forward || 7);
  if (ahead) return addDays(published, forward);
  return addDays(published, -backward);
}
