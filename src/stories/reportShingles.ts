/**
 * The w-shingles of a report's text, as 32-bit hashes: what "the same text" is measured on. Words are Unicode
 * letters and digits with case and accents folded (the fold of `foldCaseAndAccents`), so "Zürich" and "ZURICH"
 * are one word in every language; scripts written without spaces between words (Chinese, Japanese, Thai…) are
 * read a character at a time, a character weighing half a word, so a shingle spans about as much text in
 * every language.
 */
import { foldCaseAndAccents } from '../lib/slugs.ts';

/**
 * How much text a shingle spans, in half-words: five words, ten characters of an unspaced script. Five words
 * are the usual width for near-duplicate news text: long enough that two reports written apart rarely share
 * one beyond names and short quotes, short enough that an edited sentence still keeps most of its shingles.
 */
export const SHINGLE_WEIGHT = 10;

const UNSPACED = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}`;
/** One character of an unspaced script (the first group), or a run of letters and digits of any other script. */
const TOKEN = new RegExp(String.raw`([${UNSPACED}])|[[\p{L}\p{N}]--[${UNSPACED}]]+`, 'gv');

/** MurmurHash3's finalizer: a bijection of 32-bit integers that mixes every input bit into every output bit. */
export function mix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a over UTF-16 code units: a token's hash, the same on every machine. */
function tokenHash(token: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** A text's tokens with their weights in half-words: 2 for a word, 1 for a character of an unspaced script. */
export function reportTokens(text: string): { hashes: number[]; weights: number[] } {
  const hashes: number[] = [];
  const weights: number[] = [];
  for (const [token, unspaced] of foldCaseAndAccents(text).matchAll(TOKEN)) {
    hashes.push(tokenHash(token));
    weights.push(unspaced === undefined ? 2 : 1);
  }
  return { hashes, weights };
}

/**
 * The distinct shingles of a text, sorted: each run of tokens that starts at a token and weighs at least
 * `SHINGLE_WEIGHT`. A text lighter than one shingle is one shingle of all its tokens; an empty text has none.
 */
export function reportShingles(text: string): Uint32Array {
  const { hashes, weights } = reportTokens(text);
  const shingles: number[] = [];
  let end = 0;
  let weight = 0;
  for (let start = 0; start < hashes.length; start++) {
    while (end < hashes.length && weight < SHINGLE_WEIGHT) weight += weights[end++]!;
    if (weight < SHINGLE_WEIGHT && start > 0) break;
    let hash = 0x9747b28c;
    for (let index = start; index < end; index++) hash = mix32(hash ^ hashes[index]!);
    shingles.push(hash);
    weight -= weights[start]!;
  }
  const sorted = Uint32Array.from(shingles).sort();
  let distinct = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[distinct++] = sorted[index]!;
  }
  return sorted.slice(0, distinct);
}
