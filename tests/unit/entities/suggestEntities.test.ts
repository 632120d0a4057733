import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEntitiesCommand } from '../../../src/cli/entitiesCommand.ts';
import { createMentionMatcher } from '../../../src/entities/mentionMatcher.ts';
import { capitalisedNames, suggestEntities } from '../../../src/entities/suggestEntities.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

describe('names in a text', () => {
  it('are capitalised words in a row, with particles, without the words that start a sentence', () => {
    const text =
      'The Bank of England met Mike Pompeo. After Deputy Ken Hu spoke, Europe. Over the year, the U.S. Senate and Huawei’s Ken Hu’s team left.';
    expect(capitalisedNames(text).map(({ name }) => name)).toEqual([
      'Bank of England',
      'Mike Pompeo',
      'Ken Hu',
      'U.S. Senate',
      'Huawei’s Ken Hu',
    ]);
  });

  it('tell where each starts', () => {
    const text = 'Yesterday the Bank of England said so.';
    const [found] = capitalisedNames(text);
    expect(text.slice(found!.index)).toMatch(/^Bank of England/);
  });
});

describe('suggested entities', () => {
  const known = createMentionMatcher([{ slug: 'huawei', names: ['Huawei', 'Ken Hu'] }], 'en');
  const articles = [
    { file: 'a.md', text: 'Mike Pompeo warned allies.\nThe Bank of England agreed. Ken Hu disagreed.' },
    { file: 'b.md', text: 'Later, Mike Pompeo and Mike Pompeo again spoke to the Bank of England.' },
    { file: 'c.md', text: 'Mike Pompeo left. Ken Hu stayed; Ken Hu said nothing.' },
  ];

  it('are names in several articles that the topic does not list, most widespread first, with an example', () => {
    expect(suggestEntities(articles, known)).toEqual([
      { name: 'Mike Pompeo', articles: 3, example: { file: 'a.md', sentence: 'Mike Pompeo warned allies.' } },
      { name: 'Bank of England', articles: 2, example: { file: 'a.md', sentence: 'The Bank of England agreed.' } },
    ]);
  });

  it('leave out names in fewer articles than asked', () => {
    expect(suggestEntities(articles, known, 3).map(({ name }) => name)).toEqual(['Mike Pompeo']);
  });
});

describe('npm run entities -- suggest', () => {
  async function digest(): Promise<string> {
    const folder = await makeTempFolder('entities');
    await mkdir(join(folder, 'articles'));
    await writeFile(
      join(folder, 'topic.md'),
      '---\ntitle: T\ndescription: D.\nsite: https://example.org/\nentities:\n  - name: Huawei\n---\n',
    );
    const article = (title: string, body: string) =>
      `---\ntitle: ${title}\ndate: 2019-03-06\nsource:\n  name: S\n---\n\n${body}\n`;
    await writeFile(
      join(folder, 'articles/2019-03-06-a.md'),
      article('Huawei in Brussels', 'Mike Pompeo warned [the Bank of England](https://example.org/).'),
    );
    await writeFile(
      join(folder, 'articles/2019-03-07-b.md'),
      article('Mike Pompeo again', 'Huawei answered Mike Pompeo.'),
    );
    return folder;
  }

  it('prints each name with its number of articles and an example sentence, and writes nothing', async () => {
    const lines: string[] = [];
    const code = await runEntitiesCommand(
      ['suggest'],
      { out: (line) => lines.push(line), err: (line) => lines.push(line) },
      { DOSSIER_CONTENT: await digest() },
    );
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(
      /Mike Pompeo \(2 articles\)\n {2}“Mike Pompeo warned the Bank of England\.” \(.*2019-03-06-a\.md\)/,
    );
    expect(lines.join('\n')).not.toContain('Bank of England (');
  });

  it('refuses an unknown command or option value with its usage', async () => {
    const errors: string[] = [];
    const output = { out: () => {}, err: (line: string) => errors.push(line) };
    expect(await runEntitiesCommand(['add'], output, {})).toBe(2);
    expect(await runEntitiesCommand(['suggest', '--min', 'two'], output, {})).toBe(2);
    expect(errors.join('\n')).toContain('unknown command "add"');
    expect(errors.join('\n')).toContain('Usage: npm run entities -- suggest');
  });
});
