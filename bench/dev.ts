/**
 * `npm run bench:dev -- [--runs R] [--edits E]`: what an editor waits for in `npm run dev` on the
 * default digest. Each run copies `content/` to a temporary folder and starts `astro dev` on it
 * twice: first with an empty cache (a fresh checkout), then with the cache the first start left (an
 * editor's next day). It measures the time from starting the server to the first successful
 * response of an article's page, then, E times, from saving an edit to that article to the page
 * served holding the new text. Ends with one JSON line holding every figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirectory, readTopic, resolveSiteAddress } from '../src/content/topic.ts';
import { articleSlugFromPath } from '../src/lib/slugs.ts';
import { articlePath, underBase } from '../src/lib/urls.ts';
import { projectRoot } from '../tests/support/buildSite.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);
const edits = Number(values.edits);
/** How often the page is asked for while waiting: small beside the times measured. */
const POLL_MS = 20;
/** Longer than any start or edit should take on a busy machine; past it the run fails. */
const GIVE_UP_MS = 120_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

/** The milliseconds from `since` until `url` answers 200 with a body `accept` takes. */
async function waitForPage(url: string, since: number, accept: (body: string) => boolean): Promise<number> {
  for (;;) {
    const elapsed = performance.now() - since;
    if (elapsed > GIVE_UP_MS) throw new Error(`${url} was not as expected after ${GIVE_UP_MS} ms`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok && accept(await response.text())) return performance.now() - since;
    await new Promise((wait) => setTimeout(wait, POLL_MS));
  }
}

interface DevServer {
  child: ChildProcess;
  output: () => string;
}

function startDev(options: { content: string; cacheDir: string; port: number }): DevServer {
  const child = spawn(
    process.execPath,
    [
      join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port),
    ],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        DOSSIER_CONTENT: options.content,
        DOSSIER_CACHE_DIR: options.cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function stopDev(server: DevServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await exited;
}

interface StartFigures {
  readyMs: number;
  editMs: number[];
}

/** One start of `astro dev`: the time to the article's page, then to each edit shown. */
async function measureStart(options: {
  content: string;
  cacheDir: string;
  articleFile: string;
  pageUrl: (port: number) => string;
  label: string;
}): Promise<StartFigures> {
  const port = await freePort();
  const started = performance.now();
  const server = startDev({ content: options.content, cacheDir: options.cacheDir, port });
  const url = options.pageUrl(port);
  try {
    const readyMs = await waitForPage(url, started, () => true);
    const editMs: number[] = [];
    for (let edit = 0; edit < edits; edit++) {
      // Plain words: Markdown's typography would turn a quote or a dash into another character.
      const sentence = `A note added by the editor about zeppelins ${options.label} ${edit}.`;
      const saved = performance.now();
      await appendFile(options.articleFile, `\n${sentence}\n`);
      editMs.push(await waitForPage(url, saved, (body) => body.includes(sentence)));
    }
    return { readyMs, editMs };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- astro dev printed:\n${server.output()}`, { cause: error });
  } finally {
    await stopDev(server);
  }
}

const content = contentDirectory();
const topic = readTopic(content);
const { base } = resolveSiteAddress(topic, process.env['DOSSIER_SITE']);
const articleName = (await readdir(join(content, 'articles'))).filter((name) => name.endsWith('.md')).sort()[0]!;
const path = underBase(base, articlePath(articleSlugFromPath(articleName)));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const figures: { cold: StartFigures[]; warm: StartFigures[] } = { cold: [], warm: [] };
console.log(`astro dev on ${content}/ (${path}), ${runs} runs, ${edits} edits a start`);
for (let run = 1; run <= runs; run++) {
  const work = await mkdtemp(join(tmpdir(), 'dossier-bench-dev-'));
  try {
    const copy = join(work, 'content');
    await cp(content, copy, { recursive: true });
    const common = {
      content: copy,
      cacheDir: join(work, 'cache'),
      articleFile: join(copy, 'articles', articleName),
      pageUrl: (port: number) => `http://127.0.0.1:${port}${path}`,
    };
    for (const start of ['cold', 'warm'] as const) {
      const result = await measureStart({ ...common, label: `${run}-${start}` });
      figures[start].push(result);
      console.log(
        `run ${run}, ${start} cache: page served ${seconds(result.readyMs)} after start; edits shown in ${result.editMs.map(seconds).join(', ')}`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(figures));
