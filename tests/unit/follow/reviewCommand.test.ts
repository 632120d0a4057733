import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReviewCommand, type ReviewSubcommand } from '../../../src/cli/reviewCommand.ts';
import { draftText, HAND_WRITTEN, makeContent } from '../../support/reviewDrafts.ts';

const CENTRE = '2019-03-06-huawei-opens-a-centre.md';
const centre = draftText({ title: 'Huawei opens a centre', date: '2019-03-06', item: 'https://outlet.example/a/1' });

/** Runs a subcommand on a content folder, collecting what it prints. */
async function run(
  content: string,
  subcommand: ReviewSubcommand,
  args: string[] = [],
  stopped?: (printed: string[]) => Promise<void>,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReviewCommand(
    subcommand,
    args,
    { out: (line) => out.push(line), err: (line) => err.push(line) },
    { DOSSIER_CONTENT: content },
    stopped && (() => stopped(out)),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run follow -- list', () => {
  it('prints each draft with its outlet, date, rule and file', async () => {
    const content = await makeContent({ [CENTRE]: centre, '2019-03-07-notes.md': HAND_WRITTEN });
    const { code, out } = await run(content, 'list');
    expect(code).toBe(0);
    expect(out).toContain(
      `1 draft waits for review, newest first:\n\nHuawei opens a centre\n  Outlet Example · 2019-03-06 · keep "5G"\n  ${join(content, 'articles', CENTRE)}\n`,
    );
    expect(out).toContain('npm run follow -- accept <file or slug>...');
    expect(out).not.toContain('Notes on the centre');
  });

  it('lists an outlet’s update of an article the editor edited, and applies it with accept', async () => {
    const published = centre.replace('draft: true\n', '');
    const content = await makeContent({ [CENTRE]: published.replace('Huawei opened', 'Huawei has opened') });
    const update = published.replace('opened a centre in Brussels', 'opened its centre in Brussels');
    await mkdir(join(content, 'updates'));
    await writeFile(join(content, 'updates', CENTRE), update);
    const listed = await run(content, 'list');
    expect(listed.out).toContain(
      `Huawei opens a centre\n  update of ${join(content, 'articles', CENTRE)} (you have edited it) · Outlet Example · 2019-03-06\n  ${join(content, 'updates', CENTRE)}\n`,
    );
    const accepted = await run(content, 'accept', ['huawei-opens-a-centre']);
    expect(accepted).toMatchObject({ code: 0, err: '' });
    expect(accepted.out).toContain(`Applied the update of ${join(content, 'articles', CENTRE)}`);
    expect(await readFile(join(content, 'articles', CENTRE), 'utf8')).toBe(update);
    expect(existsSync(join(content, 'updates', CENTRE))).toBe(false);
  });

  it('says so when the queue is empty', async () => {
    const { code, out } = await run(await makeContent({}), 'list');
    expect([code, out]).toEqual([0, 'The review queue is empty: no draft from a followed feed waits for review.']);
  });

  it('reads the folder --content names; --port is for review alone', async () => {
    const content = await makeContent({ [CENTRE]: centre });
    const { code, out } = await run('no-such-folder', 'list', ['--content', `${content}/`]);
    expect(code).toBe(0);
    expect(out).toContain(join(content, 'articles', CENTRE));
    expect((await run(content, 'list', ['--port', '5000'])).code).toBe(2);
  });

  it('takes no file', async () => {
    const { code, err } = await run(await makeContent({}), 'list', ['x.md']);
    expect(code).toBe(2);
    expect(err).toContain('list takes no file or slug (got x.md)');
  });
});

describe('npm run follow -- accept and reject', () => {
  it('publishes a draft and says so', async () => {
    const content = await makeContent({ [CENTRE]: centre });
    const { code, out } = await run(content, 'accept', ['huawei-opens-a-centre']);
    expect(code).toBe(0);
    expect(out).toBe(
      `Accepted ${join(content, 'articles', CENTRE)} ("Huawei opens a centre"): the next build publishes it.`,
    );
    expect(await readFile(join(content, 'articles', CENTRE), 'utf8')).toBe(centre.replace('draft: true\n', ''));
  });

  it('rejects what it can and exits 1 naming what it could not', async () => {
    const content = await makeContent({ [CENTRE]: centre, '2019-03-07-notes.md': HAND_WRITTEN });
    const { code, out, err } = await run(content, 'reject', ['huawei-opens-a-centre', 'notes']);
    expect(code).toBe(1);
    expect(out).toContain('Rejected');
    expect(err).toContain('2019-03-07-notes.md is not a draft "npm run follow" brought');
    expect(existsSync(join(content, 'articles', CENTRE))).toBe(false);
    expect(existsSync(join(content, 'articles', '2019-03-07-notes.md'))).toBe(true);
  });

  it.each(['accept', 'reject'] as const)('%s needs a draft to work on', async (subcommand) => {
    const { code, err } = await run(await makeContent({}), subcommand);
    expect(code).toBe(2);
    expect(err).toContain(`${subcommand} needs the file or slug of at least one draft`);
    expect(err).toContain(`Usage: npm run follow -- ${subcommand} <file or slug>...`);
  });
});

describe('npm run follow -- review', () => {
  it('serves the page at the address it prints, until stopped', async () => {
    const content = await makeContent({ [CENTRE]: centre });
    const { code, out } = await run(content, 'review', [], async (printed) => {
      const address = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(printed.join('\n'))?.[0];
      expect(address).toBeDefined();
      const page = await fetch(address!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Huawei opens a centre');
    });
    expect(code).toBe(0);
    expect(out).toContain('Ctrl+C stops it.');
  });

  it.each([['80'], ['port'], ['70000']])('refuses --port %s', async (port) => {
    const { code, err } = await run(await makeContent({}), 'review', ['--port', port]);
    expect(code).toBe(2);
    expect(err).toContain(`--port takes a whole number from 1024 to 65535, not "${port}"`);
  });
});
