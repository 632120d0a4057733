import { describe, expect, it } from 'vitest';
import { UI_KEYS, uiOverrideProblem } from '../../../src/i18n/uiOverrides.ts';
import { createTranslator } from '../../../src/i18n/translate.ts';
import { parseTopic } from '../../../src/content/topic.ts';
import { ContentErrors } from '../../../src/content/contentErrors.ts';

const topicWith = (ui: string) =>
  `---\ntitle: Huawei in Brussels\ndescription: A digest.\nsite: https://example.org/\nlanguage: de\nui:\n${ui}\n---\nAbout.\n`;

function topicProblems(ui: string): string[] {
  try {
    parseTopic(topicWith(ui), 'content/topic.md');
  } catch (error) {
    if (error instanceof ContentErrors) return error.problems.map((problem) => problem.message);
    throw error;
  }
  return [];
}

describe("an editor's own interface strings", () => {
  it('replace the dictionary string they name, in the digest language', () => {
    const topic = parseTopic(
      topicWith(
        '  nav.archive: Alle Meldungen\n  count.articles: { one: "{count} Meldung", other: "{count} Meldungen" }',
      ),
      'content/topic.md',
    );
    const { t } = createTranslator(topic.language, topic.ui);
    expect(t('nav.archive')).toBe('Alle Meldungen');
    expect(t('count.articles', { count: 12345 })).toBe('12.345 Meldungen');
  });

  it('name an unknown key, with the key it was probably meant to be', () => {
    expect(topicProblems('  nav.archiv: Alle Meldungen')).toEqual([
      'content/topic.md: field "ui.nav.archiv" is not an interface string (did you mean "nav.archive"?): the keys are listed in docs/interface-strings.md',
    ]);
  });

  it('name the key and the placeholder a string lost', () => {
    const [problem] = topicProblems('  tag.title: "Schlagwort"');
    expect(problem).toMatch(/^content\/topic\.md: field "ui\.tag\.title" lacks \{name\}, which the page fills in/);
  });

  it('refuse a placeholder nothing fills, and plural forms for a plain string', () => {
    expect(topicProblems('  nav.home: "Start {digest}"')[0]).toMatch(
      /"ui\.nav\.home" has \{digest\}, which nothing fills in/,
    );
    expect(uiOverrideProblem('nav.home', { one: 'a', other: 'b' })).toMatch(/takes one string, not plural forms/);
  });

  it('let a plural form write the number as a word', () => {
    expect(uiOverrideProblem('count.articles', { one: 'ein Artikel', other: '{count} Artikel' })).toBeUndefined();
    expect(uiOverrideProblem('count.articles', { one: '{count} Artikel', other: 'Artikel' })).toMatch(
      /lacks \{count\}/,
    );
  });

  it('cover every key of the reference dictionary', () => {
    expect(UI_KEYS).toContain('nav.home');
    expect(UI_KEYS.every((key) => uiOverrideProblem(key, createTranslator('en').raw(key)) === undefined)).toBe(true);
  });
});
