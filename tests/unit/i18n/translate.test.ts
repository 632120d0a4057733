import { describe, expect, it } from 'vitest';
import { formatUiString, splitAround } from '../../../src/i18n/format.ts';
import { createTranslator, resolveUiLanguage } from '../../../src/i18n/translate.ts';

describe('the interface language', () => {
  it.each([
    ['de-AT', ['en', 'de'], 'de'],
    ['zh-Hant-TW', ['en', 'zh-Hans', 'zh-Hant'], 'zh-Hant'],
    ['zh-hant', ['zh-Hant'], 'zh-Hant'],
    ['en-GB', ['en'], 'en'],
    ['sw', ['en', 'de'], undefined],
  ])('takes the dictionary that best fits %s', (tag, shipped, expected) => {
    expect(resolveUiLanguage(tag, shipped)).toBe(expected);
  });

  it.each([
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['ZH-hans-cn', 'zh-Hans'],
    ['zh-TW', undefined],
    ['zh-HK', undefined],
    ['zh-Hant', undefined],
    ['zh-Hant-TW', undefined],
  ])('takes the script %s is likely written in', (tag, expected) => {
    expect(resolveUiLanguage(tag, ['en', 'zh-Hans'])).toBe(expected);
  });

  it('does not take a dictionary in another script than the tag’s', () => {
    // A plain `zh` dictionary is Simplified, `sr` Cyrillic.
    expect(resolveUiLanguage('zh-TW', ['zh'])).toBeUndefined();
    expect(resolveUiLanguage('zh-Hant-TW', ['zh', 'zh-Hans'])).toBeUndefined();
    expect(resolveUiLanguage('zh-CN', ['zh'])).toBe('zh');
    expect(resolveUiLanguage('sr-Latn-RS', ['sr'])).toBeUndefined();
    expect(resolveUiLanguage('sr-RS', ['sr'])).toBe('sr');
  });

  it('still tries the subtags of a tag Intl refuses', () => {
    expect(resolveUiLanguage('de-x', ['de'])).toBe('de');
    expect(resolveUiLanguage('', ['de'])).toBeUndefined();
  });

  it('falls back to English for a language without a dictionary', () => {
    const { uiLanguage, t } = createTranslator('sw');
    expect(uiLanguage).toBe('en');
    expect(t('nav.home')).toBe('Home');
  });
});

describe('interface strings', () => {
  const { t } = createTranslator('en-GB');

  it('fill in their values', () => {
    expect(t('page.title', { page: 'About', digest: 'Huawei in Brussels' })).toBe('About · Huawei in Brussels');
  });

  it('take the plural form their count needs', () => {
    expect(t('count.articles', { count: 1 })).toBe('1 article');
    expect(t('count.articles', { count: 0 })).toBe('0 articles');
    expect(t('tag.summary', { count: 2, name: '5g' })).toBe('2 articles tagged “5g”, newest first.');
  });

  it('choose among all the forms a language has', () => {
    const forms = {
      one: '{count} artykuł',
      few: '{count} artykuły',
      many: '{count} artykułów',
      other: '{count} artykułu',
    };
    expect([1, 3, 5, 22, 1.5].map((count) => formatUiString(forms, { count }, 'pl'))).toEqual([
      '1 artykuł',
      '3 artykuły',
      '5 artykułów',
      '22 artykuły',
      '1,5 artykułu',
    ]);
  });

  it('refuse a plural string without a count', () => {
    expect(() => t('count.articles')).toThrow(/needs a count/);
  });

  it('leave a placeholder that markup fills, and split around it', () => {
    expect(splitAround(t('article.originallyPublished'), 'source')).toEqual(['Originally published by ', '.']);
  });
});

describe('formats in the digest language', () => {
  it('write numbers with the language’s grouping, and keep years whole', () => {
    expect(createTranslator('de').t('count.articles', { count: 12345 })).toBe('12.345 Artikel');
    expect(createTranslator('en').t('timeline.allOfYear', { year: 2019 })).toBe('All of 2019');
  });

  it('name a season through the dictionary', () => {
    expect(createTranslator('en-GB').partialDate({ year: 2018, season: 'summer', precision: 'season' })).toBe(
      'summer 2018',
    );
    expect(createTranslator('en-GB').partialDate({ year: 2019, month: 3, day: 6, precision: 'day' })).toBe(
      '6 March 2019',
    );
  });

  it('join links as the language lists things', () => {
    expect(createTranslator('en').listSeparators(3)).toEqual(['', ', ', ', and ']);
    expect(createTranslator('de').listSeparators(3)).toEqual(['', ', ', ' und ']);
    expect(createTranslator('ar').listSeparators(2)).toEqual(['', ' و']);
    expect(createTranslator('ar').dir).toBe('rtl');
  });
});
