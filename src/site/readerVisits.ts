/**
 * The reader's visits, as their own browser keeps them (nothing leaves it): the time of their last
 * page view, and the first day whose articles and events they have not seen. A page view more than
 * `VISIT_GAP_MS` after the one before starts a new visit, and what appeared since the day of that
 * earlier view is new to them: the session rule of feed readers and web analytics. A first visit
 * ever has seen nothing before, so it marks nothing.
 */
import { toCalendarDate, type CalendarDate } from '../lib/dates.ts';

/** Half an hour without a page view ends a visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** Where a digest keeps its reader's visits, in the browser's `localStorage`, per site (its base path). */
export const visitsStorageKey = (base: string) => `dossier:visits:${base}`;

/** One page view: when, and the reader's own calendar day then. */
export interface PageView {
  time: number;
  day: CalendarDate;
}

export interface VisitState {
  /** The last page view (ms since the epoch) and its day in the reader's time zone. */
  lastView: number;
  lastViewDay: CalendarDate;
  /**
   * The first day whose items the reader has not seen: the day of their previous visit's last
   * page view, or the day after they marked everything as seen. Absent on a first visit.
   */
  newFrom?: CalendarDate | undefined;
}

const laterDay = (a: CalendarDate | undefined, b: CalendarDate) => (a !== undefined && a > b ? a : b);

/**
 * The state after a page view. Items dated the day of the previous visit stay new: a day's
 * articles may come after the reader left, and showing one they saw costs less than hiding one
 * they missed. `newFrom` never moves back, so a visit after "mark all as seen" keeps it.
 */
export function recordPageView(state: VisitState | undefined, view: PageView): VisitState {
  if (state === undefined) return { lastView: view.time, lastViewDay: view.day };
  const newVisit = view.time - state.lastView > VISIT_GAP_MS;
  const newFrom = newVisit ? laterDay(state.newFrom, state.lastViewDay) : state.newFrom;
  return { lastView: view.time, lastViewDay: view.day, ...(newFrom !== undefined && { newFrom }) };
}

/** "Mark all as seen": nothing dated up to the reader's today is new any more. */
export function markAllSeen(state: VisitState | undefined, view: PageView): VisitState {
  return { lastView: view.time, lastViewDay: view.day, newFrom: laterDay(state?.newFrom, dayAfter(view.day)) };
}

export function dayAfter(day: CalendarDate): CalendarDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return toCalendarDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The state a browser kept, or none when it kept nothing or something unreadable (another
 * version's, or edited by hand): that reader starts again as on a first visit.
 */
export function parseVisitState(stored: string | null): VisitState | undefined {
  if (stored === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { lastView, lastViewDay, newFrom } = value as Record<string, unknown>;
  if (typeof lastView !== 'number' || !Number.isFinite(lastView)) return undefined;
  if (typeof lastViewDay !== 'string' || !DAY.test(lastViewDay)) return undefined;
  if (newFrom !== undefined && (typeof newFrom !== 'string' || !DAY.test(newFrom))) return undefined;
  return { lastView, lastViewDay, ...(newFrom !== undefined && { newFrom }) };
}
