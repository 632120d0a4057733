/**
 * The language a pasted text is written in, from its script and its commonest words. A pasted
 * text declares nothing, and the topic's language is the editor's, not the outlet's: a German
 * article pasted into an English digest writes `08.04.2015` day first. Function words tell the
 * languages whose dates are read apart well enough for that; a text too short to tell gives none.
 */

/** The commonest short words of each language, the ones its neighbours do not share. */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to is that was for with it are this have from said which were has not but',
  de: 'der die das und ist nicht mit den dem ein eine auch sich auf für von zu im wird werden sind dass bei wie aus nach noch',
  // "l’", "d’", "qu’": French elides before a vowel, and the letters count as words.
  fr: 'le la les des et est une du que qui dans pour pas sur au avec il elle été ce aux ont plus par ses leur l d qu à mais sont',
  es: 'el los las y que en una es por con para del se al su como más lo pero fue ha son sus este',
  pt: 'o os e que em um uma é do da dos das para com não no na por ao foi mais seu sua como',
  nl: 'de het een en van is dat op te met voor niet zijn er aan ook als bij wordt door naar maar om heeft',
  it: 'il gli di e che è un una per non con del della dei sono si da al nel anche ha più questo',
};

const WORD_SETS = Object.entries(FUNCTION_WORDS).map(
  ([language, words]) => [language, new Set(words.split(' '))] as const,
);

/** Below this many function words, a text is too short to tell. */
const FEWEST_WORDS = 8;
/** The best language must count this many times the runner-up's function words. */
const MARGIN = 1.5;

/** The languages written in their own script, by the share of letters in it. */
function languageOfScript(text: string): string | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return undefined;
  const share = (pattern: RegExp) => (text.match(pattern)?.length ?? 0) / letters;
  if (share(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 0.05) return 'ja';
  if (share(/\p{Script=Hangul}/gu) > 0.3) return 'ko';
  if (share(/\p{Script=Han}/gu) > 0.3) return 'zh';
  if (share(/\p{Script=Cyrillic}/gu) > 0.5) return /[іїєґ]/iu.test(text) ? 'uk' : 'ru';
  return undefined;
}

/**
 * The language of a text as a bare BCP 47 tag (`de`, `fr`, `zh`), or undefined when its words do
 * not show one clearly.
 */
export function languageOfText(text: string): string | undefined {
  const script = languageOfScript(text);
  if (script) return script;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = WORD_SETS.map(([language, set]) => ({
    language,
    count: words.reduce((sum, word) => sum + (set.has(word) ? 1 : 0), 0),
  })).sort((a, b) => b.count - a.count);
  const [best, second] = counts;
  if (!best || best.count < FEWEST_WORDS || best.count < MARGIN * (second?.count ?? 0)) return undefined;
  return best.language;
}

/** Whether two language tags name the same language, whatever their regions ("en" and "en-GB"). */
export function sameLanguage(a: string | undefined, b: string | undefined): boolean {
  const primary = (tag: string | undefined) => tag?.split(/[-_]/)[0]?.toLowerCase();
  return primary(a) === primary(b);
}
