import { languageTag } from '../../i18n/languageTags.ts';

/**
 * The language a page declares: `<html lang>` (or `xml:lang`), `<meta http-equiv="content-language">`,
 * `og:locale`; where it declares none, the one its script tells without doubt: Chinese, Japanese
 * or Korean. A page in Latin or Cyrillic letters that declares nothing is left undeclared rather
 * than guessed.
 */
export function declaredLanguage(document: Document): string | undefined {
  const root = document.documentElement;
  const declared = [
    root?.getAttribute('lang'),
    root?.getAttribute('xml:lang'),
    document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0],
    document.querySelector('meta[property="og:locale" i], meta[name="og:locale" i]')?.getAttribute('content'),
  ];
  for (const value of declared) {
    const tag = languageTag(value ?? undefined);
    if (tag) return tag;
  }
  return undefined;
}

/** The share of a text's letters a script must have for the text to be in it. */
const SCRIPT_SHARE = 0.3;
/** Japanese mixes kana into its Chinese characters; Chinese has none. */
const KANA_SHARE_OF_JAPANESE = 0.05;

const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** "zh", "ja" or "ko" for a text written in that language's script; undefined for any other. */
export function languageOfScript(text: string): string | undefined {
  const letters = countOf(text, /\p{L}/gu);
  if (letters === 0) return undefined;
  const han = countOf(text, /\p{Script=Han}/gu);
  const kana = countOf(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = countOf(text, /\p{Script=Hangul}/gu);
  if (hangul / letters >= SCRIPT_SHARE) return 'ko';
  if ((han + kana) / letters < SCRIPT_SHARE) return undefined;
  return kana / (han + kana) >= KANA_SHARE_OF_JAPANESE ? 'ja' : 'zh';
}
