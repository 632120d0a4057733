import { afterEach, describe, expect, it } from 'vitest';
import { partialDateToString } from '../../../src/lib/dates.ts';
import {
  dateLanguageOf,
  findLanguageDates,
  yearOfYearlessDate,
  type DateLanguage,
} from '../../../src/lib/languageDates.ts';

/** Each date found, as frontmatter writes it, with its precision and the words read. */
function dates(text: string, language: DateLanguage, reference = '2019-03-10') {
  return findLanguageDates(text, language, reference).map(({ date, text: words }) => [
    partialDateToString(date),
    date.precision,
    words,
  ]);
}

/**
 * Per language: a day without a year in an article of 10 March 2019, a month with its year, a
 * year alone, and a day whose year is not the reference's.
 */
const EXAMPLES: Record<DateLanguage, { day: string; month: string; year: string; otherYear: string }> = {
  de: {
    day: 'Huawei eröffnete am 5. März sein Zentrum.',
    month: 'Im Dezember 2018 warnte die Behörde.',
    year: 'Im Jahr 2018 schloss Australien den Konzern aus.',
    otherYear: 'Meng Wanzhou wurde am 1. Dezember 2018 festgenommen.',
  },
  fr: {
    day: 'Huawei a ouvert le 5 mars son centre.',
    month: 'En décembre 2018, l’agence a mis en garde.',
    year: 'En 2018, l’Australie a exclu le groupe.',
    otherYear: 'Meng Wanzhou a été arrêtée le 1er décembre 2018.',
  },
  es: {
    day: 'Huawei abrió el 5 de marzo su centro.',
    month: 'En diciembre de 2018 la agencia advirtió.',
    year: 'En 2018 Australia excluyó a la empresa.',
    otherYear: 'Meng Wanzhou fue detenida el 1 de diciembre de 2018.',
  },
  pt: {
    day: 'A Huawei abriu em 5 de março o seu centro.',
    month: 'Em dezembro de 2018 a agência alertou.',
    year: 'Em 2018 a Austrália excluiu a empresa.',
    otherYear: 'Meng Wanzhou foi detida em 1 de dezembro de 2018.',
  },
  nl: {
    day: 'Huawei opende op 5 maart zijn centrum.',
    month: 'In december 2018 waarschuwde de dienst.',
    year: 'In 2018 sloot Australië het bedrijf uit.',
    otherYear: 'Meng Wanzhou werd op 1 december 2018 gearresteerd.',
  },
  ja: {
    day: 'ファーウェイは3月5日、センターを開設した。',
    month: '2018年12月、当局は警告した。',
    year: 'オーストラリアは2018年に同社を排除した。',
    otherYear: '孟晩舟氏は2018年12月1日に逮捕された。',
  },
  zh: {
    day: '华为3月5日开设了中心。',
    month: '2018年12月，该机构发出警告。',
    year: '2018年，澳大利亚禁止了华为。',
    otherYear: '孟晚舟于2018年12月1日被捕。',
  },
  ru: {
    day: 'Huawei открыла 5 марта центр.',
    month: 'В декабре 2018 года ведомство предупредило.',
    year: 'В 2018 году Австралия запретила компанию.',
    otherYear: 'Мэн Ваньчжоу задержали 1 декабря 2018 года.',
  },
};

describe.each(Object.entries(EXAMPLES) as Array<[DateLanguage, (typeof EXAMPLES)[DateLanguage]]>)(
  'dates in %s',
  (language, { day, month, year, otherYear }) => {
    it('reads a day without a year as the latest one on or before the article', () => {
      expect(dates(day, language)).toEqual([['2019-03-05', 'day', expect.any(String)]]);
    });

    it('keeps a month with its year at month precision', () => {
      expect(dates(month, language)).toEqual([['2018-12', 'month', expect.any(String)]]);
    });

    it('keeps a year alone at year precision', () => {
      expect(dates(year, language)).toEqual([['2018', 'year', expect.any(String)]]);
    });

    it('keeps the year a date names, whatever the reference', () => {
      expect(dates(otherYear, language)).toEqual([['2018-12-01', 'day', expect.any(String)]]);
    });
  },
);

