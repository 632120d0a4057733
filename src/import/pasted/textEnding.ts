/**
 * Credits at the edges of a pasted text: a wire story's opening ("VALDRIA (Meridian Wire) - …")
 * and sign-off ("Reporting by …; Editing by …", "— AP"), a closing note on the writer ("… is the
 * editor of …"), and the credit lines that close Chinese and Japanese articles ("作者︱…",
 * "[责任编辑:…]"). They name authors and agencies; none of them is article text.
 */
import type { CalendarDate } from '../../lib/dates.ts';
import { namesInByline } from '../bylineNames.ts';
import { findDateInText, type TextDateOptions } from '../newsDates.ts';
import {
  isHeaderFurniture,
  isPersonName,
  readAuthorNote,
  readByline,
  readNamesLine,
  wordCount,
} from './rawTextLines.ts';
import { blockOf, type TextBlock } from './textBlocks.ts';

/** What the edges of a text credit. */
export interface TextCredits {
  /** Writers the sign-off or a closing note names. */
  authors: string[];
  /** The agency of a wire opening or sign-off, which writes in a byline's place when there is none. */
  agency?: string;
  /** The outlet a closing note names ("… is the editor of Silicon Republic"). */
  outlet?: string;
}

/** "VALDRIA, April 14, 2021 (Meridian Wire) - …", "(Meridian Wire) — …": a wire opening, its date and agency. */
const WIRE_OPENING =
  /^(?:(\p{Lu}[\p{L}.'’ /-]{1,40}?)(?:,\s+(.{5,40}?))?\s*)?\((\p{Lu}[\p{L}.&' -]{0,40})\)\s*[-–—:]+\s+(?=\S)/u;
