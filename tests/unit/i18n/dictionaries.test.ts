/**
 * Every shipped dictionary against the English reference: the same keys, the same placeholders,
 * every plural form its language's rules can select, and no string left in English.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/dictionaries/en.ts';
import type { UiString } from '../../../src/i18n/format.ts';
import { createTranslator, DICTIONARIES } from '../../../src/i18n/translate.ts';

/**
 * Plural forms that may leave out `{count}` because the language writes the number as a word or
 * in the noun itself: Arabic says "مقال واحد" (one article), "مقالان" (two articles), "لا مقالات"
 * (no articles). Every other form keeps every placeholder of the English `other` form.
 */
const FORMS_WITHOUT_COUNT: Record<string, readonly Intl.LDMLPluralRule[]> = {
  ar: ['zero', 'one', 'two'],
};

/**
 * Strings that may read the same as English once placeholders and punctuation are gone, because
 * the language's own word is spelt the same. Compared lower-case, punctuation and spaces as one space.
 * A string of placeholders and punctuation only, such as `{page} · {digest}`, is never a leftover.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': ['rss'],
  de: ['min', 'rss feed', 'json feed', 'winter'],
  fr: ['article', 'articles', 'min', 'organisations', 'page', 'pages', 'photo', 'source', 'sources'],
  es: ['min'],
  pt: ['min'],
  it: ['min'],
  nl: ['min', 'rss feed', 'json feed', 'winter'],
  pl: ['min', 'tag'],
};

/** Placeholders that markup splits a string around one after the other, so their order must stay. */
const SPLIT_IN_ORDER: Partial<Record<keyof typeof en, readonly string[]>> = {
  'listing.range': ['from', 'to'],
  'searchPage.noScript': ['timeline', 'tags', 'articles'],
  'about.collectionText': ['sources', 'feed'],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
const forms = (entry: UiString): [string, string][] =>
  typeof entry === 'string'
    ? [['', entry]]
    : Object.entries(entry).filter((form): form is [string, string] => form[1] !== undefined);
const normalize = (text: string) =>
  text
    .replace(/\{\w+\}/g, ' ')
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
    .trim()
    .toLowerCase();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((item) => b.includes(item));

/** What is wrong with a dictionary, one line per problem; none for a complete one. */
function dictionaryProblems(language: string, dictionary: Record<string, UiString>): string[] {
  const problems: string[] = [];
  const reference: Record<string, UiString> = en;
  for (const key of Object.keys(reference)) if (!(key in dictionary)) problems.push(`${language} ${key}: missing`);
  for (const key of Object.keys(dictionary)) if (!(key in reference)) problems.push(`${language} ${key}: not in en`);

  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const allowed = [...SAME_AS_ENGLISH['*']!, ...(SAME_AS_ENGLISH[language] ?? [])];
  for (const [key, english] of Object.entries(reference)) {
    const entry = dictionary[key];
    if (entry === undefined) continue;
    if (typeof entry !== typeof english) {
      problems.push(`${language} ${key}: ${typeof english === 'string' ? 'a plain string' : 'plural forms'} in en`);
      continue;
    }
    const expected = placeholders(typeof english === 'string' ? english : english.other);
    if (typeof entry !== 'string') {
      for (const category of categories) {
        if (!(category in entry)) problems.push(`${language} ${key}: no "${category}" form`);
      }
      for (const category of Object.keys(entry)) {
        // `one` is always there, for the type, even in a language whose rules never select it.
        if (category !== 'one' && !(categories as string[]).includes(category)) {
          problems.push(`${language} ${key}: a "${category}" form the language never selects`);
        }
      }
    }
    for (const [category, text] of forms(entry)) {
      const form = category ? `${key}.${category}` : key;
      const found = placeholders(text);
      const mayDropCount = FORMS_WITHOUT_COUNT[language]?.includes(category as Intl.LDMLPluralRule) ?? false;
      const wanted = mayDropCount && !found.includes('count') ? expected.filter((name) => name !== 'count') : expected;
      if (!sameSet(found, wanted)) {
        problems.push(`${language} ${form}: placeholders {${found.join('}, {')}} instead of {${wanted.join('}, {')}}`);
      }
      const order = SPLIT_IN_ORDER[key as keyof typeof en];
      if (
        order &&
        order.map((name) => text.indexOf(`{${name}}`)).some((at, index, all) => at < (all[index - 1] ?? -1))
      ) {
        problems.push(`${language} ${form}: {${order.join('} before {')}}, as the markup splits it`);
      }
      if (language !== 'en') {
        const words = normalize(text);
        const englishWords = forms(english).map(([, englishText]) => normalize(englishText));
        if (words !== '' && englishWords.includes(words) && !allowed.includes(words)) {
          problems.push(`${language} ${form}: left in English ("${text}")`);
        }
      }
    }
  }
  return problems;
}

const shipped = Object.entries(DICTIONARIES);

describe('the shipped dictionaries', () => {
  it('are the reference and ten translations', () => {
    expect(Object.keys(DICTIONARIES).sort()).toEqual(
      ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'zh-Hans'].sort(),
    );
  });

  it.each(shipped)('%s is complete, keeps the placeholders and leaves nothing in English', (language, dictionary) => {
    expect(dictionaryProblems(language, dictionary)).toEqual([]);
  });

  it('allow only English look-alikes some dictionary has', () => {
    const unused = Object.entries(SAME_AS_ENGLISH).flatMap(([language, words]) =>
      words
        .filter((word) =>
          shipped.every(
            ([shippedLanguage, dictionary]) =>
              (language !== '*' && shippedLanguage !== language) ||
              shippedLanguage === 'en' ||
              !Object.values(dictionary).some((entry) => forms(entry).some(([, text]) => normalize(text) === word)),
          ),
        )
        .map((word) => `${language}: ${word}`),
    );
    expect(unused).toEqual([]);
  });
});

