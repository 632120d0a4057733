import { describe, expect, it } from 'vitest';
import { createFollowRules, judgeItem, NO_RULE_MATCHED } from '../../../src/follow/followRules.ts';

const rules = createFollowRules({
  keep: ['5G', 'Zürich', 'transparency centre', '华为', 'الذكاء الاصطناعي'],
  drop: ['sponsored', 'live blog'],
  entities: [{ name: 'Huawei', aliases: ['Huawei Technologies', 'Ren Zhengfei'] }],
});

const item = (title: string, text = '', summary?: string) => ({ title, text, summary });

describe('keeping an item', () => {
  it.each([
    ['Operators test 5G in Bern', 'keep "5G"'],
    ['Talks in ZURICH end without a deal', 'keep "Zürich"'],
    ['Talks in zurich end without a deal', 'keep "Zürich"'],
    ['A new Transparency Centre opens', 'keep "transparency centre"'],
    ['Ren Zhengfei speaks to reporters', 'entity "Huawei"'],
    ["HUAWEI's results are out", 'entity "Huawei"'],
  ])('keeps "%s" by %s', (title, rule) => {
    expect(judgeItem(rules, item(title), 'en')).toEqual({ kept: true, rule });
  });

  it('reads the summary and the text, not only the title', () => {
    expect(judgeItem(rules, item('Markets today', 'Shares of huawei suppliers rose.'), 'en')).toEqual({
      kept: true,
      rule: 'entity "Huawei"',
    });
    expect(judgeItem(rules, item('Markets today', '', 'Talks on 5G networks.'), 'en')).toEqual({
      kept: true,
      rule: 'keep "5G"',
    });
  });

  it('records the editor’s keep phrase before an entity, in the order the topic lists them', () => {
    expect(judgeItem(rules, item('Huawei tests 5G in Zürich'), 'en')).toEqual({ kept: true, rule: 'keep "5G"' });
  });

  it('matches whole words only', () => {
    for (const title of ['A 15G modem', 'The 5GHz band', 'Transparency centres everywhere', 'Huaweiphone'])
      expect(judgeItem(rules, item(title), 'en')).toEqual({ kept: false, reason: NO_RULE_MATCHED });
  });

  it('matches a phrase in capitals, like an acronym, only in capitals', () => {
    expect(judgeItem(rules, item('Why 5g matters'), 'en')).toEqual({ kept: false, reason: NO_RULE_MATCHED });
  });

  it('finds a Chinese phrase in Chinese text, whose words are not spaced', () => {
    expect(judgeItem(rules, item('华为公司今天发布了新手机'), 'zh')).toEqual({ kept: true, rule: 'keep "华为"' });
    expect(judgeItem(rules, item('中华为人民服务'), 'zh').kept).toBe(false);
  });

  it('finds an Arabic phrase in Arabic text, and a Latin one in it too', () => {
    expect(judgeItem(rules, item('قال الخبراء إن الذكاء الاصطناعي سيغير العالم'), 'ar')).toEqual({
      kept: true,
      rule: 'keep "الذكاء الاصطناعي"',
    });
    expect(judgeItem(rules, item('شبكات 5G في المدن'), 'ar')).toEqual({ kept: true, rule: 'keep "5G"' });
  });
});

describe('dropping an item', () => {
  it('drops an item naming a drop phrase, even when it names a keep phrase', () => {
    expect(judgeItem(rules, item('Huawei 5G: live blog'), 'en')).toEqual({ kept: false, reason: 'drop "live blog"' });
    expect(judgeItem(rules, item('5G in Zürich', 'SPONSORED content'), 'en')).toEqual({
      kept: false,
      reason: 'drop "sponsored"',
    });
  });

  it('drops by whole words only', () => {
    expect(judgeItem(rules, item('Huawei, the unsponsored view'), 'en')).toEqual({
      kept: true,
      rule: 'entity "Huawei"',
    });
  });
});

describe('a topic without rules', () => {
  it('keeps every item', () => {
    const none = createFollowRules({ keep: [], drop: [], entities: [] });
    expect(judgeItem(none, item('Anything at all'), 'en')).toEqual({ kept: true, rule: 'every item' });
  });

  it('still drops by its drop phrases', () => {
    const dropOnly = createFollowRules({ keep: [], drop: ['sponsored'], entities: [] });
    expect(judgeItem(dropOnly, item('A sponsored post'), 'en')).toEqual({ kept: false, reason: 'drop "sponsored"' });
  });

  it('keeps by entities alone when there is no keep phrase', () => {
    const entitiesOnly = createFollowRules({ keep: [], drop: [], entities: [{ name: 'Zürich', aliases: [] }] });
    expect(judgeItem(entitiesOnly, item('zurich votes'), 'de')).toEqual({ kept: true, rule: 'entity "Zürich"' });
    expect(judgeItem(entitiesOnly, item('Bern votes'), 'de')).toEqual({ kept: false, reason: NO_RULE_MATCHED });
  });
});
