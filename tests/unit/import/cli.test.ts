import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readImportOptions, UsageError } from '../../../src/import/importOptions.ts';
import { articleFiles, fixtures, seeds, temporaryContent } from './support.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `npm run import -- …` as an editor would (without npm's own output). */
async function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      ['src/cli/import.ts', ...args],
      { cwd: root, env: { ...process.env, DOSSIER_CONTENT: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('the command line', () => {
  it('reads every option', () => {
    expect(
      readImportOptions(
        [
          'a.txt',
          'feeds/',
          '--source',
          ' Silicon Republic ',
          '--source-url',
          'https://www.siliconrepublic.com',
          '--author',
          'A',
          '--author',
          'B',
          '--tag',
          'EU',
          '--date',
          '2019-03-06',
          '--day-first',
          '--match',
          'huawei|5g',
          '--since',
          '2019-01-01',
          '--events',
          '--dry-run',
          '--content',
          'digest/',
        ],
        {},
      ),
    ).toEqual({
      inputs: ['a.txt', 'feeds/'],
      content: 'digest/',
      source: 'Silicon Republic',
      sourceUrl: 'https://www.siliconrepublic.com/',
      url: undefined,
      authors: ['A', 'B'],
      tags: ['EU'],
      date: '2019-03-06',
      dayFirst: true,
      match: /huawei|5g/iu,
      since: '2019-01-01',
      events: true,
      dryRun: true,
    });
  });

  it('writes to DOSSIER_CONTENT unless --content says otherwise', () => {
    expect(readImportOptions(['a.txt'], { DOSSIER_CONTENT: 'fixtures/site/' })?.content).toBe('fixtures/site');
    expect(readImportOptions(['a.txt'], {})?.content).toBe('content');
  });

  it.each([
    [[], 'name at least one input'],
    [
      ['a.txt', '--date', '6 March 2019'],
      '--date "6 March 2019" is not a calendar date (use YYYY-MM-DD, such as 2019-03-06)',
    ],
    [['a.txt', '--since', '2019-02-30'], '--since "2019-02-30" is not a calendar date'],
    [['a.txt', '--url', 'javascript:alert(1)'], '--url "javascript:alert(1)" is not a web address'],
    [['a.txt', '--match', '(unclosed'], '--match "(unclosed" is not a regular expression'],
    [['a.txt', '--source', ' '], '--source is empty'],
    [['a.txt', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j', (args, message) => {
    expect(() => readImportOptions(args, {})).toThrow(UsageError);
    expect(() => readImportOptions(args, {})).toThrow(message);
  });

  it('imports, prints the summary and exits 0', { timeout: 30_000 }, async () => {
    const content = await temporaryContent();
    const result = await runImport([
      join(seeds, '002_7018f7561aa7d3df.txt'),
      '--source',
      'Silicon Republic',
      '--content',
      content,
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('1 article imported, 0 skipped, 0 inputs failed.');
    expect([...(await articleFiles(content)).keys()]).toEqual([
      '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md',
    ]);
  });

  it('exits 1 when an input fails, with one line saying why and no stack trace', { timeout: 30_000 }, async () => {
    const content = await temporaryContent();
    const result = await runImport([join(fixtures, 'malformed.xml'), '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("malformed.xml line 14: is not well-formed XML: Expected closing tag 'title'");
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a wrong command line, showing how to write it', { timeout: 30_000 }, async () => {
    const result = await runImport(['--date', 'soon', 'x.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^import: --date "soon" is not a calendar date.*\n\nUsage: npm run import -- <input>\.\.\. \[options\]/s,
    );
  });
});
