/**
 * Names an editor may want to add to the topic's entities: capitalised runs of two words or more
 * ("Mike Pompeo", "Bank of England") found in several articles but not yet in the topic file.
 * Only ever suggested, never added: a capitalised run is as often a headline's words as a name.
 */
import { findMentions, sentenceAround, type MentionMatcher } from './mentionMatcher.ts';

/** Capitalised words on one line, joined by spaces or by a lower-case particle ("Bank of England", "Ursula von der Leyen"). */
const CAPITALISED_RUN =
  /\p{Lu}[\p{L}\p{M}\p{N}'’.-]*(?:[ \t\u00a0]+(?:(?:of|de|du|des|der|den|van|von|la|le|del|di|da|bin|al)[ \t\u00a0]+)*\p{Lu}[\p{L}\p{M}\p{N}'’.-]*)+/gu;

/**
 * Words that start a sentence or a title rather than a name ("The", "After", "Deputy"), left off a
 * run's start. English only: in other languages the editor reads past a few more false starts.
 */
const LEADING_WORDS = new Set(
  'a an and as at but by for from if in it its on or over since that the these this those under when while with after before during deputy chief president chairman minister secretary prime mr mrs ms dr'.split(
    ' ',
  ),
);

/** A word that ends a sentence ("Europe." but not the initial of "U.S."): a name does not run past it. */
const SENTENCE_END = /\p{L}{2,}[.!?]$/u;

/** The names in a text, each with where it starts. */
export function capitalisedNames(text: string): { name: string; index: number }[] {
  const names: { name: string; index: number }[] = [];
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    let words: { word: string; index: number }[] = [];
    const take = () => {
      while (words.length > 0 && LEADING_WORDS.has(words[0]!.word.toLowerCase())) words.shift();
      // A possessive or a sentence's full stop is not part of the name; an initial's stop ("U.S.") is.
      const last = words
        .at(-1)
        ?.word.replace(/['’]s$/u, '')
        .replace(/(\p{L}{2,})[.!?]$/u, '$1');
      if (words.length >= 2 && last)
        names.push({ name: [...words.slice(0, -1).map(({ word }) => word), last].join(' '), index: words[0]!.index });
      words = [];
    };
    for (const word of match[0].matchAll(/\S+/g)) {
      words.push({ word: word[0], index: match.index + word.index });
      if (SENTENCE_END.test(word[0])) take();
    }
    take();
  }
  return names;
}

/** Enough of a long sentence around `index` to show how a name is used. */
function excerptAround(sentence: string, name: string, width = 90): string {
  const at = Math.max(0, sentence.indexOf(name));
  if (sentence.length <= width * 2) return sentence;
  // Cut at spaces, so no word is broken.
  const start = at - width <= 0 ? 0 : sentence.indexOf(' ', at - width) + 1;
  const end =
    at + name.length + width >= sentence.length ? sentence.length : sentence.lastIndexOf(' ', at + name.length + width);
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? '…' : ''}`;
}

export interface ArticleText {
  /** The article file, for the example. */
  file: string;
  /** Title, summary and text as plain text, a paragraph per line. */
  text: string;
  lang?: string | undefined;
}

export interface SuggestedEntity {
  name: string;
  /** How many articles name it. */
  articles: number;
  /** The sentence of its first mention, and the file it is in. */
  example: { file: string; sentence: string };
}

/**
 * Names in at least `minimum` articles that no entity of the topic already covers (by its name or
 * an alias, anywhere in the run), most widespread first.
 */
export function suggestEntities(
  articles: readonly ArticleText[],
  known: MentionMatcher,
  minimum = 2,
): SuggestedEntity[] {
  const found = new Map<string, SuggestedEntity>();
  for (const { file, text, lang } of articles) {
    const language = lang ?? known.language;
    const seen = new Set<string>();
    for (const { name, index } of capitalisedNames(text)) {
      if (seen.has(name) || findMentions(known, name, language).size > 0) continue;
      seen.add(name);
      const suggestion = found.get(name);
      if (suggestion) suggestion.articles++;
      else
        found.set(name, {
          name,
          articles: 1,
          example: { file, sentence: excerptAround(sentenceAround(text, index, language), name) },
        });
    }
  }
  return [...found.values()]
    .filter((suggestion) => suggestion.articles >= minimum)
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}
