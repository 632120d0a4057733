import { isValidDay, toCalendarDate } from '../../lib/dates.ts';
import type { HeaderDate } from './pageHeader.ts';

/**
 * The publication date of a page: the day its header shows, as the outlet states it, in its own
 * time zone ("January 18, 2017 11:00 PM PST" is the 18th, whatever UTC says); the metadata's
 * date-time where it falls on that day, or where the header shows no day, only one written in
 * numbers alone (whose order of day and month is a guess) or only one above the headline (where a
 * masthead shows today's date); the date in the page's address where nothing else gives one.
 */
export interface PageDate {
  date?: string | undefined;
  /** The header's date as written, when it reads as two days and nothing else dates the page. */
  eitherWay?: string | undefined;
  note?: string | undefined;
}

/** `/2019/03/06/`, `/2019-03-06/`, `20190306` between other characters than digits. */
const ADDRESS_DATES = [
  /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/,
  /(?:^|[^\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/,
  /(?:^|[^\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/,
];

/** The day an address names in its path or query ("/2019/03/06/story", "?a=20190306-0042"). */
export function dateInAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  let path: string;
  try {
    const url = new URL(address);
    path = `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
  for (const pattern of ADDRESS_DATES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (isValidDay(year, month, day)) return toCalendarDate(year, month, day);
  }
  return undefined;
}

export function dateOfPage(metadata: string | undefined, header: HeaderDate | undefined, address?: string): PageDate {
  if (header && !header.numeric && !header.above && metadata && metadata.slice(0, 10) !== header.day)
    return { date: header.dateTime ?? header.day };
  if (metadata) return { date: metadata };
  if (header?.eitherWay) return { eitherWay: header.text };
  if (header) return { date: header.dateTime ?? header.day };
  const fromAddress = dateInAddress(address);
  return fromAddress
    ? {
        date: fromAddress,
        note: `date ${fromAddress} taken from the page's address (pass --date if it is not the publication day)`,
      }
    : {};
}
