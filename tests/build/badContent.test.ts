import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const TOPIC =
  '---\ntitle: Checks\ndescription: A digest with one bad file.\nlanguage: en-GB\nsite: https://checks.example.org/\n---\n\nAbout.\n';
const GOOD = '---\ntitle: A good article\ndate: 2019-03-06\nsource: { name: Wire }\n---\n\nText.\n';
const article = (frontmatter: string, body = 'Text.') =>
  new TextEncoder().encode(`---\n${frontmatter}\n---\n\n${body}\n`);
const VALID = 'title: Bad\ndate: 2019-03-07\nsource: { name: Wire }';

/** Each case: the files that break the digest, and what the message must say (besides the file). */
const CASES: [string, Record<string, Uint8Array>, string][] = [
  [
    'a missing title',
    { '2019-03-07-bad.md': article('date: 2019-03-07\nsource: { name: Wire }') },
    'field "title" is missing (add "title: …" to the frontmatter)',
  ],
  [
    'an impossible date',
    { '2019-03-07-bad.md': article('title: Bad\ndate: 2019-02-30\nsource: { name: Wire }') },
    'field "date" "2019-02-30" is not a calendar date (use YYYY-MM-DD)',
  ],
  [
    'a date in an unknown format',
    { '2019-03-07-bad.md': article('title: Bad\ndate: March 7th\nsource: { name: Wire }') },
    'field "date" "March 7th" is not a date Dossier reads',
  ],
  [
    'a misspelt field',
    { '2019-03-07-bad.md': article(`${VALID}\ntittle: Bad`) },
    'unknown field "tittle" (did you mean "title"?)',
  ],
  ['malformed YAML', { '2019-03-07-bad.md': article(`${VALID}\ntags: [a, b`) }, 'is not valid YAML'],
  [
    'an image without alt',
    { '2019-03-07-bad.md': article(`${VALID}\nimage:\n  src: /photo.jpg`) },
    'field "image.alt" is missing',
  ],
  [
    'a tag that makes no URL',
    { '2019-03-07-bad.md': article(`${VALID}\ntags: ["???"]`) },
    'field "tags[0]" "???" has no letters or digits',
  ],
  [
    'two articles wanting one URL',
    { '2019-03-07-good.md': article('title: Twin\ndate: 2019-03-07\nsource: { name: Wire }') },
    'wants the URL /articles/good/, which',
  ],
  [
    'an event far in the future',
    { '2019-03-07-bad.md': article(`${VALID}\nevents:\n  - date: 2200\n    text: Later.`) },
    'field "events[0].date" 2200 is more than 20 years after',
  ],
  [
    'a file that is not UTF-8',
    { '2019-03-07-bad.md': new Uint8Array([...article(VALID, 'Caf'), 0xe9]) },
    'is not UTF-8 text',
  ],
  ['an empty body', { '2019-03-07-bad.md': article(VALID, '') }, 'has no article text'],
  [
    'a link to an article that does not exist',
    { '2019-03-07-bad.md': article(VALID, 'See [the other one](/articles/missing/).') },
    'links to /articles/missing/, which no article has',
  ],
];

async function contentWith(files: Record<string, Uint8Array>): Promise<string> {
  const content = join(await makeTempFolder('bad'), 'content');
  await mkdir(join(content, 'articles'), { recursive: true });
  await writeFile(join(content, 'topic.md'), TOPIC);
  await writeFile(join(content, 'articles', '2019-03-06-good.md'), GOOD);
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(content, 'articles', name), bytes);
  return content;
}

function runContentCheck(content: string): Promise<{ exitCode: number; output: string }> {
  const child = spawn(process.execPath, [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/check.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DOSSIER_CONTENT: content },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('close', (code) => done({ exitCode: code ?? 1, output })));
}

describe.each(CASES)('content with %s', (_case, files, message) => {
  it('fails the content check and the build, naming the file, the field and the fix, and publishes nothing', async () => {
    const content = await contentWith(files);
    const [file] = Object.keys(files);
    const check = await runContentCheck(content);
    expect(check.exitCode).toBe(1);
    expect(check.output).toContain(`${file}: `);
    expect(check.output).toContain(message);
    const build = await buildSite({ content, outDir: join(content, '..', 'dist') });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(message);
    expect(await readdir(join(content, '..')).then((names) => names.includes('dist'))).toBe(false);
  });
});

it('passes the content check on the default digest', async () => {
  const check = await runContentCheck(join(projectRoot, 'content'));
  expect(check.output).toContain('Content is fine: 2 articles and the topic file.');
  expect(check.exitCode).toBe(0);
});