/** "VALDRIA, April 14, 2021 - …": a dateline with a date and no agency, which stays in the text. */
const DATELINE = /^(?:\p{Lu}[\p{L}.'’ -]{1,40}?),\s+(.{5,40}?)\s*[-–—:]\s+\S/u;

/** Words an agency's name has at most ("Meridian Wire", "AFP"). */
const LONGEST_AGENCY = 4;

export interface WireOpening {
  day?: CalendarDate;
  agency?: string;
  /** The first block without the opening, when it named an agency. */
  block: TextBlock;
}

/**
 * The opening of the first paragraph when it is a wire dateline: the agency's credit and the
 * place go, the date is read; a dateline without an agency stays, as the writer's own.
 */
export function readWireOpening(block: TextBlock, dates: TextDateOptions): WireOpening | undefined {
  const wire = WIRE_OPENING.exec(block.text);
  if (wire && wordCount(wire[3]!) <= LONGEST_AGENCY) {
    const date = wire[2] ? findDateInText(wire[2], dates) : undefined;
    if (wire[2] && !date) return undefined;
    const text = block.text.slice(wire[0].length);
    return { ...(date && { day: date.day }), agency: wire[3]!.trim(), block: blockOf([text], block.line) };
  }
  const dateline = DATELINE.exec(block.text);
  const date = dateline && findDateInText(dateline[1]!, dates);
  // The words between the place and the dash are the date and nothing else.
  if (!date || /\p{L}/u.test(dateline[1]!.replace(date.text, ''))) return undefined;
  return { day: date.day, block };
}

/** Where a wire sign-off starts: alone, or after the last sentence ("… on Monday. (Reporting by …)"). */
const SIGN_OFF_START =
  /(?:^|(?<=[.!?"”’)])\s+)\(?\s*(?=(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|research)\s+by\s)/giu;
/** One credit of a sign-off: "Reporting by A and B in Valdria", "Editing by C". */
const SIGN_OFF_PART =
  /^(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|research|fact-checking|graphics|photos?)\s+by\s+\S/iu;
/** The parts of a sign-off that name writers rather than editors. */
const WRITING_CREDIT = /^(?:reporting|writing|written)\s+by\s+(.+)$/i;
/** Words one credit of a sign-off has at most. */
const LONGEST_CREDIT = 15;

/**
 * "Reporting by A in Valdria; Additional reporting by B; Editing by C", alone or closing the last
 * paragraph: the writers it names (not the editors) and the text before it.
 */
function readSignOff(text: string): { authors: string[]; rest: string } | undefined {
  const start = [...text.matchAll(SIGN_OFF_START)].at(-1)?.index;
  if (start === undefined) return undefined;
  const parts = text
    .slice(start)
    .trim()
    .replace(/^\(\s*|\s*\)$/g, '')
    .replace(/[.]$/, '')
    .split(/\s*;\s*/);
  if (!parts.every((part) => SIGN_OFF_PART.test(part) && wordCount(part) <= LONGEST_CREDIT)) return undefined;
  const authors = parts
    .flatMap((part) => WRITING_CREDIT.exec(part)?.[1] ?? [])
    .flatMap((names) => namesInByline(names))
    .filter(isPersonName);
  return { authors, rest: text.slice(0, start).trim() };
}

/** "— AP", "-- Meridian Wire", "(AFP)": an agency signing off, alone or after the last sentence. */
const AGENCY_SIGN_OFF =
  /(?:^|(?<=[.!?"”’])\s+)(?:—|--)\s*(\p{Lu}[\p{L}.&'-]*(?:\s+\p{Lu}[\p{L}.&'-]*){0,3})\s*$|^\((\p{Lu}[\p{L}.&'-]*(?:\s+\p{Lu}[\p{L}.&'-]*){0,3})\)$/u;

function readAgencySignOff(text: string): { agency: string; rest: string } | undefined {
  const match = AGENCY_SIGN_OFF.exec(text);
  const agency = (match?.[1] ?? match?.[2])?.trim();
  if (!match || !agency) return undefined;
  return { agency, rest: text.slice(0, match.index).trim() };
}

/** "This article originally appeared on …", "A version of this article appears in print …": where else it ran. */
const REPUBLISHED =
  /^(?:a version of )?this (?:article|story|piece|post) (?:(?:was )?(?:originally|first) )?(?:appeared|appears|ran|runs|was (?:re)?published|was reprinted|is republished)\b/i;
/** The heading of a note on the writer. */
const ABOUT_THE_WRITER =
  /^(?:about the (?:authors?|writers?|reporters?)|über (?:den|die) autor(?:in)?|à propos de l'auteur|sobre el autor|关于作者|作者简介)$/iu;

/** A closing line without its brackets: "[责任编辑:肖春芳]" is "责任编辑:肖春芳". */
const unbracketed = (text: string) => text.replace(/^[[【(（]\s*|\s*[\]】)）]$/gu, '');

/** Words a biography of a writer the byline names has at most. */
const LONGEST_BIOGRAPHY = 80;
/** How many credit blocks may close a text ("出品…", "作者…", "[责任编辑…]"). */
const CLOSING_BLOCKS = 4;

/**
 * Reads the credits closing a text and takes them off it: a sign-off, an agency's, a byline or
 * an author's label, an editor's line, a note on the writer. Returns the article without them.
 */
export function readClosingCredits(
  article: readonly TextBlock[],
  bylined: readonly string[],
): { article: TextBlock[]; credits: TextCredits } {
  const blocks = [...article];
  const credits: TextCredits = { authors: [] };
  const known = () => new Set([...bylined, ...credits.authors].map((name) => name.toLocaleLowerCase()));
  // Notes on where the article appeared stay, as the outlet's words; the credits above them are read.
  const kept: TextBlock[] = [];
  for (let read = 0; read < CLOSING_BLOCKS && blocks.length > 1; read += 1) {
    const last = blocks.at(-1)!;
    const text = last.text;
    if (REPUBLISHED.test(text)) {
      kept.unshift(blocks.pop()!);
      continue;
    }
    const signOff = readSignOff(text);
    const agency = signOff ? undefined : readAgencySignOff(text);
    const rest = signOff?.rest ?? agency?.rest;
    if (signOff || agency) {
      // A sign-off after the last sentence leaves that paragraph in the text.
      credits.authors.unshift(...(signOff?.authors ?? []));
      if (agency) credits.agency ??= agency.agency;
      blocks.pop();
      if (rest) blocks.push(blockOf([rest], last.line));
      continue;
    }
    if (wordCount(text) > LONGEST_BIOGRAPHY) break;
    // "About the author", and the name above a biography, go with it.
    const names = readNamesLine(text);
    if (
      isHeaderFurniture(unbracketed(text)) ||
      ABOUT_THE_WRITER.test(text) ||
      names?.every((name) => known().has(name.toLocaleLowerCase()))
    ) {
      blocks.pop();
      continue;
    }
    const byline = readByline(unbracketed(text));
    // A biography of the writer the byline names may run on: prizes, books, earlier posts.
    const onWriter = [...known()].some((name) => text.toLocaleLowerCase().startsWith(`${name} `));
    const note = byline ? undefined : readAuthorNote(text, onWriter ? LONGEST_BIOGRAPHY : undefined);
    if (!byline && !note) break;
    credits.authors.unshift(...(byline ?? note!.authors));
    if (note?.outlet) credits.outlet ??= note.outlet;
    blocks.pop();
  }
  return { article: [...blocks, ...kept], credits };
}
