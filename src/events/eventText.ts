/**
 * The words of a proposed event: the statement a dated sentence makes, without the words that
 * date it (the timeline shows the date beside it, and "last month" means nothing there).
 */

/** Where a dating phrase sits in its sentence. */
export interface TextSpan {
  index: number;
  length: number;
}

/** A wire or press-release dateline: "BERLIN, March 19 (Reuters) - ", "LISBON, 20 February 2019 — ". */
const DATELINE = /^[A-Z][A-Z.'’ -]*[A-Z.](?:,[^()—–]*?)?(?:\s*\([^)]*\))?\s+[—–-]{1,2}\s+/u;

/** How long the dateline opening a sentence is; 0 when there is none. */
export function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0;
}

/** Words that tie a sentence to the one before it and mean nothing on their own. */
const CONNECTIVE =
  /^(?:and|but|so|yet|however|meanwhile|now|still|then|also|in fact|indeed|regardless|moreover|furthermore|in addition|instead)\b,?\s+/i;

/** Where the sentence splits into statements that a reader could take one at a time. */
function clauseBreaks(sentence: string, splitCoordinated: boolean): number[] {
  const pattern = splitCoordinated ? /;\s+|,\s+(?=(?:and|but|while|whereas)\s)/g : /;\s+/g;
  return [...sentence.matchAll(pattern)].map((match) => match.index + match[0].length);
}

/** The clause of a sentence holding a position: the statement a date belongs to. */
export function clauseAround(
  sentence: string,
  position: number,
  splitCoordinated: boolean,
): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const next of clauseBreaks(sentence, splitCoordinated)) {
    if (next <= position) start = next;
    else {
      end = next;
      break;
    }
  }
  return { start, end };
}

function tidy(text: string): string {
  let tidied = text
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:—–、，-]+/u, '')
    .replace(/[\s,;:—–、，-]+$/u, '');
  while (CONNECTIVE.test(tidied)) tidied = tidied.replace(CONNECTIVE, '');
  tidied = tidied.charAt(0).toUpperCase() + tidied.slice(1);
  if (/[。！？」]$/u.test(tidied)) return tidied;
  // Japanese and Chinese end a statement with "。", and a clause cut at a "，" takes one.
  if (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(tidied)) return `${tidied}。`;
  return /[.!?…"”’)»“]$/.test(tidied) ? tidied : `${tidied}.`;
}

/**
 * Proposes an event's text from its sentence: the clause holding the first dating phrase, with
 * every phrase of this date removed. `others` are phrases in the sentence dating something else;
 * when there are any, clauses joined by ", and" are taken apart too.
 */
export function proposeEventText(sentence: string, phrases: readonly TextSpan[], others: readonly TextSpan[]): string {
  const { start, end } = clauseAround(sentence, phrases[0]!.index, others.length > 0);
  let clause = sentence.slice(start, end);
  const inside = phrases.filter(({ index }) => index >= start && index < end).sort((a, b) => b.index - a.index);
  for (const { index, length } of inside) {
    const before = clause.slice(0, index - start);
    const after = clause.slice(index - start + length);
    // A phrase set off by commas takes both with it: "The auction, in 2015, ran" → "The auction ran".
    clause =
      /,\s*$/.test(before) && /^\s*,/.test(after)
        ? before.replace(/,\s*$/, ' ') + after.replace(/^\s*,\s*/, '')
        : before + after;
  }
  if (start === 0) clause = clause.slice(datelineLength(clause));
  return tidy(clause);
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}

/**
 * Whether two event texts say the same thing in nearly the same words, so that an editor's small
 * touch-up does not make a re-run add the event again. Compares the words each uses (Dice).
 */
export function isNearIdenticalText(a: string, b: string): boolean {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return left.size === right.size;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size) >= 0.8;
}
