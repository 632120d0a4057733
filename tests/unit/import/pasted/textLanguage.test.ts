import { describe, expect, it } from 'vitest';
import { languageOfText, sameLanguage } from '../../../../src/import/pasted/textLanguage.ts';

/** Made-up paragraphs, one per language. */
const PARAGRAPHS: Record<string, string> = {
  en: 'The council of Valdria approved the bridge on Tuesday, and the ferry will keep running until it opens, said the operator, which has run the crossing for forty years.',
  de: 'Der Rat von Valdria hat die Brücke am Dienstag genehmigt, und die Fähre wird bis zur Eröffnung weiter fahren, sagte der Betreiber, der die Überfahrt seit vierzig Jahren betreibt und auch die Pläne für den Bau kennt.',
  fr: 'Le conseil de Valdria a approuvé le pont mardi, et le bac continuera de circuler jusqu’à son ouverture, a indiqué l’exploitant, qui assure la traversée depuis quarante ans avec les habitants de la ville.',
  es: 'El consejo de Valdria aprobó el puente el martes, y el transbordador seguirá funcionando hasta que se abra, dijo el operador, que lleva cuarenta años con la travesía y con los vecinos de la ciudad.',
  pt: 'O conselho de Valdria aprovou a ponte na terça-feira, e a balsa vai continuar a funcionar até à abertura, disse o operador, que faz a travessia há quarenta anos com os moradores da cidade e não pretende parar.',
  nl: 'De raad van Valdria heeft de brug op dinsdag goedgekeurd, en de veerboot blijft varen tot de opening, zei de exploitant, die de overtocht al veertig jaar verzorgt en ook bij de bouw betrokken is.',
  zh: '瓦尔德里亚市议会周二批准了这座桥，渡轮将继续运营直到大桥开通，运营商表示。',
  ja: 'バルドリア市議会は火曜日に橋の建設を承認し、フェリーは開通まで運航を続けると運営会社が述べた。',
  ru: 'Совет Валдрии во вторник одобрил строительство моста, и паром будет ходить до его открытия, заявил оператор.',
};

describe('the language of a pasted text', () => {
  it.each(Object.entries(PARAGRAPHS))('tells %s from its words or its script', (language, text) => {
    expect(languageOfText(text)).toBe(language);
  });

  it('tells none from a text too short to tell', () => {
    expect(languageOfText('Valdria bridge approved')).toBeUndefined();
    expect(languageOfText('')).toBeUndefined();
  });

  it('compares tags by their language, whatever their regions', () => {
    expect(sameLanguage('en', 'en-GB')).toBe(true);
    expect(sameLanguage('pt-BR', 'pt_PT')).toBe(true);
    expect(sameLanguage('de', 'en')).toBe(false);
    expect(sameLanguage('de', undefined)).toBe(false);
  });
});
