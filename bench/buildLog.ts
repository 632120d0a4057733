/**
 * Build phases read from Astro's log. Astro prints its timestamps to the second only, so the
 * benchmark stamps every line as it arrives and finds the phase boundaries by their text.
 */
import { SEARCH_LOG_LABEL } from '../src/search/build/searchIndex.ts';

/** A line of build output and when it arrived, in seconds since the build started. */
export interface LogLine {
  at: number;
  text: string;
}

export interface BuildPhases {
  /** Loading the config and integrations, up to the content layer. */
  startup: number;
  /** The content layer: loaders read, validate and store every entry. */
  contentSync: number;
  /** Types, Vite's bundling of pages and the content store, up to the first page written. */
  bundling: number;
  /** Rendering every route to a file. */
  pageRendering: number;
  /** Waiting for the search index after the pages are written; Dossier builds it beside the other phases. */
  searchIndexing: number;
  /** Everything else: sitemap, the integrations' other hooks, exit. */
  other: number;
  total: number;
}

// eslint-disable-next-line no-control-regex -- the terminal's colour codes are what this matches.
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

function firstAt(lines: readonly LogLine[], pattern: RegExp, after = 0): number | undefined {
  return lines.find((line) => line.at >= after && pattern.test(line.text))?.at;
}

const SYNC_START = /\[content\] Syncing content/;
const SYNC_END = /\[content\] Synced content/;
const RENDER_START = /generating static routes/;
const RENDER_END = /✓ Completed in/;
const SEARCH_START = new RegExp(`\\[${SEARCH_LOG_LABEL}\\] Finishing the search index`);
const SEARCH_END = new RegExp(`\\[${SEARCH_LOG_LABEL}\\] Indexed`);

/**
 * Splits a build's wall time into phases. A boundary missing from the log (a phase the build
 * skipped) makes that phase 0 rather than failing the whole measurement.
 */
export function phasesFromLog(lines: readonly LogLine[], total: number): BuildPhases {
  const syncStart = firstAt(lines, SYNC_START) ?? 0;
  const syncEnd = firstAt(lines, SYNC_END, syncStart) ?? syncStart;
  const renderStart = firstAt(lines, RENDER_START, syncEnd) ?? syncEnd;
  const renderEnd = firstAt(lines, RENDER_END, renderStart) ?? renderStart;
  const searchStart = firstAt(lines, SEARCH_START, renderEnd);
  const searchEnd = searchStart === undefined ? undefined : firstAt(lines, SEARCH_END, searchStart);
  const searchIndexing = searchStart !== undefined && searchEnd !== undefined ? searchEnd - searchStart : 0;
  const phases = {
    startup: syncStart,
    contentSync: syncEnd - syncStart,
    bundling: renderStart - syncEnd,
    pageRendering: renderEnd - renderStart,
    searchIndexing,
  };
  const accounted = Object.values(phases).reduce((sum, seconds) => sum + seconds, 0);
  return { ...phases, other: Math.max(0, total - accounted), total };
}

const BESIDE_BUILD = /Pagefind ran ([\d.]+) s beside the build/;

/** How long Dossier's Pagefind run took while Astro bundled and rendered (0 for a build that indexes afterwards). */
export function searchSecondsBesideBuild(lines: readonly LogLine[]): number {
  const line = lines.find((entry) => BESIDE_BUILD.test(entry.text));
  return line ? Number(BESIDE_BUILD.exec(line.text)![1]) : 0;
}

/** What a build did again and what it kept: pages rendered and kept by Astro's incremental build, articles Pagefind indexed. */
export interface BuildWork {
  pagesRendered: number;
  pagesKept: number;
  /** The content sync's time finding the entities articles name (summed over its workers), in ms. */
  mentionMilliseconds: number;
  /** The "Who's who" pages and feeds rendered, and the time Astro reports for them, in ms. */
  whoPagesRendered: number;
  whoRenderMilliseconds: number;
  /** Articles in the search shards indexed in this build (the others were kept). */
  articlesIndexed: number;
}

const INDEXED_NOW = /(\d+) of them in this build/;
const MENTIONS = /Found the entities of \d+ articles in (\d+) ms/;
/** A "Who's who" page or feed with its time, when Astro wrote both on one line (most are). */
const WHO_PAGE = /\/who\/\S*\s+\(\+([\d.]+)(m?s)\)/g;

/**
 * Reads a build's whole output. Astro writes a page's name and then its outcome, the time taken
 * or "(cached)", in separate writes that can land on other lines: the outcomes are counted.
 */
export function workFromLog(text: string): BuildWork {
  const indexedNow = INDEXED_NOW.exec(text);
  const mentions = MENTIONS.exec(text);
  const whoPages = [...text.matchAll(WHO_PAGE)].map(([, time, unit]) => Number(time) * (unit === 's' ? 1000 : 1));
  return {
    pagesRendered: text.match(/\(\+[\d.]+m?s\)/g)?.length ?? 0,
    pagesKept: text.match(/\((?:cached|restored)\)/g)?.length ?? 0,
    mentionMilliseconds: mentions ? Number(mentions[1]) : 0,
    whoPagesRendered: whoPages.length,
    whoRenderMilliseconds: whoPages.reduce((sum, time) => sum + time, 0),
    articlesIndexed: indexedNow ? Number(indexedNow[1]) : 0,
  };
}
