import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticles } from '../../../src/import/importInputs.ts';
import { readImportOptions, UsageError } from '../../../src/import/importOptions.ts';
import { findDateInText, readFeedDate } from '../../../src/import/newsDates.ts';
import { readRawArticle } from '../../../src/import/pasted/rawText.ts';
import { readWebPage } from '../../../src/import/web/webPage.ts';
import { articleFiles, importOptions, temporaryContent } from './support.ts';

const GERMAN_TEXT = `Huawei eröffnet Transparenzzentrum in Brüssel

Veröffentlicht am 06.03.2019, 14:30 Uhr

Von Anna Becker

Der chinesische Netzwerkausrüster Huawei hat am Dienstag in Brüssel ein Zentrum für Cybersicherheit eröffnet. Dort sollen Regierungen und Netzbetreiber den Quellcode des Unternehmens prüfen können, sagte ein Sprecher.

Im Dezember 2018 hatte die tschechische Behörde für Cybersicherheit vor Geräten des Konzerns gewarnt. Am 8. Januar wurde in Polen ein Mitarbeiter des Unternehmens festgenommen.
`;

describe('a German pasted text', () => {
  it('has its date line read in German: "06.03.2019" is 6 March, and the label goes', () => {
    const article = readRawArticle(GERMAN_TEXT, { dayFirst: false, language: 'de' });
    expect(article).toMatchObject({ day: '2019-03-06', authors: ['Anna Becker'] });
    expect(article.body).toMatch(/^Der chinesische Netzwerkausrüster/);
  });

  it('is read in German when no language is given, its words being German', () => {
    expect(readRawArticle(GERMAN_TEXT, { dayFirst: false })).toMatchObject({ day: '2019-03-06', language: 'de' });
  });

  it('asks for the year of "am 18. März"', () => {
    const text = GERMAN_TEXT.replace('Veröffentlicht am 06.03.2019, 14:30 Uhr', 'Aktualisiert am 18. März, 10:12 Uhr');
    const article = readRawArticle(text, { dayFirst: false, language: 'de' });
    expect(article.day).toBeUndefined();
    expect(article.yearlessDate).toEqual({ text: 'am 18. März, 10:12 Uhr', line: 3 });
  });

  it('is imported in the topic’s language, with events found in German', async () => {
    const content = await temporaryContent();
    await writeFile(
      join(content, 'topic.md'),
      '---\ntitle: Huawei in Europa\ndescription: Huawei und 5G\nsite: https://example.org/\nlanguage: de\n---\n',
    );
    const input = join(content, 'brussel.txt');
    await writeFile(input, GERMAN_TEXT);
    const report = await importArticles(
      importOptions([input], content, { source: 'Rheinische Wirtschaftspost', events: true }),
    );
    expect(report.failed).toEqual([]);
    const [[name, text]] = [...(await articleFiles(content))] as [[string, string]];
    expect(name).toBe('2019-03-06-huawei-eroffnet-transparenzzentrum-in-brussel.md');
    expect(text).not.toMatch(/^lang:/m);
    expect(text).toContain(
      '- date: "2019-03-05"\n    text: Der chinesische Netzwerkausrüster Huawei hat in Brüssel ein Zentrum für Cybersicherheit eröffnet.\n',
    );
    expect(text).toContain('- date: "2018-12"\n');
    expect(text).toContain('- date: "2019-01-08"\n');
  });

  it('is imported in the language --lang names, which the article records', async () => {
    const content = await temporaryContent();
    const input = join(content, 'brussel.txt');
    await writeFile(input, GERMAN_TEXT);
    await importArticles(importOptions([input], content, { source: 'Rheinische Wirtschaftspost', lang: 'de-AT' }));
    const [[name, text]] = [...(await articleFiles(content))] as [[string, string]];
    expect(name).toMatch(/^2019-03-06-/);
    expect(text).toMatch(/^lang: de-AT$/m);
  });
});

describe('--lang', () => {
  it('takes a language tag, and refuses what is not one', () => {
    expect(readImportOptions(['a.txt', '--lang', 'pt-BR'], {})?.lang).toBe('pt-BR');
    expect(() => readImportOptions(['a.txt', '--lang', 'Deutsch'], {})).toThrow(UsageError);
  });
});

describe('localized dates in feeds and pages', () => {
  it('reads a date in numbers alone in the feed’s language', () => {
    expect(readFeedDate('05.03.2019', 'de')).toBe('2019-03-05');
    expect(readFeedDate('05/03/2019', 'fr')).toBe('2019-03-05');
    expect(readFeedDate('05/03/2019')).toBe('2019-05-03');
  });

  it('still reads RFC 822 in English first', () => {
    expect(readFeedDate('Wed, 06 Mar 2019 09:30:00 +0100', 'de')).toBe('2019-03-06T09:30:00+01:00');
  });

  it('finds a date line in the text’s language first', () => {
    expect(findDateInText('Publicado el 05/03/2019', { dayFirst: false, language: 'es' })?.day).toBe('2019-03-05');
    expect(findDateInText('公開日：2019年3月5日', { dayFirst: false, language: 'ja' })?.day).toBe('2019-03-05');
  });

  it('reads a page’s only date, written in its language', () => {
    const paragraph =
      '<p>Der chinesische Netzwerkausrüster Huawei hat in Brüssel ein Zentrum für Cybersicherheit eröffnet, in dem Regierungen und Netzbetreiber den Quellcode prüfen können.</p>';
    const html = `<!doctype html><html lang="de"><head><title>Huawei in Brüssel</title><meta name="date" content="05.03.2019"></head><body><article><h1>Huawei in Brüssel</h1>${paragraph.repeat(4)}</article></body></html>`;
    expect(readWebPage(html, 'https://example.org/huawei').date).toBe('2019-03-05');
    expect(readWebPage(html.replace('lang="de"', ''), 'https://example.org/huawei').date).toBe('2019-05-03');
    expect(
      readWebPage(html.replace('lang="de"', ''), 'https://example.org/huawei', { defaultLanguage: 'de' }).date,
    ).toBe('2019-03-05');
  });
});
