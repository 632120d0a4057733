import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEventsCommand } from '../../../src/cli/eventsCommand.ts';
import { eventDateToString } from '../../../src/events/eventDates.ts';
import { suggestEvents } from '../../../src/events/eventExtraction.ts';
import { articleSentences } from '../../../src/events/eventSentences.ts';
import { readLabelledSet, type LabelledArticle } from '../../../scripts/eventScores.ts';

const LABELLED_SET = 'tests/fixtures/events';

/** One labelled article per language whose every event is found, at its date and in its sentence. */
const FOUND_WHOLE = [
  'de/meldung-polen-festnahme',
  'fr/depeche-centre-bruxelles',
  'es/cronica-mwc-barcelona',
  'pt/noticia-centro-bruxelas',
  'nl/bericht-polen-spionage',
  'ja/kiji-burusseru-sentaa',
  'zh/xiaoxi-bulusaier-zhongxin',
  'ru/novost-tsentr-bryussel',
];

let articles: LabelledArticle[];

beforeAll(async () => {
  articles = await readLabelledSet(LABELLED_SET);
});

describe('event suggestion in the article’s language', () => {
  it.each(FOUND_WHOLE)('finds exactly the labelled events of %s, in their sentences', (name) => {
    const article = articles.find((each) => each.name === name)!;
    expect(article.language).toBe(name.slice(0, 2));
    const found = suggestEvents(article.body, article.published, article.language).map((candidate) => [
      eventDateToString(candidate.date),
      candidate.date.precision,
      candidate.evidence,
    ]);
    expect(found).toEqual(article.events.map((event) => [event.date, event.precision, event.evidence]));
  });

  it('reads an article with English rules when it is given as English, which miss its days', () => {
    const article = articles.find((each) => each.name === 'de/meldung-polen-festnahme')!;
    const days = suggestEvents(article.body, article.published, 'en').filter(({ date }) => date.precision === 'day');
    expect(days).toEqual([]);
  });

  it('proposes the statement without the words that date it', () => {
    const texts = (body: string, published: string, language: string) =>
      suggestEvents(body, published, language).map((candidate) => candidate.text);
    expect(
      texts('La Commission européenne doit présenter le 26 mars des recommandations.', '2019-03-06', 'fr'),
    ).toEqual(['La Commission européenne doit présenter des recommandations.']);
    expect(texts('Huawei hat am Dienstag in Brüssel ein Zentrum eröffnet.', '2019-03-06', 'de-AT')).toEqual([
      'Huawei hat in Brüssel ein Zentrum eröffnet.',
    ]);
    expect(texts('华为3月5日在布鲁塞尔开设网络安全透明中心，欢迎各国政府检验。', '2019-03-06', 'zh-Hans')).toEqual([
      '华为在布鲁塞尔开设网络安全透明中心，欢迎各国政府检验。',
    ]);
  });

  it('leaves out a year still to come, a forecast', () => {
    expect(suggestEvents('La Comisión prevé aprobar en 2020 un conjunto de medidas.', '2019-10-10', 'es')).toEqual([]);
  });
});

describe('sentences in other languages', () => {
  it('does not end a German sentence at an ordinal day or an abbreviation', () => {
    expect(articleSentences('Am 5. März eröffnete Huawei z. B. ein Zentrum. Dr. Hu sprach.', 'de')).toEqual([
      'Am 5. März eröffnete Huawei z. B. ein Zentrum.',
      'Dr. Hu sprach.',
    ]);
  });

  it('keeps a German quotation whole, closed by “', () => {
    expect(articleSentences('„Wir haben nichts zu verbergen. Gar nichts“, sagte Hu. Dann ging er.', 'de')).toEqual([
      '„Wir haben nichts zu verbergen. Gar nichts“, sagte Hu.',
      'Dann ging er.',
    ]);
  });

  it('ends a sentence before one that opens with a date in numbers', () => {
    expect(articleSentences('Открытие проходит на фоне скандалов. 1 декабря 2018 года её задержали.', 'ru')).toEqual([
      'Открытие проходит на фоне скандалов.',
      '1 декабря 2018 года её задержали.',
    ]);
  });

  it('splits Japanese and Chinese text at "。"', () => {
    expect(articleSentences('华为开设了中心。欧盟发出警告。', 'zh')).toEqual(['华为开设了中心。', '欧盟发出警告。']);
  });
});

describe('npm run events -- suggest, per language', () => {
  let folder: string;
  let lines: string[];
  const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`error: ${line}`) };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dossier-events-languages-'));
    await cp(join(LABELLED_SET, 'de'), join(folder, 'articles'), { recursive: true });
    lines = [];
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function withoutLang(name: string): Promise<string> {
    const file = join(folder, 'articles', `${name}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^lang: de\n/m, ''));
    return file;
  }

  it('reads an article without "lang" in the topic’s language', async () => {
    const file = await withoutLang('meldung-polen-festnahme');
    await writeFile(
      join(folder, 'topic.md'),
      '---\ntitle: Huawei in Europa\ndescription: Huawei und 5G\nsite: https://example.org/\nlanguage: de\n---\n',
    );
    expect(await runEventsCommand(['suggest', file], output, { DOSSIER_CONTENT: folder })).toBe(0);
    expect(lines[0]).toMatch(/: 5 candidates$/);
    expect(lines.join('\n')).toContain('2019-01-08 — "am Dienstag"');
  });

  it('reads it as English when the topic is in English', async () => {
    const file = await withoutLang('meldung-polen-festnahme');
    await writeFile(
      join(folder, 'topic.md'),
      '---\ntitle: Huawei in Europe\ndescription: Huawei and 5G\nsite: https://example.org/\n---\n',
    );
    expect(await runEventsCommand(['suggest', file], output, { DOSSIER_CONTENT: folder })).toBe(0);
    expect(lines.join('\n')).not.toContain('"am Dienstag"');
  });

  it('reads an article’s own "lang" over the topic’s language', async () => {
    const file = join(folder, 'articles', 'meldung-polen-festnahme.md');
    await writeFile(
      join(folder, 'topic.md'),
      '---\ntitle: Huawei in Europe\ndescription: Huawei and 5G\nsite: https://example.org/\n---\n',
    );
    expect(await runEventsCommand(['suggest', file], output, { DOSSIER_CONTENT: folder })).toBe(0);
    expect(lines[0]).toMatch(/: 5 candidates$/);
  });
});
