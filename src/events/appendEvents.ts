/**
 * Adds events to an article's frontmatter without touching a line the editor wrote: the new
 * items are spliced in after the last existing one, at the positions the `yaml` package's
 * Document API reports, so comments, order, quoting and layout stay exactly as they were.
 */
import { isDeepStrictEqual } from 'node:util';
import { isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { FrontmatterEvent } from './eventExtraction.ts';
import { isNearIdenticalText } from './eventText.ts';
import { parseMarkdownFile } from '../content/frontmatter.ts';

/** An event as an article lists it: its date as written and its text. */
export interface ListedEvent {
  date: string;
  text: string;
}

/** The events a frontmatter lists; entries without a date and a text are left to the schema to report. */
export function listedEvents(frontmatter: Record<string, unknown>): ListedEvent[] {
  const events = frontmatter['events'];
  if (!Array.isArray(events)) return [];
  return events.flatMap((event: unknown) => {
    if (event === null || typeof event !== 'object') return [];
    const { date, text } = event as Record<string, unknown>;
    return (typeof date === 'string' || typeof date === 'number') && typeof text === 'string'
      ? [{ date: String(date), text }]
      : [];
  });
}

/** An event counts as listed when one with the same date says nearly the same thing. */
export function isListed(event: FrontmatterEvent, listed: readonly ListedEvent[]): boolean {
  return listed.some((other) => other.date === event.date && isNearIdenticalText(other.text, event.text));
}

export class EventsFieldError extends Error {}

/** The file with the new events added, and which were added (those not listed already). */
export interface AppendResult {
  text: string;
  added: FrontmatterEvent[];
}

/**
 * Appends events to a Markdown file's `events` frontmatter, skipping those already listed (so a
 * re-run adds nothing). Throws `FrontmatterError` or `EventsFieldError` with a message for people.
 */
export function appendEvents(fileText: string, events: readonly FrontmatterEvent[]): AppendResult {
  const { frontmatter, body } = parseMarkdownFile(fileText);
  const listed = listedEvents(frontmatter);
  const added: FrontmatterEvent[] = [];
  for (const event of events) {
    if (isListed(event, [...listed, ...added])) continue;
    added.push(event);
  }
  if (added.length === 0) return { text: fileText, added };

  const head = fileText.slice(0, fileText.length - body.length);
  const yamlStart = head.indexOf('\n') + 1;
  const yamlEnd = head.replace(/\r?\n$/, '').lastIndexOf('\n') + 1;
  const yaml = head.slice(yamlStart, yamlEnd);
  const updated = spliceEvents(yaml, added);
  checkOnlyAdded(yaml, updated, added);
  return { text: head.slice(0, yamlStart) + updated + head.slice(yamlEnd) + body, added };
}

/** How new items are written: years as plain numbers, as editors write them (`date: 2017`). */
function plain(event: FrontmatterEvent): Record<string, unknown> {
  return /^\d{4}$/.test(event.date) ? { ...event, date: Number(event.date) } : { ...event };
}

function blockItems(events: readonly FrontmatterEvent[], indent: number, newline: string): string {
  return stringify(events.map(plain), { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(indent) + line)
    .join(newline);
}

function spliceEvents(yaml: string, events: readonly FrontmatterEvent[]): string {
  const newline = yaml.includes('\r\n') ? '\r\n' : '\n';
  const document = parseDocument(yaml);
  const field = document.get('events', true);
  if (field === undefined) {
    const separator = yaml === '' || yaml.endsWith('\n') ? '' : newline;
    return `${yaml}${separator}events:${newline}${blockItems(events, 2, newline)}${newline}`;
  }
  if (isScalar(field) && field.value === null && field.range?.[0] === field.range?.[1]) {
    // "events:" with nothing after it: the items go on the lines below.
    const at = field.range![0];
    return `${yaml.slice(0, at)}${newline}${blockItems(events, 2, newline)}${yaml.slice(at)}`;
  }
  if (!isSeq(field) || !field.range) {
    throw new EventsFieldError(
      'frontmatter field "events" is not a list (write it as lines "  - date: …" and "    text: …")',
    );
  }
  if (field.flow) {
    const closing = field.range[1] - 1;
    const items = events.map((event) => stringify(plain(event), { lineWidth: 0, collectionStyle: 'flow' }).trim());
    return `${yaml.slice(0, closing)}${field.items.length > 0 ? ', ' : ''}${items.join(', ')}${yaml.slice(closing)}`;
  }
  const first = field.items[0] as { range?: [number, number, number] } | undefined;
  const itemStart = first?.range?.[0] ?? field.range[0];
  const lineStart = yaml.lastIndexOf('\n', itemStart - 1) + 1;
  const indent = yaml.slice(lineStart, itemStart).indexOf('-');
  const at = field.range[1];
  const before = yaml.slice(0, at);
  const separator = before.endsWith('\n') ? '' : newline;
  return `${before}${separator}${blockItems(events, Math.max(indent, 0), newline)}${newline}${yaml.slice(at)}`;
}

/** A safety net: everything the editor wrote must read the same, with the new events after the old. */
function checkOnlyAdded(before: string, after: string, added: readonly FrontmatterEvent[]): void {
  const old = parseDocument(before).toJS() as Record<string, unknown>;
  const updated = parseDocument(after).toJS() as Record<string, unknown>;
  const oldEvents = Array.isArray(old['events']) ? old['events'] : [];
  const expected = { ...old, events: [...oldEvents, ...added.map(plain)] };
  if (!isDeepStrictEqual(updated, expected)) {
    throw new EventsFieldError(
      'could not add events without changing what the frontmatter already says (add them by hand)',
    );
  }
}
