/**
 * Dating phrases chrono-node does not read, or reads too precisely for a timeline: seasons
 * ("last summer"), years after a preposition ("in 2017", "since 2015", "mid-2018"), vague spans
 * ("several weeks back", "for over a year now", "over the past year"), weeks ("last week"),
 * "earlier in the year", and phrases dated from the story's last date rather than from
 * publication ("that autumn", "the following spring", "three years later").
 */
import {
  addDays,
  addMonths,
  compareDays,
  dateOfSpan,
  dayDate,
  isoWeekday,
  monthDate,
  seasonDate,
  seasonOf,
  seasonSpan,
  spanOf,
  yearDate,
  type Day,
  type DaySpan,
  type EventDate,
  type ResolvedDate,
} from './eventDates.ts';
import type { Season } from '../lib/dates.ts';

/** A dating phrase found in a sentence, resolved. */
export interface DateMention {
  /** Where the phrase starts in the sentence. */
  index: number;
  /** The phrase as written. */
  text: string;
  resolved: ResolvedDate;
}

/**
 * A kind of dating phrase. `From` is what it is dated from: the publication day, or for a phrase
 * like "the following spring" the last date the story gave before it.
 */
interface PhraseRule<From> {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, from: From) => ResolvedDate | undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/** How many a vague count means, at least and at most. */
const VAGUE_COUNTS: Record<string, [number, number]> = {
  'a couple of': [2, 3],
  'a few': [2, 4],
  several: [3, 5],
  'a number of': [3, 6],
  many: [5, 10],
};

