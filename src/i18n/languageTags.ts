/** A primary language of two or three lowercase letters, then subtags: `en`, `pt-BR`, `zh-Hans`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Whether `text` is a language tag as written, with no correction. @see https://www.rfc-editor.org/info/bcp47 */
export function isLanguageTag(text: string): boolean {
  return LANGUAGE_TAG.test(text);
}

/**
 * A language as feeds and pages write it, as a language tag: `en-US` from RSS's `en-us`, `pt-BR`
 * from `pt_BR`, `de` from ` DE `; nothing if it is not one.
 */
export function languageTag(lang: string | undefined): string | undefined {
  const [primary = '', ...rest] = (lang ?? '').trim().split(/[-_]/);
  const tag = [primary.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
  return isLanguageTag(tag) ? tag : undefined;
}

/** What a BCP 47 language tag says about writing: which way text runs, and how other formats name it. */
export type TextDirection = 'ltr' | 'rtl';

/** `Intl.Locale`'s text information (Node 24, current browsers), not yet in TypeScript's library. */
interface LocaleWithTextInfo extends Intl.Locale {
  getTextInfo(): { direction: TextDirection };
}

/**
 * `rtl` for Arabic, Hebrew, Persian, Urdu and every other language written right to left,
 * and for a tag naming such a script (`az-Arab`), as CLDR's likely subtags say.
 */
export function textDirection(languageTag: string): TextDirection {
  const locale = new Intl.Locale(languageTag).maximize() as LocaleWithTextInfo;
  return locale.getTextInfo().direction;
}

/** Open Graph's `og:locale`, which wants language and territory: `de` → `de_DE`, `ar` → `ar_EG`, `en-GB` → `en_GB`. */
export function openGraphLocale(languageTag: string): string {
  const { language, region } = new Intl.Locale(languageTag).maximize();
  return region ? `${language}_${region}` : language;
}

/**
 * The `lang` and `dir` a piece of content needs inside a page in `pageLanguage`: none when it
 * is in the page's language, so the markup says only what differs.
 */
export function languageAttributes(
  contentLanguage: string | undefined,
  pageLanguage: string,
): { lang?: string; dir?: TextDirection } {
  if (!contentLanguage || contentLanguage.toLowerCase() === pageLanguage.toLowerCase()) return {};
  const dir = textDirection(contentLanguage);
  return dir === textDirection(pageLanguage) ? { lang: contentLanguage } : { lang: contentLanguage, dir };
}
