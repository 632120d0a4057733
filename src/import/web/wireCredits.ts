import { parseHTML } from 'linkedom';
import { looksLikeName } from './personNames.ts';

/**
 * The credits a wire story carries in its text, taken out of it: the dateline's agency
 * ("LONDON (Reuters) - …", "PARIS, May 3 (AFP) — …"), the sign-off ("Reporting by A in Paris;
 * Additional reporting by B; Editing by C") and a closing agency credit ("— AP"). Reporters and
 * the agency can stand in for a byline; editors are credits, not authors.
 */
export interface WireCredits {
  /** The article HTML without the credits. */
  html: string;
  /** Who reported and wrote the story, by the sign-off. */
  reporters: string[];
  /** The agency the dateline or the closing credit names. */
  agency?: string | undefined;
  /** The sign-off's other credits, as written ("Editing by C"), for the editor. */
  credits: string[];
}

/** A dateline: a place in capitals, perhaps a date, the agency in brackets, then a dash. */
const DATELINE =
  /^\s*((?:\p{Lu}[\p{Lu}\p{M}'’.-]*)(?:[ -]\p{Lu}[\p{Lu}\p{M}'’.-]*)*(?:,\s*[\p{L}\d .]{2,30}?)?)\s*\(([^()]{2,30})\)\s*[-–—]+\s*/u;
/** A dateline without an agency: a place in capitals and a dash ("LONDON —"). */
const PLACE_DATELINE = /^\s*(?:\p{Lu}[\p{Lu}\p{M}'’.-]+)(?:[ -]\p{Lu}[\p{Lu}\p{M}'’.-]+)*\s*[-–—]+\s+(?=\p{Lu})/u;
/** One clause of a sign-off: "Reporting by A and B in Paris", "Editing by C". */
const SIGN_OFF_CLAUSE =
  /^\(?\s*((?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|produced|research|graphics|fact-checking)(?:\s+and\s+(?:reporting|writing|editing))?)\s+by\s+(.+?)\)?\.?$/iu;
/** Sign-off clauses whose names wrote the story. */
const WRITING = /^(?:additional\s+)?(?:reporting|writing|written|compiled)/i;
/** A closing agency credit: a dash and a name of at most four words ("— AP", "– Example Wire"). */
const CLOSING_CREDIT = /^\s*[-–—]\s*(\p{Lu}[\p{L}&.]*(?:\s\p{Lu}[\p{L}&.]*){0,3})\s*$/u;
/** The same at the end of the last paragraph, for an agency written in capitals only ("… on Friday. — AP"). */
const TRAILING_AGENCY = /\s[–—]\s*(\p{Lu}{2,6})\s*$/u;

/** Names in a sign-off clause, without where they were ("A and B in Paris"). */
function clauseNames(names: string): string[] {
  return names
    .split(/\s*(?:,|\band\b|&)\s*/u)
    .map((name) => name.replace(/\s+(?:in|at|from)\s+\p{Lu}.*$/u, '').trim())
    .filter((name) => /^\p{Lu}/u.test(name) && name.split(' ').length <= 5);
}

function leafBlocks(body: Element): Element[] {
  return [...body.querySelectorAll('p, div, li')].filter(
    (element) => !element.querySelector('p, div, li') && (element.textContent ?? '').trim() !== '',
  );
}

/** The sign-off a paragraph is, clause by clause; undefined when any clause is not one. */
function signOff(text: string): Array<{ role: string; names: string[]; text: string }> | undefined {
  const clauses = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\(|\)$/g, '')
    .split(/\s*;\s*/);
  const parsed = clauses.map((clause) => {
    const match = SIGN_OFF_CLAUSE.exec(clause);
    return match ? { role: match[1]!, names: clauseNames(match[2]!), text: clause } : undefined;
  });
  return parsed.every((clause) => clause !== undefined && clause.names.length > 0)
    ? (parsed as Array<{ role: string; names: string[]; text: string }>)
    : undefined;
}

/** Replaces the start of a block's text, leaving its markup (links, emphasis) as it was. */
function removeLeadingText(block: Element, length: number): void {
  let left = length;
  const walk = (node: Node): void => {
    for (const child of [...node.childNodes]) {
      if (left <= 0) return;
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        const cut = Math.min(left, text.length);
        child.textContent = text.slice(cut);
        left -= cut;
      } else walk(child);
    }
  };
  walk(block);
}

export function takeWireCredits(html: string): WireCredits {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = leafBlocks(document.body);
  const reporters: string[] = [];
  const credits: string[] = [];
  let agency: string | undefined;

  const first = blocks[0];
  if (first) {
    const text = first.textContent ?? '';
    const dateline = DATELINE.exec(text);
    if (dateline && looksLikeName(dateline[2]!.trim())) {
      agency = dateline[2]!.trim();
      removeLeadingText(first, dateline[0].length);
    } else {
      const place = PLACE_DATELINE.exec(text);
      if (place) removeLeadingText(first, place[0].length);
    }
  }

  // The credits close the story: the last few paragraphs, from the end.
  for (const block of blocks.slice(-3).reverse()) {
    const text = (block.textContent ?? '').trim();
    const clauses = signOff(text);
    if (clauses) {
      for (const clause of clauses) {
        if (WRITING.test(clause.role))
          reporters.push(...clause.names.filter((name) => looksLikeName(name) && !reporters.includes(name)));
        else credits.push(clause.text);
      }
      block.remove();
      continue;
    }
    const closing = CLOSING_CREDIT.exec(text);
    if (closing) {
      agency ??= closing[1];
      block.remove();
      continue;
    }
    break;
  }
  const last = leafBlocks(document.body).at(-1);
  const trailing = last && TRAILING_AGENCY.exec(last.textContent ?? '');
  if (last && trailing) {
    agency ??= trailing[1];
    for (const node of [...last.childNodes].reverse()) {
      if (node.nodeType !== 3) continue;
      node.textContent = (node.textContent ?? '').replace(TRAILING_AGENCY, '');
      break;
    }
  }
  return { html: document.body.innerHTML, reporters, agency, credits };
}
