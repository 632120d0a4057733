import { namesInByline } from '../bylineNames.ts';
import { looksLikeName } from './personNames.ts';

/**
 * The authors of a page: the byline its header shows, which is what an editor records, in the
 * form the page's metadata states each name in ("Ann (Marie) Example", "Jeffrey Gettleman" for a
 * header's "JEFFREY GETTLEMAN"); the metadata's names where the header shows none; a credit line
 * in the text ("Author: Ann Example") where neither does. Names the page labels as its editors
 * are not authors.
 */
export interface AuthorClues {
  /** The JSON-LD article's authors, each as stated. */
  structured: readonly string[];
  /** The bylines of `<meta name="author">` and kin, as written. */
  metaBylines: readonly string[];
  /** The microdata authors of the article. */
  microdata: readonly string[];
  /** The byline the header shows with the headline, and other bylines it shows. */
  header: { authors: readonly string[]; otherBylines: readonly (readonly string[])[] };
  /** A credit line in the article text ("Author: Ann Example"). */
  credit: readonly string[];
  /** The page's text, where editors are named ("Editor: …"). */
  pageText: string;
  outlet?: string | undefined;
}

export interface PageAuthors {
  authors: string[];
  /** Bylines the page shows that its metadata does not choose between, when there are several. */
  ambiguous?: string[][] | undefined;
}

/** Labels that name an editor, not a writer: "Editor: X", "Edited by X", "责任编辑：X", "Redaktion: X". */
const EDITOR_LABEL =
  '(?:(?:responsible |managing |desk |copy )?editor|edited by|责任编辑|编辑|編集|redakteur(?:in)?|redaktion|rédacteur|rédactrice|éditeur|édité par|redactor|redactora|editado por)';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isNamedEditor(name: string, pageText: string): boolean {
  return new RegExp(`${EDITOR_LABEL}\\s*[:：︱|]?\\s*${escape(name)}`, 'iu').test(pageText);
}

/** A name as compared: case, accents, punctuation and what is in brackets set aside. */
export function nameKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const sameSet = (first: readonly string[], second: readonly string[]) =>
  first.length === second.length && first.every((name) => second.some((other) => nameKey(other) === nameKey(name)));
const includesAll = (whole: readonly string[], part: readonly string[]) =>
  part.every((name) => whole.some((other) => nameKey(other) === nameKey(name)));

/** Names from bylines as written ("By A and B, Staff Writers"), one per person. */
function namesOf(bylines: readonly string[]): string[] {
  return bylines.flatMap(namesInByline).filter(looksLikeName);
}

export function authorsOfPage(clues: AuthorClues): PageAuthors {
  const keep = (names: readonly string[]) =>
    [...new Set(names)].filter(
      (name) =>
        !isNamedEditor(name, clues.pageText) && nameKey(name) !== nameKey(clues.outlet ?? '') && nameKey(name) !== '',
    );
  // JSON-LD names one person per entry: a name is recorded as stated, brackets and all.
  const structured = keep(clues.structured.flatMap((name) => (looksLikeName(name) ? [name] : namesOf([name]))));
  const metadata = [structured, keep(namesOf(clues.metaBylines)), keep(namesOf(clues.microdata))].find(
    (names) => names.length > 0,
  );
  const shown = keep(clues.header.authors);
  if (shown.length === 0) return { authors: metadata ?? keep(clues.credit) };
  const others = clues.header.otherBylines.map((byline) => keep(byline)).filter((byline) => byline.length > 0);
  if (!metadata) return others.length > 0 ? { authors: [], ambiguous: [shown, ...others] } : { authors: shown };
  // The metadata names everyone the header shows, and perhaps those it folds away ("and two others").
  if (includesAll(metadata, shown)) return { authors: metadata };
  const chosen = others.find((byline) => sameSet(byline, metadata));
  if (chosen) return { authors: metadata };
  if (others.length > 0) return { authors: [], ambiguous: [shown, ...others] };
  // The header shows more people than the metadata names, or others: the header is what readers see.
  return { authors: shown.map((name) => metadata.find((other) => nameKey(other) === nameKey(name)) ?? name) };
}
