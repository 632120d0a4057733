/**
 * MinHash signatures and their LSH bands: how candidate pairs are found without comparing every pair. Two
 * texts share a band's key when they agree on all of the band's rows, which happens with probability J^ROWS
 * for texts of Jaccard similarity J; a pair is a candidate when it shares at least one of BANDS bands.
 */
import { mix32 } from './reportShingles.ts';

/**
 * 64 bands of 2 rows: a pair is a candidate with probability 1 − (1 − J²)^64, which is 0.93 at J = 0.2,
 * 0.998 at J = 0.3 and 0.006 at J = 0.01. Low for banding, on purpose: a report trimmed to its first
 * paragraphs, or one with a long intro added, is the same report at a Jaccard similarity of 0.2 or 0.3
 * (containment, checked on every candidate, is what decides), while unrelated articles share almost no
 * five-word shingles.
 */
export const BANDS = 64;
export const ROWS = 2;

/**
 * The hash functions, fixed so signatures are the same on every run: `a·x + b` modulo 2^32 with `a` odd, a
 * permutation of 32-bit integers. Shingles are already well-mixed hashes, so these cheap permutations do as
 * well as mixing each one anew (`mix32` per shingle and function), at half the cost: 0.04 ms against 0.08 ms
 * for a 480-shingle text, measured.
 */
const MULTIPLIERS = Uint32Array.from(
  { length: BANDS * ROWS },
  (_, index) => mix32(0x5bd1e995 ^ mix32(2 * index + 1)) | 1,
);
const OFFSETS = Uint32Array.from({ length: BANDS * ROWS }, (_, index) => mix32(0x1b873593 ^ mix32(2 * index + 2)));

/**
 * The signature of a set of shingles: for each hash function, the smallest hash of a shingle. An empty set gets
 * all 0xffffffff, which no band of a real text matches.
 */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(MULTIPLIERS.length);
  for (let index = 0; index < MULTIPLIERS.length; index++) {
    const multiplier = MULTIPLIERS[index]!;
    const offset = OFFSETS[index]!;
    let smallest = 0xffffffff;
    for (let position = 0; position < shingles.length; position++) {
      const hash = (Math.imul(multiplier, shingles[position]!) + offset) >>> 0;
      if (hash < smallest) smallest = hash;
    }
    signature[index] = smallest;
  }
  return signature;
}

/** One key per band: its rows' values hashed together (a 32-bit key; bands are kept apart by their position). */
export function bandKeys(signature: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let key = 0x27d4eb2f;
    for (let row = 0; row < ROWS; row++) key = mix32(key ^ signature[band * ROWS + row]!);
    keys[band] = key;
  }
  return keys;
}
