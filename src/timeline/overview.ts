import { comparePartialDates, type PartialDate } from '../lib/dates.ts';
import type { TextDirection } from '../i18n/languageTags.ts';
import type { TimelineEntry } from './timeline.ts';

/**
 * Above this many bars by month (four years) a story is drawn year by year: at 320 px a bar would
 * be narrower than about 6 px.
 */
export const MONTHS_ON_ONE_OVERVIEW = 48;

/** The drawing's coordinates (its `viewBox`): as wide as the narrowest screen, so its text stays readable there. */
export const OVERVIEW_WIDTH = 320;
/** The tallest bar. */
export const OVERVIEW_PLOT_HEIGHT = 80;
/** Room below the bars for the years' names. */
export const OVERVIEW_AXIS_HEIGHT = 22;
/** Of a slot's width, what its bar takes; the rest is the gap between bars. */
const BAR_SHARE = 0.7;
/** How far apart two years' names must be to be written both, in the drawing's units (four digits and a margin). */
const YEAR_LABEL_SPACE = 44;

/** One mark of the overview: the entries of one period, and its bar. */
export interface OverviewBin {
  /** A month or a year; drawing month by month, also a season or a year its entries are known only to. */
  period: PartialDate;
  events: number;
  publications: number;
  /** Where the bin's first entry lives on the timeline, with its anchor. */
  path: string;
  /** The bar's start from the drawing's left edge, and its width. */
  x: number;
  width: number;
  eventsHeight: number;
  publicationsHeight: number;
}

/** A year's stretch of the axis, with its name when there is room for it. */
export interface OverviewYear {
  year: number;
  /** From the left edge: where its slots start, and where its name goes. */
  start: number;
  label: number;
  labelled: boolean;
}

/** The timeline at a glance: bars of events and publications per month, or per year for a long story. */
export interface TimelineOverview {
  unit: 'month' | 'year';
  /** Periods with entries, oldest first. */
  bins: OverviewBin[];
  years: OverviewYear[];
  events: number;
  publications: number;
}

interface Slot {
  period: PartialDate;
  entries: TimelineEntry[];
}

const round = (value: number) => Math.round(value * 100) / 100;
const monthIndex = (date: PartialDate) => date.year * 12 + (date.month ?? 1) - 1;

/**
 * A slot per month from the first to the last month the story is dated to, each with its
 * entries; entries known only to a year or a season get a slot of their own, where the timeline
 * lists them (before the months they may fall in). `undefined` when that makes too many bars.
 */
function monthSlots(entries: readonly TimelineEntry[]): Slot[] | undefined {
  const monthly = entries.filter((entry) => entry.date.month !== undefined);
  if (monthly.length === 0) return undefined;
  const first = monthIndex(monthly[0]!.date);
  const last = monthIndex(monthly.at(-1)!.date);
  const slots = new Map<string, Slot>();
  for (let index = first; index <= last; index++) {
    const period: PartialDate = { year: Math.floor(index / 12), month: (index % 12) + 1, precision: 'month' };
    slots.set(`${period.year}-${period.month}`, { period, entries: [] });
  }
  for (const entry of entries) {
    const { year, month, season } = entry.date;
    const key = month !== undefined ? `${year}-${month}` : `${year}-${season ?? 'year'}`;
    let slot = slots.get(key);
    if (!slot) {
      const period: PartialDate =
        season === undefined ? { year, precision: 'year' } : { year, season, precision: 'season' };
      slots.set(key, (slot = { period, entries: [] }));
    }
    slot.entries.push(entry);
  }
  if (slots.size > MONTHS_ON_ONE_OVERVIEW) return undefined;
  return [...slots.values()].sort((a, b) => comparePartialDates(a.period, b.period));
}

/** A slot per year from the first to the last. */
function yearSlots(entries: readonly TimelineEntry[]): Slot[] {
  const first = entries[0]!.date.year;
  const slots: Slot[] = Array.from({ length: entries.at(-1)!.date.year - first + 1 }, (_, index) => ({
    period: { year: first + index, precision: 'year' },
    entries: [],
  }));
  for (const entry of entries) slots[entry.date.year - first]!.entries.push(entry);
  return slots;
}

/**
 * The overview of a timeline (entries oldest first): its bins and their bars, laid out in the
 * reading direction (right to left, the oldest period is on the right). `locate` gives an
 * entry's place on the timeline, as the timeline's pages link to it. `undefined` for an empty
 * timeline.
 */
export function layoutOverview(
  entries: readonly TimelineEntry[],
  locate: (entry: TimelineEntry) => string,
  direction: TextDirection = 'ltr',
): TimelineOverview | undefined {
  if (entries.length === 0) return undefined;
  const byMonth = monthSlots(entries);
  const slots = byMonth ?? yearSlots(entries);
  const slotWidth = OVERVIEW_WIDTH / slots.length;
  /** From the left edge, where a stretch of slots starting at `index` and `count` long begins. */
  const startOf = (index: number, count = 1) =>
    direction === 'ltr' ? index * slotWidth : OVERVIEW_WIDTH - (index + count) * slotWidth;
  const kinds = slots.map((slot) => ({
    events: slot.entries.filter((entry) => entry.kind === 'event').length,
    publications: slot.entries.filter((entry) => entry.kind === 'publication').length,
  }));
  const tallest = Math.max(...kinds.map((kind) => kind.events + kind.publications));
  const scale = OVERVIEW_PLOT_HEIGHT / tallest;

  const bins: OverviewBin[] = [];
  slots.forEach((slot, index) => {
    const { events, publications } = kinds[index]!;
    if (slot.entries.length === 0) return;
    bins.push({
      period: slot.period,
      events,
      publications,
      path: locate(slot.entries[0]!),
      x: round(startOf(index) + (slotWidth * (1 - BAR_SHARE)) / 2),
      width: round(slotWidth * BAR_SHARE),
      eventsHeight: round(events * scale),
      publicationsHeight: round(publications * scale),
    });
  });

  const years: OverviewYear[] = [];
  let lastLabel = -Infinity;
  for (let index = 0; index < slots.length;) {
    const year = slots[index]!.period.year;
    let count = 1;
    while (slots[index + count]?.period.year === year) count++;
    const start = startOf(index, count);
    // Kept off the edges so a name is never cut, and spaced along the reading direction.
    const label = Math.min(
      Math.max(start + (count * slotWidth) / 2, YEAR_LABEL_SPACE / 2),
      OVERVIEW_WIDTH - YEAR_LABEL_SPACE / 2,
    );
    const position = direction === 'ltr' ? label : OVERVIEW_WIDTH - label;
    const labelled = position - lastLabel >= YEAR_LABEL_SPACE;
    if (labelled) lastLabel = position;
    years.push({ year, start: round(start), label: round(label), labelled });
    index += count;
  }

  return {
    unit: byMonth ? 'month' : 'year',
    bins,
    years,
    events: kinds.reduce((sum, kind) => sum + kind.events, 0),
    publications: kinds.reduce((sum, kind) => sum + kind.publications, 0),
  };
}

/** The overview's busiest period (of its months, when drawn month by month), the first of equals. */
export function busiestBin(overview: TimelineOverview): OverviewBin {
  const candidates = overview.bins.filter((bin) => overview.unit === 'year' || bin.period.month !== undefined);
  return candidates.reduce((busiest, bin) =>
    bin.events + bin.publications > busiest.events + busiest.publications ? bin : busiest,
  );
}