const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}|${Object.keys(VAGUE_COUNTS).join('|')})`;
const UNIT = '(days?|weeks?|months?|years?|decades?)';
/** Words making a count rough: "about two years", "more than a year". */
const HEDGE =
  '(?:(about|around|roughly|approximately|some|nearly|almost|more than|over|just over|less than|under|just under|at least)\\s+)?';

type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';

interface Count {
  least: number;
  most: number;
  /** The count was rough ("several", "about two", "more than a"). */
  hedged: boolean;
}

function readCount(word: string, hedge: string | undefined): Count {
  const lower = word.toLowerCase();
  const vague = VAGUE_COUNTS[lower];
  if (vague) return { least: vague[0], most: vague[1], hedged: true };
  const n = NUMBER_WORDS[lower] ?? Number(lower);
  // People round a span down to the count they name: "more than two years" is rarely three.
  switch (hedge?.toLowerCase()) {
    case undefined:
      return { least: n, most: n, hedged: false };
    case 'more than':
    case 'over':
    case 'just over':
    case 'at least':
      return { least: n, most: n * 1.25, hedged: true };
    case 'less than':
    case 'under':
    case 'just under':
      return { least: n * 0.75, most: n, hedged: true };
    default:
      return { least: n, most: n, hedged: true };
  }
}

function readUnit(word: string): Unit {
  return word.toLowerCase().replace(/s$/, '') as Unit;
}

/** The day a (possibly fractional) count of units after a day; a negative count goes back. */
function move(day: Day, count: number, unit: Unit): Day {
  switch (unit) {
    case 'day':
      return addDays(day, Math.round(count));
    case 'week':
      return addDays(day, Math.round(7 * count));
    case 'month':
      return addMonths(day, Math.round(count));
    case 'year':
      return addMonths(day, Math.round(12 * count));
    case 'decade':
      return addMonths(day, Math.round(120 * count));
  }
}

/** The precision a unit names: a week is too rough for a day. */
const UNIT_PRECISION: Record<Unit, 'day' | 'month' | 'year'> = {
  day: 'day',
  week: 'month',
  month: 'month',
  year: 'year',
  decade: 'year',
};
/** How many days a precision can leave open: a day none, a month at most 30. */
const PRECISION_DAYS = { day: 0, month: 30, year: 365 };
const COARSER = { day: 'month', month: 'year', year: 'year' } as const;

/**
 * The date a count of units before or after a day names ("three days ago", "several weeks
 * back", "three years later"). A week is given a few days either way, since "two weeks ago" is
 * rarely to the day. When the words leave more than one month (or day) open, as "a few months
 * ago" does, the date is named one step coarser rather than guessed; a decade is always approximate.
 */
function countFrom(origin: Day, direction: 1 | -1, count: Count, unit: Unit, approximate: boolean): ResolvedDate {
  const slack = unit === 'week' ? 3 : 0;
  const ends = [move(origin, direction * count.least, unit), move(origin, direction * count.most, unit)].sort(
    compareDays,
  ) as [Day, Day];
  const span: DaySpan = { from: addDays(ends[0], -slack), to: addDays(ends[1], slack) };
  const width = compareDays(span.to, span.from);
  const natural = UNIT_PRECISION[unit];
  const precision = width > PRECISION_DAYS[natural] ? COARSER[natural] : natural;
  return dateOfSpan(span, precision, approximate || count.hedged || unit === 'decade');
}

/** "fall" is the American autumn. */
function season(word: string): Season {
  const lower = word.toLowerCase();
  return lower === 'fall' ? 'autumn' : (lower as Season);
}

/**
 * The season a word like "last" or "this" points to, seen from a day ("latest": the last one to
 * have begun). Seasons are named loosely, so a season is always approximate.
 */
function seasonAround(name: Season, which: string, day: Day): ResolvedDate {
  const years = [day.year - 2, day.year - 1, day.year, day.year + 1];
  const spans = years.map((year) => ({ year, span: seasonSpan(name, year) }));
  let chosen: number;
  switch (which) {
    case 'last':
    case 'past':
    case 'previous':
      chosen = spans.filter(({ span }) => compareDays(span.to, day) < 0).at(-1)!.year;
      break;
    case 'next':
    case 'coming':
      chosen = spans.find(({ span }) => compareDays(span.from, day) > 0)!.year;
      break;
    case 'latest':
      chosen = spans.filter(({ span }) => compareDays(span.from, day) <= 0).at(-1)!.year;
      break;
    default: {
      // "this winter": the nearest one, whether under way, just ended or about to begin.
      const distance = ({ span }: { span: DaySpan }) =>
        Math.max(0, compareDays(span.from, day), compareDays(day, span.to));
      chosen = spans.reduce((best, next) => (distance(next) < distance(best) ? next : best)).year;
    }
  }
  return { date: seasonDate(name, chosen), approximate: true };
}

function weekSpan(which: string, published: Day): DaySpan {
  const monday = addDays(published, 1 - isoWeekday(published));
  switch (which) {
    case 'last':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'next':
      return { from: addDays(monday, 7), to: addDays(monday, 13) };
    case 'earlier this':
      return { from: monday, to: compareDays(published, monday) > 0 ? addDays(published, -1) : monday };
    case 'later this':
      return {
        from: compareDays(published, addDays(monday, 6)) < 0 ? addDays(published, 1) : published,
        to: addDays(monday, 6),
      };
    case 'the past':
      return { from: addDays(published, -7), to: addDays(published, -1) };
    default:
      return { from: monday, to: addDays(monday, 6) };
  }
}

const PUBLICATION_RULES: PhraseRule<Day>[] = [
  {
    // "last summer", "this spring", "over the summer", "the spring of 1996", "summer 2018", "late autumn 2017"
    pattern:
      /\b(?:(last|this|next|past|previous|coming)\s+|(over|during|in|through|throughout)\s+the\s+)?(?:(?:early|late|mid)[-\s]?)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4})\b)?/gi,
    resolve: (match, published) => {
      const [, which, preposition, name, year] = match;
      if (year) return { date: seasonDate(season(name!), Number(year)), approximate: true };
      if (which) return seasonAround(season(name!), which.toLowerCase(), published);
      // "over the summer", like a month named without a year, is the latest one.
      return preposition ? seasonAround(season(name!), 'latest', published) : undefined;
    },
  },
  {
    // "in 2017", "since 2015", "between 2012 and 2016", "in mid-2017", "late 2018", "in the second half of 2019"
    pattern:
      /\b(?:(?:in|since|by|during|throughout|until|till|from|before|after|between|around|circa|as early as|as late as|as of|back in)\s+(?:(?:early|late|mid)[-\s]?|the\s+(?:start|beginning|middle|end|first half|second half)\s+of\s+)?|(?:early|late|mid)[-\s])(\d{4})(?:\s*[–-]\s*\d{2,4}|\s+(?:and|to)\s+\d{4})?\b(?![-–/]\d|s\b|['’]s\b)/gi,
    resolve: (match) => ({ date: yearDate(Number(match[1])), approximate: /^(?:around|circa)\b/i.test(match[0]) }),
  },
  {
    // "earlier in the year", "earlier this year", "later this year"
    pattern: /\b(?:earlier|later)\s+(?:in\s+)?(?:this|the)\s+year\b/gi,
    resolve: (_match, published) => ({ date: yearDate(published.year), approximate: false }),
  },
  {
    // "at the end of the year", "the start of last year"
    pattern: /\bthe\s+(?:start|beginning|middle|end)\s+of\s+(this|the|last|next)\s+year\b/gi,
    resolve: (match, published) => {
      const offset = { last: -1, next: 1 }[match[1]!.toLowerCase()] ?? 0;
      return { date: yearDate(published.year + offset), approximate: false };
    },
  },
  {
    // "last week", "earlier this week", "the past week"
    pattern: /\b(last|next|earlier this|later this|this|the past)\s+week\b/gi,
    resolve: (match, published) => dateOfSpan(weekSpan(match[1]!.toLowerCase(), published), 'month'),
  },
  {
    // "three days ago", "several weeks back", "more than a year ago", "a decade ago"
    pattern: new RegExp(`\\b${HEDGE}${COUNT}\\s+${UNIT}\\s+(?:ago|back)\\b`, 'gi'),
    resolve: (match, published) => countFrom(published, -1, readCount(match[2]!, match[1]), readUnit(match[3]!), false),
  },
  {
    // A duration running to now dates its start, roughly: "for over a year now", "over the past year"
    pattern: new RegExp(`\\bfor\\s+${HEDGE}${COUNT}\\s+${UNIT}\\s+now\\b`, 'gi'),
    resolve: (match, published) => countFrom(published, -1, readCount(match[2]!, match[1]), readUnit(match[3]!), true),
  },
  {
    pattern: new RegExp(
      `\\b(?:over|in|during|for|throughout)\\s+the\\s+(?:past|last)\\s+(?:${COUNT}\\s+)?${UNIT}`,
      'gi',
    ),
    resolve: (match, published) =>
      countFrom(published, -1, readCount(match[1] ?? 'one', undefined), readUnit(match[2]!), true),
  },
];

const STORY_RULES: PhraseRule<EventDate>[] = [
  {
    // "that year", "that autumn", "the same month"
    pattern: /\b(?:that|the same)\s+(year|month|day|spring|summer|autumn|fall|winter)\b/gi,
    resolve: (match, anchor) => shiftAnchor(anchor, match[1]!, 0),
  },
  {
    // "the following spring", "the next day", "the previous year"; not a comparison ("up 12% on the previous year")
    pattern: /\bthe\s+(following|next|previous|preceding)\s+(year|month|week|day|spring|summer|autumn|fall|winter)\b/gi,
    resolve: (match, anchor) => {
      if (/\b(?:on|than|with|over|versus|vs\.?)\s+$/i.test(match.input.slice(0, match.index))) return undefined;
      return shiftAnchor(anchor, match[2]!, /^(?:following|next)$/i.test(match[1]!) ? 1 : -1);
    },
  },
  {
    // "three years later", "a few months earlier"
    pattern: new RegExp(`\\b${HEDGE}${COUNT}\\s+${UNIT}\\s+(later|earlier)\\b`, 'gi'),
    resolve: (match, anchor) => {
      const unit = readUnit(match[3]!);
      if (!isAtLeastAsPrecise(anchor, UNIT_PRECISION[unit])) return undefined;
      return countFrom(
        spanOf(anchor).from,
        match[4]!.toLowerCase() === 'later' ? 1 : -1,
        readCount(match[2]!, match[1]),
        unit,
        false,
      );
    },
  },
];

const PRECISION_RANK = { day: 0, month: 1, season: 2, year: 3 };

function isAtLeastAsPrecise(date: EventDate, precision: 'day' | 'month' | 'year'): boolean {
  return PRECISION_RANK[date.precision] <= PRECISION_RANK[precision];
}

/**
 * A date named from the story's last one: the same (`steps` 0), the following (1) or the
 * previous (−1) year, month, week, day or season. A unit finer than the last date is unknown.
 */
function shiftAnchor(anchor: EventDate, word: string, steps: number): ResolvedDate | undefined {
  const unit = word.toLowerCase();
  const { from, to } = spanOf(anchor);
  switch (unit) {
    case 'year':
      return { date: yearDate(anchor.year + steps), approximate: false };
    case 'month':
      return isAtLeastAsPrecise(anchor, 'month')
        ? { date: monthDate(addMonths(from, steps)), approximate: false }
        : undefined;
    case 'week':
      return isAtLeastAsPrecise(anchor, 'day')
        ? dateOfSpan({ from: addDays(from, 7 * steps - 3), to: addDays(from, 7 * steps + 3) }, 'month', true)
        : undefined;
    case 'day':
      return isAtLeastAsPrecise(anchor, 'day')
        ? { date: dayDate(addDays(from, steps)), approximate: false }
        : undefined;
    default: {
      const name = season(unit);
      if (steps === 0) {
        // "That winter", after January 2018, is the winter that began in December 2017.
        const containing =
          anchor.month === undefined ? undefined : seasonOf({ year: anchor.year, month: anchor.month, day: 1 });
        return {
          date: seasonDate(name, containing && containing.season === name ? containing.year : anchor.year),
          approximate: true,
        };
      }
      return seasonAround(name, steps > 0 ? 'next' : 'last', steps > 0 ? to : from);
    }
  }
}

function findPhrases<From>(
  sentence: string,
  rules: readonly PhraseRule<From>[],
  fromAt: (index: number) => From | undefined,
): DateMention[] {
  const mentions: DateMention[] = [];
  for (const rule of rules) {
    for (const match of sentence.matchAll(rule.pattern)) {
      const from = fromAt(match.index);
      const resolved = from === undefined ? undefined : rule.resolve(match as RegExpExecArray, from);
      if (resolved) mentions.push({ index: match.index, text: match[0], resolved });
    }
  }
  return mentions;
}

/** Every phrase in a sentence dated from the publication day; overlaps are for the caller to settle. */
export function findDatePhrases(sentence: string, published: Day): DateMention[] {
  return findPhrases(sentence, PUBLICATION_RULES, () => published);
}

/** Every phrase dated from the story's last date before it ("that autumn", "three years later"). */
export function findStoryDatePhrases(
  sentence: string,
  anchorAt: (index: number) => EventDate | undefined,
): DateMention[] {
  return findPhrases(sentence, STORY_RULES, anchorAt);
}
