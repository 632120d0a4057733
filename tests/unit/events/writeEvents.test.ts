import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, EventsFieldError } from '../../../src/events/appendEvents.ts';
import { runEventsCommand } from '../../../src/cli/eventsCommand.ts';

const event = { date: '2019-03-05', text: 'Huawei opened a transparency centre in Brussels.' };
const season = {
  date: '2018-summer',
  text: 'Australia changed its wireless rules: Huawei was kept out.',
  approximate: true as const,
};

function article(frontmatter: string): string {
  return `---\n${frontmatter}---\n\nThe body.\n`;
}

describe('appending events to frontmatter', () => {
  it('adds after the last event and keeps every line the editor wrote', () => {
    const original = article(
      [
        'title: "A title: quoted"',
        'date: 2019-03-06',
        'events:',
        '  # written by hand',
        '  - date: 2017 # a year is enough',
        "    text: 'The US began lobbying.'",
        '  - date: 2019-02',
        '    text: Pompeo warned allies.',
        'draft: false',
        '',
      ].join('\n'),
    );
    const { text, added } = appendEvents(original, [event, season]);
    expect(added).toEqual([event, season]);
    expect(text).toBe(
      original.replace(
        'draft: false',
        [
          '  - date: 2019-03-05',
          '    text: Huawei opened a transparency centre in Brussels.',
          '  - date: 2018-summer',
          '    text: "Australia changed its wireless rules: Huawei was kept out."',
          '    approximate: true',
          'draft: false',
        ].join('\n'),
      ),
    );
  });

  it('follows the indentation of the list it extends', () => {
    const original = article('title: A\ndate: 2019-03-06\nevents:\n- date: 2017\n  text: The US began lobbying.\n');
    expect(appendEvents(original, [event]).text).toBe(
      original.replace(
        'lobbying.\n',
        'lobbying.\n- date: 2019-03-05\n  text: Huawei opened a transparency centre in Brussels.\n',
      ),
    );
  });

  it('starts the list when there is none, or when the field is empty', () => {
    expect(appendEvents(article('title: A\ndate: 2019-03-06\n'), [event]).text).toBe(
      article(
        'title: A\ndate: 2019-03-06\nevents:\n  - date: 2019-03-05\n    text: Huawei opened a transparency centre in Brussels.\n',
      ),
    );
    expect(appendEvents(article('title: A\nevents:\ndate: 2019-03-06\n'), [event]).text).toBe(
      article(
        'title: A\nevents:\n  - date: 2019-03-05\n    text: Huawei opened a transparency centre in Brussels.\ndate: 2019-03-06\n',
      ),
    );
  });

  it('adds to a list written on one line in the same style', () => {
    expect(appendEvents(article('title: A\nevents: []\n'), [event]).text).toBe(
      article('title: A\nevents: [{ date: 2019-03-05, text: Huawei opened a transparency centre in Brussels. }]\n'),
    );
    expect(
      appendEvents(article('title: A\nevents: [{date: 2017, text: x}]\n'), [{ date: '2018', text: 'y' }]).text,
    ).toBe(article('title: A\nevents: [{date: 2017, text: x}, { date: 2018, text: y }]\n'));
  });

  it('keeps Windows line endings', () => {
    const original = article('title: A\nevents:\n  - date: 2017\n    text: x\n').replaceAll('\n', '\r\n');
    const { text } = appendEvents(original, [event]);
    expect(text).toContain(
      '    text: x\r\n  - date: 2019-03-05\r\n    text: Huawei opened a transparency centre in Brussels.\r\n---',
    );
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('adds nothing already listed: same date, nearly the same words', () => {
    const original = article(
      'title: A\nevents:\n  - date: 2019-03-05\n    text: Huawei opened its transparency centre in Brussels.\n',
    );
    expect(appendEvents(original, [event])).toEqual({ text: original, added: [] });
    expect(appendEvents(original, [{ ...event, date: '2019-03' }]).added).toHaveLength(1);
    expect(appendEvents(article('title: A\n'), [event, { ...event }]).added).toEqual([event]);
  });

  it('refuses an events field that is not a list', () => {
    expect(() => appendEvents(article('title: A\nevents: yes\n'), [event])).toThrow(EventsFieldError);
  });
});

describe('npm run events -- suggest', () => {
  let folder: string;
  let lines: string[];
  const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`error: ${line}`) };
  const run = (...args: string[]) => runEventsCommand(args, output, { DOSSIER_CONTENT: folder });

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dossier-events-'));
    await cp('content/articles', join(folder, 'articles'), { recursive: true });
    lines = [];
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function readArticles(): Promise<Map<string, string>> {
    const names = await readdir(join(folder, 'articles'));
    return new Map(
      await Promise.all(
        names.map(async (name) => [name, await readFile(join(folder, 'articles', name), 'utf8')] as const),
      ),
    );
  }

  it('prints the candidates of every article of the content folder, and writes nothing', async () => {
    const before = await readArticles();
    expect(await run('suggest')).toBe(0);
    expect(lines.join('\n')).toContain('yesterday (5 March)');
    expect(lines.join('\n')).toContain('2018-summer (approximate)');
    expect(await readArticles()).toEqual(before);
  });

  it('--write keeps every line the editor wrote, and a second run adds nothing', async () => {
    const before = await readArticles();
    expect(await run('suggest', '--write')).toBe(0);
    const written = await readArticles();
    for (const [name, text] of before) {
      const kept = written.get(name)!.split('\n');
      let position = 0;
      for (const line of text.split('\n')) {
        position = kept.indexOf(line, position) + 1;
        expect(position, `${name}: "${line}"`).toBeGreaterThan(0);
      }
      expect(written.get(name)).not.toBe(text);
    }

    lines = [];
    expect(await run('suggest', '--write')).toBe(0);
    expect(await readArticles()).toEqual(written);
    expect(lines.filter((line) => line.includes('nothing to add'))).toHaveLength(before.size);
    expect((await readdir(join(folder, 'articles'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('--pick adds only the chosen candidates of one article', async () => {
    const file = join(folder, 'articles', '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md');
    expect(await run('suggest', file, '--write', '--pick', '3')).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(
      / {2}- date: 2019-03-05\n {4}text: In a statement released by Huawei, the company said[^\n]*\n---/,
    );
    expect(lines.at(-1)).toBe(`  added 1 event to ${file}`);
  });

  it('reports problems per article, and usage errors before touching anything', async () => {
    const broken = join(folder, 'articles', 'broken.md');
    await writeFile(broken, '---\ntitle: A\ndate: 2019-02-30\n---\nText.\n');
    expect(await run('suggest', broken, join(folder, 'missing.md'))).toBe(1);
    expect(lines).toContain(`error: ${broken}: date "2019-02-30" is not a calendar date (use YYYY-MM-DD)`);
    expect(lines).toContain(`error: ${join(folder, 'missing.md')}: no such file`);
    expect(await run('suggest', '--pick', '1', '--write')).toBe(2);
    expect(await run('suggest', broken, '--pick', 'first', '--write')).toBe(2);
    expect(await run('publish')).toBe(2);
  });
});
