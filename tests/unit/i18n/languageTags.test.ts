import { describe, expect, it } from 'vitest';
import { languageAttributes, openGraphLocale, textDirection } from '../../../src/i18n/languageTags.ts';

describe('which way a language runs', () => {
  it.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['az-Arab', 'rtl'],
    ['en-GB', 'ltr'],
    ['de', 'ltr'],
    ['zh-Hans', 'ltr'],
    ['ja', 'ltr'],
  ])('%s runs %s', (tag, direction) => {
    expect(textDirection(tag)).toBe(direction);
  });
});

describe('Open Graph locales', () => {
  it.each([
    ['de', 'de_DE'],
    ['en-GB', 'en_GB'],
    ['ar', 'ar_EG'],
    ['zh-Hans', 'zh_CN'],
    ['pt-BR', 'pt_BR'],
  ])('%s is %s', (tag, locale) => {
    expect(openGraphLocale(tag)).toBe(locale);
  });
});

describe('the language of content inside a page', () => {
  it('says nothing when the content is in the page language', () => {
    expect(languageAttributes(undefined, 'de')).toEqual({});
    expect(languageAttributes('DE', 'de')).toEqual({});
  });

  it('gives another language its tag, and its direction when that differs', () => {
    expect(languageAttributes('en', 'de')).toEqual({ lang: 'en' });
    expect(languageAttributes('en', 'ar')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(languageAttributes('ar', 'en-GB')).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});
