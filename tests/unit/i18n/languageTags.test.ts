import { describe, expect, it } from 'vitest';
import {
  isLanguageTag,
  languageAttributes,
  languageTag,
  openGraphLocale,
  textDirection,
} from '../../../src/i18n/languageTags.ts';

describe('language tags', () => {
  it('takes tags only as written where a tag is asked for', () => {
    for (const tag of ['en', 'pt-BR', 'zh-Hans', 'en-us']) expect(isLanguageTag(tag), tag).toBe(true);
    for (const text of ['EN', 'en_US', ' en', 'english', '']) expect(isLanguageTag(text), text).toBe(false);
  });

  it('reads the tags feeds and pages write, or nothing', () => {
    expect(languageTag('en-us')).toBe('en-US');
    expect(languageTag(' pt_br ')).toBe('pt-BR');
    expect(languageTag('zh-Hans')).toBe('zh-Hans');
    expect(languageTag('English')).toBeUndefined();
    expect(languageTag(undefined)).toBeUndefined();
  });
});

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
