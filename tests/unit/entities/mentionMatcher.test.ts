import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleMentions } from '../../../src/entities/articleMentions.ts';
import { createMentionMatcher, findMentions, sentenceAround } from '../../../src/entities/mentionMatcher.ts';

const ENTITIES = [
  { slug: 'huawei', names: ['Huawei', 'Huawei Technologies'] },
  { slug: 'european-union', names: ['European Union', 'EU'] },
  { slug: 'zurich', names: ['Zürich'] },
  { slug: 'ken-hu', names: ['Ken Hu'] },
];
const matcher = createMentionMatcher(ENTITIES, 'en');
const found = (text: string, language?: string) =>
  Object.fromEntries([...findMentions(matcher, text, language)].map(([slug, { count }]) => [slug, count]));

describe('finding the entities a text names', () => {
  it('finds names and aliases as whole words, whatever their case and accents', () => {
    expect(found('HUAWEI and huawei met the European union in Zurich; Huawei Technologies said so.')).toEqual({
      huawei: 3,
      'european-union': 1,
      zurich: 1,
    });
  });

  it('counts a possessive or an elided article as the name', () => {
    expect(found("Huawei's lab, l'EU and Huawei’s centre")).toEqual({ huawei: 2, 'european-union': 1 });
  });

  it('does not find a name inside another word, a web address or an e-mail address', () => {
    expect(
      found('Huaweiphone, superhuawei, https://www.huawei.com/eu/, huawei.com, press@huawei.com, www.eu-huawei.org'),
    ).toEqual({});
  });

  it('matches an acronym only in capitals, so a pronoun is not the EU', () => {
    expect(found('eu and Eu are not it; the EU is.')).toEqual({ 'european-union': 1 });
  });

  it('prefers the longest name, and tells where the first mention is', () => {
    const mentions = findMentions(matcher, 'Said Ken Hu of Huawei Technologies.');
    expect([...mentions.keys()]).toEqual(['ken-hu', 'huawei']);
    expect(mentions.get('ken-hu')).toEqual({ count: 1, first: 5 });
    expect(mentions.get('huawei')!.count).toBe(1);
  });

  it('finds names in Chinese and Japanese text, which has no spaces between words', () => {
    const cjk = createMentionMatcher(
      [
        { slug: 'huawei', names: ['华为', 'ファーウェイ'] },
        { slug: 'eu', names: ['欧盟'] },
      ],
      'zh',
    );
    expect([...findMentions(cjk, '华为公司在布鲁塞尔开设了网络安全透明中心。欧盟表示欢迎。', 'zh').keys()]).toEqual([
      'huawei',
      'eu',
    ]);
    expect([...findMentions(cjk, 'ファーウェイはブリュッセルに透明性センターを開設した。', 'ja').keys()]).toEqual([
      'huawei',
    ]);
  });

  it('never finds a name in text made only of other words', () => {
    const otherWord = fc.stringMatching(/^[a-z]{3,9}$/).filter((word) => !['huawei', 'zurich'].includes(word));
    fc.assert(
      fc.property(fc.array(otherWord, { maxLength: 30 }), (words) => {
        expect(found(words.join(' '))).toEqual({});
      }),
    );
  });

  it('finds a name once wherever it stands between other words, and not when glued to one', () => {
    const word = fc.stringMatching(/^[a-z]{3,9}$/).filter((text) => !['huawei', 'zurich', 'eu'].includes(text));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 10 }),
        fc.array(word, { maxLength: 10 }),
        fc.constantFrom('Huawei', 'HUAWEI', 'huawei'),
        (before, after, name) => {
          expect(found([...before, name, ...after].join(' '))).toEqual({ huawei: 1 });
          expect(found([...before, `${before[0] ?? 'x'}${name}`, ...after].join(' '))).toEqual({});
        },
      ),
    );
  });
});

describe('the sentence around a mention', () => {
  it('is the sentence of its paragraph that holds it', () => {
    const text = 'First paragraph.\nThe US acted. Then Ken Hu spoke in Brussels. Others followed.\nLast.';
    expect(sentenceAround(text, text.indexOf('Ken'), 'en')).toBe('Then Ken Hu spoke in Brussels.');
  });
});

describe('the entities of an article', () => {
  const article = {
    title: 'Huawei opens a centre',
    summary: undefined,
    text: 'The EU reacted.\nHuawei said the EU would be pleased. Ken Hu spoke.',
    add: [],
    exclude: [],
  };

  it('is about what its title or summary names, and mentions the rest, most named first', () => {
    expect(articleMentions(matcher, article)).toEqual({
      about: ['huawei'],
      mentions: ['european-union', 'ken-hu'],
      contexts: {
        huawei: 'Huawei said the EU would be pleased.',
        'european-union': 'The EU reacted.',
        'ken-hu': 'Ken Hu spoke.',
      },
    });
  });

  it('leaves out what the editor excluded, and adds what the editor added', () => {
    const mentions = articleMentions(matcher, { ...article, exclude: ['european-union'], add: ['zurich', 'huawei'] });
    expect(mentions.about).toEqual(['huawei']);
    expect(mentions.mentions).toEqual(['ken-hu', 'zurich']);
    expect(mentions.contexts).not.toHaveProperty('european-union');
  });

  it('takes the context from the summary or title when the text does not name the entity', () => {
    expect(articleMentions(matcher, { ...article, text: 'Nothing here.' }).contexts).toEqual({
      huawei: 'Huawei opens a centre',
    });
  });
});
