import { describe, expect, it } from 'vitest';
import { diffWords, revisionChanges, splitWords } from '../../../src/revisions/revisionDiff.ts';

describe('diffWords', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(diffWords('Three operators tested masts.', 'Two operators tested masts.')).toEqual([
      { change: 'removed', text: 'Three' },
      { change: 'added', text: 'Two' },
      { change: 'same', text: ' operators tested masts.' },
    ]);
  });

  it('keeps a sentence rewritten whole in one piece, not cut at every shared space', () => {
    expect(diffWords('Talks stall, ministers say.', 'Deal reached tonight.')).toEqual([
      { change: 'removed', text: 'Talks stall, ministers say' },
      { change: 'added', text: 'Deal reached tonight' },
      { change: 'same', text: '.' },
    ]);
  });

  it('joins back into each text', () => {
    const parts = diffWords('The centre opens in March in Brussels.', 'The new centre opened in Brussels today.');
    expect(
      parts
        .filter((part) => part.change !== 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe('The centre opens in March in Brussels.');
    expect(
      parts
        .filter((part) => part.change !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe('The new centre opened in Brussels today.');
  });

  it('compares Chinese, written without spaces, word by word', () => {
    expect(splitWords('华为在布鲁塞尔开设中心', 'zh').length).toBeGreaterThan(2);
    const parts = diffWords('华为在布鲁塞尔开设中心', '华为在柏林开设中心', 'zh');
    expect(parts.find((part) => part.change === 'removed')?.text).toContain('布鲁塞尔');
    expect(parts.find((part) => part.change === 'added')?.text).toContain('柏林');
    expect(parts[0]).toEqual({ change: 'same', text: '华为在' });
  });
});

describe('revisionChanges', () => {
  const body = 'First paragraph stays.\n\nThree operators tested masts.\n\nLast paragraph stays.\n';

  it('shows only the paragraphs that changed, and the title when it did', () => {
    const changes = revisionChanges(
      { title: 'Operators test 5G', body },
      { title: 'Operators test 5G masts', body: body.replace('Three', 'Two') },
    );
    expect(changes?.title).toEqual([
      { change: 'same', text: 'Operators test 5G' },
      { change: 'added', text: ' masts' },
    ]);
    expect(changes?.paragraphs).toEqual([
      [
        { change: 'removed', text: 'Three' },
        { change: 'added', text: 'Two' },
        { change: 'same', text: ' operators tested masts.' },
      ],
    ]);
  });

  it('shows a paragraph added or removed whole', () => {
    const changes = revisionChanges({ title: 'T', body }, { title: 'T', body: `${body}\nA correction was added.\n` });
    expect(changes).toEqual({ title: undefined, paragraphs: [[{ change: 'added', text: 'A correction was added.' }]] });
    const removed = revisionChanges(
      { title: 'T', body },
      { title: 'T', body: 'First paragraph stays.\n\nLast paragraph stays.' },
    );
    expect(removed?.paragraphs).toEqual([[{ change: 'removed', text: 'Three operators tested masts.' }]]);
  });

  it('is undefined when nothing a reader sees changed', () => {
    expect(
      revisionChanges({ title: 'T', body }, { title: 'T', body: body.replace('Three', '*Three*') }),
    ).toBeUndefined();
  });

  it('keeps long paragraphs that share nothing from growing the work with their product', () => {
    const long = (word: string) => Array.from({ length: 1500 }, (_, index) => `${word}${index}`).join(' ');
    const changes = revisionChanges({ title: 'T', body: long('a') }, { title: 'T', body: long('b') });
    expect(changes?.paragraphs[0]?.map((part) => part.change)).toEqual(['removed', 'added']);
  });
});