describe('the dictionary check', () => {
  const broken = (changes: (dictionary: Record<string, UiString>) => void) => {
    const dictionary: Record<string, UiString> = { ...DICTIONARIES['pl']! };
    changes(dictionary);
    return dictionaryProblems('pl', dictionary);
  };

  it('finds a missing key and one English does not have', () => {
    expect(
      broken((dictionary) => {
        delete dictionary['nav.home'];
        dictionary['nav.homepage'] = 'Strona główna';
      }),
    ).toEqual(['pl nav.home: missing', 'pl nav.homepage: not in en']);
  });

  it('finds a string left in English, whatever its case and punctuation', () => {
    expect(
      broken((dictionary) => {
        dictionary['nav.timeline'] = 'timeline';
        dictionary['search.none'] = 'No articles match! Try fewer or different words, or clear a filter';
      }),
    ).toEqual([
      'pl nav.timeline: left in English ("timeline")',
      'pl search.none: left in English ("No articles match! Try fewer or different words, or clear a filter")',
    ]);
  });

  it('finds a placeholder lost, renamed or out of order', () => {
    expect(
      broken((dictionary) => {
        dictionary['listing.pageOf'] = 'Strona {number} z {total}';
        dictionary['listing.range'] = 'Do {to} od {from}.';
        dictionary['count.articles'] = {
          ...(dictionary['count.articles'] as object),
          one: 'jeden artykuł',
        } as UiString;
      }),
    ).toEqual([
      'pl listing.range: {from} before {to}, as the markup splits it',
      'pl listing.pageOf: placeholders {number}, {total} instead of {number}, {pages}',
      'pl count.articles.one: placeholders {} instead of {count}',
    ]);
  });

  it('finds a plural form missing, one the language never selects, and a plural turned plain', () => {
    expect(
      broken((dictionary) => {
        dictionary['timeline.entries'] = { one: '{count} wpis', two: '{count} wpisy', other: '{count} wpisu' };
        dictionary['about.sources'] = '{count} źródeł';
      }),
    ).toEqual([
      'pl timeline.entries: no "few" form',
      'pl timeline.entries: no "many" form',
      'pl timeline.entries: a "two" form the language never selects',
      'pl about.sources: plural forms in en',
    ]);
  });

  it('lets Arabic write one and two as words, but not three', () => {
    const dictionary: Record<string, UiString> = { ...DICTIONARIES['ar']! };
    dictionary['count.articles'] = { ...(dictionary['count.articles'] as object), few: 'ثلاث مقالات' } as UiString;
    expect(dictionaryProblems('ar', dictionary)).toEqual(['ar count.articles.few: placeholders {} instead of {count}']);
  });
});

describe('translators for shipped languages', () => {
  it('take the dictionary of the language, whatever its region', () => {
    const { uiLanguage, t } = createTranslator('de-AT');
    expect(uiLanguage).toBe('de');
    expect(t('nav.home')).toBe(DICTIONARIES['de']!['nav.home']);
    expect(t('nav.home')).toBe('Startseite');
  });

  it('fall back to English for Traditional Chinese, which is not shipped', () => {
    expect(createTranslator('zh-Hant-TW').uiLanguage).toBe('en');
    expect(createTranslator('zh-TW').uiLanguage).toBe('en');
    expect(createTranslator('zh-HK').t('nav.home')).toBe('Home');
  });

  it('count by English rules when they fall back to English', () => {
    const { pluralLanguage, t } = createTranslator('zh-TW');
    expect(pluralLanguage).toBe('en');
    expect(t('count.articles', { count: 1 })).toBe('1 article');
    expect(createTranslator('pt-PT').pluralLanguage).toBe('pt-PT');
  });

  it('take Simplified Chinese for Chinese written in China and Singapore', () => {
    expect(createTranslator('zh').uiLanguage).toBe('zh-Hans');
    expect(createTranslator('zh-CN').t('nav.home')).toBe('首页');
  });

  it('take every plural form Arabic has', () => {
    const arabic = DICTIONARIES['ar']!['search.matches'] as Record<string, string>;
    const { t } = createTranslator('ar');
    expect(t('search.matches', { count: 3 })).toBe(arabic['few']!.replace('{count}', '3'));
    expect(t('search.matches', { count: 3 })).toBe('3 مقالات مطابقة.');
    const byCategory = { zero: 0, one: 1, two: 2, many: 11, other: 100 };
    expect(Object.values(byCategory).map((count) => t('search.matches', { count }))).toEqual(
      Object.entries(byCategory).map(([category, count]) => arabic[category]!.replace('{count}', String(count))),
    );
  });

  it('take Polish few and many forms', () => {
    const { t } = createTranslator('pl');
    expect([1, 2, 5, 22].map((count) => t('count.articles', { count }))).toEqual([
      '1 artykuł',
      '2 artykuły',
      '5 artykułów',
      '22 artykuły',
    ]);
  });
});
