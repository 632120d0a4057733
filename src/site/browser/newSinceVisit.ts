/**
 * Marks what was published or updated since the reader's previous visit, in listings and on the
 * timeline, and says on the home page how much: from the days each item carries and the visits
 * this browser keeps in `localStorage`. Nothing is sent or asked for, so it works offline; a
 * browser that keeps nothing (storage refused) marks nothing, as a page without scripts does.
 */
import { formatDay, toCalendarDate, type CalendarDate } from '../../lib/dates.ts';
import { newness, readFreshness } from '../freshness.ts';
import { lineSince, type NewSinceLines } from '../newByDay.ts';
import { markAllSeen, parseVisitState, recordPageView, visitsStorageKey, type PageView } from '../readerVisits.ts';

const storageKey = visitsStorageKey(document.documentElement.dataset['base'] ?? '/');

/** Now, with the reader's own calendar day: a visit "on Tuesday" is Tuesday where they are. */
function pageView(): PageView {
  const now = new Date();
  return { time: now.getTime(), day: toCalendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) };
}

/** The item's own mark, not that of an item listed inside it. */
function ownMark(item: HTMLElement): HTMLElement | undefined {
  return [...item.querySelectorAll<HTMLElement>('.new-mark')].find((mark) => mark.closest('[data-published]') === item);
}

function markItems(newFrom: CalendarDate | undefined): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-published]')) {
    const freshness = readFreshness(item.dataset);
    const state = freshness && newFrom !== undefined ? newness(freshness, newFrom) : undefined;
    for (const element of [item, ownMark(item)]) {
      if (!element) continue;
      if (state) element.dataset['new'] = state;
      else delete element.dataset['new'];
    }
  }
}

function fillHomeLine(storage: Storage, newFrom: CalendarDate): void {
  const home = document.querySelector<HTMLElement>('.new-since');
  const line = home?.querySelector<HTMLElement>('.new-since-line');
  if (!home || !line) return;
  const lines = JSON.parse(home.dataset['lines'] ?? '{"days":[]}') as NewSinceLines;
  const text = lineSince(lines, newFrom, (day) => formatDay(day, home.dataset['language'] ?? 'en'));
  if (text === undefined) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'new-since-button';
  button.textContent = home.dataset['markSeen'] ?? '';
  button.addEventListener('click', () => {
    const seen = markAllSeen(parseVisitState(storage.getItem(storageKey)), pageView());
    try {
      storage.setItem(storageKey, JSON.stringify(seen));
    } catch {
      // Storage full: this page still clears its marks; the next may show them again.
    }
    markItems(seen.newFrom);
    line.textContent = home.dataset['allSeen'] ?? '';
    // The button is gone: focus stays where the reader was, on the line that says it is done.
    line.focus();
  });
  line.replaceChildren(`${text} `, button);
}

/** This page view, recorded; none where the browser keeps nothing (storage refused or full). */
function recordThisView(): { storage: Storage; newFrom: CalendarDate | undefined } | undefined {
  try {
    const storage = window.localStorage;
    const state = recordPageView(parseVisitState(storage.getItem(storageKey)), pageView());
    storage.setItem(storageKey, JSON.stringify(state));
    return { storage, newFrom: state.newFrom };
  } catch {
    // A browser's setting, a sandboxed frame or a full storage: the page reads as without scripts.
    return undefined;
  }
}

const recorded = recordThisView();
if (recorded?.newFrom !== undefined) {
  markItems(recorded.newFrom);
  fillHomeLine(recorded.storage, recorded.newFrom);
}
