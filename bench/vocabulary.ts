import { seededRandom, type Random } from './random.ts';

/**
 * The words synthetic articles are written with. English function words and news words come
 * first (they are the most frequent in real text); thousands of pronounceable invented words
 * follow, so the search index sees a vocabulary as large and as skewed as a real digest's.
 * Everything is generated from the seed: the benchmark needs no word list or network.
 */
const FUNCTION_WORDS = `the of and to a in that is for on it with as was said he be by at from his an have has are
not this but they which were its been had their who would will more or one after about also new two
than when there all her we up other out into over year only could some first most can last time them
she what years no so if people while may because before did being against under such between three
those during since where many both these through then just even still our now made any much well back
down off each few how however including later like make must next same should very where whether without`.split(/\s+/);

const NEWS_WORDS = `government minister company market report security network officials president country deal
policy plans million billion percent economy trade talks agreement election parliament committee court
ruling investigation spokesman statement announced warned expected according chief executive director
agency regulators industry investors shares prices growth rates bank central union european national
international public private sector services data technology systems infrastructure operators equipment
contract contracts supply chain risk risks concerns pressure decision decisions support opposition leaders
analysts experts sources documents evidence allegations charges officials critics lawmakers senators
ministers ambassador embassy capital city region border military defence cyber digital mobile wireless
spectrum auction license licence standards testing centre center transparency review audit budget funding
investment investments jobs workers factory production exports imports tariffs sanctions ban restrictions
rules law laws bill vote votes campaign group groups members partners partnership alliance summit meeting
conference week month quarter today yesterday tomorrow morning evening interview press release questions
answers response reaction impact future plan strategy programme program project projects research
development innovation products customers consumers users devices phones smartphones chips software
hardware cloud services internet platform platforms launch launched deployment rollout coverage speed`.split(/\s+/);

const SYLLABLE_ONSETS = [
  'b',
  'br',
  'c',
  'cr',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'pr',
  'r',
  's',
  'sh',
  'st',
  't',
  'th',
  'tr',
  'v',
  'w',
  'z',
  '',
];
const SYLLABLE_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const SYLLABLE_CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rt', 'ck', 'ng'];
const SUFFIXES = ['', '', '', '', 'tion', 'ment', 'ing', 'ed', 'er', 'al', 'ity', 'ous', 'ive', 'ism', 's', 'ly'];

function inventedWord(random: Random): string {
  const syllables = random.chance(0.4) ? 1 : random.chance(0.75) ? 2 : 3;
  let word = '';
  for (let i = 0; i < syllables; i++)
    word += random.pick(SYLLABLE_ONSETS) + random.pick(SYLLABLE_VOWELS) + random.pick(SYLLABLE_CODAS);
  return word + random.pick(SUFFIXES);
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Words in rank order, most frequent first: `size` distinct lowercase words. */
export function buildVocabulary(seed: number, size = 8000): string[] {
  const random = seededRandom(seed ^ 0x5eed);
  const words = new Set<string>([...FUNCTION_WORDS, ...NEWS_WORDS]);
  const invented = new Set<string>();
  while (words.size + invented.size < size) {
    const word = inventedWord(random);
    if (word.length > 2 && !words.has(word)) invented.add(word);
  }
  const functionWords = new Set(FUNCTION_WORDS);
  const contentWords = [...words, ...invented].filter((word) => !functionWords.has(word));
  return [...functionWords, ...shuffled(contentWords, random)];
}

/** Capitalizes a word for a headline, a name or the start of a sentence. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