describe('German, as the issue puts it', () => {
  it('reads "am 5. März" in an article of 10 March 2019 as 2019-03-05, with its preposition', () => {
    expect(dates('Huawei eröffnete am 5. März sein Zentrum in Brüssel.', 'de')).toEqual([
      ['2019-03-05', 'day', 'am 5. März'],
    ]);
  });

  it('reads "im März 2019" at month precision and a month alone after its preposition', () => {
    expect(dates('Im März 2019 warnte die Kommission, im Mai folgten die Staaten.', 'de')).toEqual([
      ['2019-03', 'month', 'Im März 2019'],
      ['2018-05', 'month', 'im Mai'],
    ]);
  });

  it('does not take a month name or a number for a date where nothing makes it one', () => {
    expect(dates('Der März-Gipfel tagte mit 2018 Delegierten.', 'de')).toEqual([]);
  });

  it('counts yesterday and a weekday back from the article', () => {
    expect(dates('Gestern sagte er, am Dienstag habe er unterschrieben.', 'de')).toEqual([
      ['2019-03-09', 'day', 'Gestern'],
      ['2019-03-05', 'day', 'am Dienstag'],
    ]);
  });

  it('leaves out a stretch counted back ("vor zwei Wochen"), too rough for a day', () => {
    expect(dates('Vor zwei Wochen begann die Prüfung.', 'de')).toEqual([]);
  });
});

describe('Japanese and Chinese days of the month', () => {
  it('reads a day alone as a day of the article’s month', () => {
    expect(dates('欧盟成员国9日发布了报告。', 'zh', '2019-10-10')).toEqual([['2019-10-09', 'day', '9日']]);
    expect(dates('加盟国は9日、報告書を公表した。', 'ja', '2019-10-10')).toEqual([['2019-10-09', 'day', '9日']]);
  });

  it('reads "今年1月" and "去年12月" from the article’s year', () => {
    expect(dates('今年1月，波兰逮捕了一名员工。去年12月，加拿大逮捕了孟晚舟。', 'zh')).toEqual([
      ['2019-01', 'month', '今年1月'],
      ['2018-12', 'month', '去年12月'],
    ]);
  });

  it('does not read a length of days ("3日間") as a date', () => {
    expect(dates('審査は3日間続いた。', 'ja')).toEqual([]);
  });
});

describe('the year of a date written without one', () => {
  it('is the coming one within 31 days of the reference, else the latest past one', () => {
    expect(yearOfYearlessDate(3, 5, { year: 2019, month: 3, day: 1 })).toBe(2019);
    expect(yearOfYearlessDate(3, 5, { year: 2019, month: 3, day: 10 })).toBe(2019);
    expect(yearOfYearlessDate(5, 20, { year: 2019, month: 3, day: 10 })).toBe(2018);
    expect(yearOfYearlessDate(12, undefined, { year: 2019, month: 1, day: 12 })).toBe(2018);
    expect(yearOfYearlessDate(1, 3, { year: 2018, month: 12, day: 20 })).toBe(2019);
    expect(yearOfYearlessDate(1, undefined, { year: 2018, month: 12, day: 20 })).toBe(2018);
  });

  it('makes "am 5. März" in an article of 1 March the coming 5 March', () => {
    expect(dates('Die Eröffnung ist am 5. März.', 'de', '2019-03-01')).toEqual([['2019-03-05', 'day', 'am 5. März']]);
  });
});

describe('the language of a tag', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['pt-BR', 'pt'],
    ['zh-Hans', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['zh_TW', 'zh'],
    ['ru-RU', 'ru'],
    ['en', undefined],
    ['en-GB', undefined],
    ['it', undefined],
    ['not a tag', undefined],
    [undefined, undefined],
  ])('%s → %s', (tag, language) => {
    expect(dateLanguageOf(tag)).toBe(language);
  });
});

describe('dates are calendar dates on every machine', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'])('reads the same days in %s', (timeZone) => {
    process.env['TZ'] = timeZone;
    expect(dates('Heute, gestern, am 5. März und am 1. Januar 2019 geschah es.', 'de')).toEqual([
      ['2019-03-10', 'day', 'Heute'],
      ['2019-03-09', 'day', 'gestern'],
      ['2019-03-05', 'day', 'am 5. März'],
      ['2019-01-01', 'day', 'am 1. Januar 2019'],
    ]);
    expect(dates('3月5日，2019年1月1日。', 'zh')).toEqual([
      ['2019-03-05', 'day', '3月5日'],
      ['2019-01-01', 'day', '2019年1月1日'],
    ]);
  });
});
