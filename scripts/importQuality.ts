/**
 * `npm run import:quality [-- --no-build] [--material <folder>]`: imports the real-world feeds,
 * saved pages (served on 127.0.0.1, and as saved files) and pasted texts of `../shared/real-world/`
 * into a temporary digest, builds it, and prints per input what came out and how faithfully: the
 * pages' fields graded against what an editor records (`expected-import.json`), their bodies against
 * the reader view's text; totals per kind of input, then one JSON line.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { glob } from 'tinyglobby';
import { htmlToPlainText } from '../src/import/outletHtml.ts';
import { importArticles } from '../src/import/importInputs.ts';
import type { ImportOptions } from '../src/import/importOptions.ts';
import {
  GRADED_FIELDS,
  mojibakeCount,
  trackerCount,
  wordScore,
  wrongFields,
  type ExpectedImport,
  type GradedField,
  type GradedFields,
  type WordScore,
} from './importScores.ts';
import type { ImportReport } from '../src/import/importReport.ts';
import { importPastedAsEditor } from './pastedPractice.ts';

const repository = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    material: { type: 'string', default: join(repository, '../shared/real-world') },
  },
});
const material = values.material;
if (!existsSync(join(material, 'feeds')) || !existsSync(join(material, 'pages'))) {
  console.error(
    `import:quality: ${material} has no feeds/ and pages/ (it is the shared real-world set; pass --material <folder>)`,
  );
  process.exit(2);
}

/** How a page of the set came in: from its URL on 127.0.0.1, from the saved file, or as the text an editor pastes. */
type PageKind = 'url' | 'file' | 'pasted';

interface Row {
  input: string;
  kind: 'feed' | PageKind;
  imported: number;
  skipped: number;
  failed: number;
  /** Articles a second import of the same input wrote (0 when importing is idempotent). */
  reimported?: number;
  /** The graded fields (title, date, authors, outlet) wrong against expected-import.json; undefined for feeds. */
  wrong?: GradedField[];
  /** Whether the article's language is the expected one. */
  lang?: boolean;
  words?: WordScore;
  /** Authors that are not a person's or outlet's name ("X, illustration by Y for Z"). */
  oddBylines: number;
  mojibake: number;
  trackers: number;
  messages: string[];
}

/** The temporary digest's language, which an article without its own `lang` is in. */
const DIGEST_LANGUAGE = 'en';
const workspace = await mkdtemp(join(tmpdir(), 'dossier-import-quality-'));
const content = join(workspace, 'content');
await mkdir(join(content, 'articles'), { recursive: true });
await writeFile(
  join(content, 'topic.md'),
  `---\ntitle: Import quality\ndescription: Real-world feeds and pages imported by npm run import:quality.\nsite: https://quality.example.org/\nlanguage: ${DIGEST_LANGUAGE}\noffline: false\n---\n\nMaterial from real outlets, imported to measure the importer.\n`,
);

function options(inputs: string[], overrides: Partial<ImportOptions> = {}): ImportOptions {
  return { inputs, content, authors: [], tags: [], dayFirst: false, events: false, dryRun: false, ...overrides };
}

function messagesOf(report: ImportReport): string[] {
  return [
    ...report.failed.map((failure) => `failed: ${failure.message}`),
    ...report.skipped.map((skip) => `skipped: ${skip.label}: ${skip.reason}`),
  ];
}

/** An author line that holds more than names: a role, a credit, a sentence. */
function isOddByline(author: string): boolean {
  return (
    author.split(/\s+/).length > 5 ||
    /\b(?:by|for|illustration|photo|photos|video|with)\b|[:;|]/i.test(author) ||
    /\p{Lu}\p{L}+ (?:and|&) \p{Lu}/u.test(author)
  );
}

function baseRow(input: string, kind: Row['kind'], report: ImportReport): Row {
  let mojibake = 0;
  let trackers = 0;
  let oddBylines = 0;
  const messages = messagesOf(report);
  for (const { article, text } of report.imported) {
    mojibake += mojibakeCount(text);
    trackers += trackerCount(text);
    oddBylines += article.authors.filter(isOddByline).length;
    for (const author of article.authors.filter(isOddByline))
      messages.push(`odd byline: "${author}" in "${article.title}"`);
  }
  return {
    input,
    kind,
    imported: report.imported.length,
    skipped: report.skipped.length,
    failed: report.failed.length,
    oddBylines,
    mojibake,
    trackers,
    messages,
  };
}

const rows: Row[] = [];

/** The body figure the targets ask for: word recall and precision against the reader view's text. */
const BODY_AT_LEAST = 0.97;

// Feeds: every item, twice (the second import must change nothing).
for (const name of (await readdir(join(material, 'feeds'))).sort()) {
  const file = join(material, 'feeds', name);
  const report = await importArticles(options([file]));
  const again = await importArticles(options([file]));
  rows.push({ ...baseRow(name, 'feed', report), reimported: again.imported.length });
}

interface Expected {
  /** What a careful editor records for the page (`expected-import.json`): the reference for every graded field. */
  record: ExpectedImport;
  /** The reader view's text of the article (`expected.html`), which bodies are scored against. */
  text: string;
}

async function expectedOf(page: string): Promise<Expected> {
  const folder = join(material, 'pages', page);
  const record = JSON.parse(await readFile(join(folder, 'expected-import.json'), 'utf8')) as ExpectedImport;
  const text = htmlToPlainText(await readFile(join(folder, 'expected.html'), 'utf8'));
  return { record, text };
}

function pageRow(input: string, kind: PageKind, report: ImportReport, expected: Expected): Row {
  const row = baseRow(input, kind, report);
  const imported = report.imported[0]?.article;
  if (!imported) return { ...row, wrong: [...GRADED_FIELDS] };
  const wrong = wrongFields(expected.record, imported);
  for (const field of wrong) row.messages.push(`wrong ${difference(field, expected.record, imported)}`);
  // An article without `lang` is in the digest's language.
  const lang =
    (imported.lang ?? DIGEST_LANGUAGE).toLowerCase().split('-')[0] === expected.record.lang.toLowerCase().split('-')[0];
  if (!lang) row.messages.push(`wrong lang ${JSON.stringify(imported.lang)} (expected "${expected.record.lang}")`);
  return { ...row, wrong, lang, words: wordScore(expected.text, imported.body) };
}

/** What was imported for a wrong field, beside what the editor records. */
function difference(field: GradedField, expected: ExpectedImport, article: GradedFields): string {
  const got = { title: article.title, date: article.date, authors: article.authors, source: article.source.name }[
    field
  ];
  const want = field === 'title' && expected.page_title ? [expected.title, expected.page_title] : expected[field];
  return `${field} ${JSON.stringify(got)} (expected ${JSON.stringify(want)})`;
}

// Saved pages, each served as a web page on 127.0.0.1 and imported from its URL, then from the saved file.
const pagesFolder = join(material, 'pages');
const server: Server = createServer((request, response) => {
  const path = join(pagesFolder, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
  if (!path.startsWith(pagesFolder) || !path.endsWith('source.html') || !existsSync(path)) {
    response.writeHead(404).end();
    return;
  }
  readFile(path).then((bytes) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bytes));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const pages = (await readdir(pagesFolder)).sort();
try {
  for (const page of pages) {
    const expected = await expectedOf(page);
    const url = `http://127.0.0.1:${port}/${page}/source.html`;
    const report = await importArticles(options([url]));
    const again = await importArticles(options([url]));
    rows.push({ ...pageRow(`${page} (url)`, 'url', report, expected), reimported: again.imported.length });
  }
} finally {
  server.close();
}

// The same pages as saved files, into a digest of their own, where the pages imported from URLs are not duplicates.
const fileContent = join(workspace, 'files');
await mkdir(join(fileContent, 'articles'), { recursive: true });
for (const page of pages) {
  const report = await importArticles(options([join(pagesFolder, page, 'source.html')], { content: fileContent }));
  rows.push(pageRow(`${page} (file)`, 'file', report, await expectedOf(page)));
}

// Pasted texts: the same articles as an editor copies them; the outlet is what a text never says.
// They go to a digest of their own, where the pages imported above are not duplicates of them.
const pastedContent = join(workspace, 'pasted');
await mkdir(join(pastedContent, 'articles'), { recursive: true });
for (const page of pages) {
  const pasted = join(pagesFolder, page, 'pasted.txt');
  if (!existsSync(pasted)) continue;
  const expected = await expectedOf(page);
  // As an editor imports a pasted text: --source, the outlet the editor knows when pasting, and --date only where
  // the text shows no year and the importer asks for it.
  const { report, dated } = await importPastedAsEditor(await readFile(pasted, 'utf8'), expected.record, (overrides) =>
    importArticles(options([pasted], { ...overrides, content: pastedContent })),
  );
  rows.push(pageRow(`${page} (pasted${dated ? ', --date' : ''})`, 'pasted', report, expected));
}

interface Validity {
  pages: number;
  invalidPages: number;
  errors: number;
  /** Nu checker errors, when the checker (the `vnu-jar` package and Java) is installed. */
  nuErrors?: number | undefined;
  samples: string[];
  /** Pages where a heading comes more than one level below the one before it (h1 then h4). */
  headingSkips: number;
  /** Messages per html-validate rule. */
  rules: Record<string, number>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repository, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function nuErrors(files: string[]): Promise<number | undefined> {
  let jar: string;
  try {
    jar = createRequire(import.meta.url)('vnu-jar') as string;
  } catch {
    return undefined;
  }
  const { output } = await run('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], process.env);
  try {
    return (JSON.parse(output) as { messages: Array<{ type: string }> }).messages.filter(
      (message) => message.type === 'error',
    ).length;
  } catch {
    return undefined;
  }
}

function skipsHeadingLevel(html: string): boolean {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
  return levels.some((level, index) => index > 0 && level > levels[index - 1]! + 1);
}

/** Builds the digest and checks every article page's HTML. */
async function buildAndValidate(): Promise<Validity | { failed: string }> {
  const dist = join(workspace, 'dist');
  const env = {
    ...process.env,
    DOSSIER_CONTENT: content,
    DOSSIER_CACHE_DIR: join(workspace, 'cache'),
    NODE_COMPILE_CACHE: join(workspace, 'compile-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const build = await run(
    process.execPath,
    [join(repository, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', repository, '--outDir', dist],
    env,
  );
  if (build.code !== 0) return { failed: build.output.split('\n').filter(Boolean).slice(-15).join('\n') };
  const files = await glob('articles/*/index.html', { cwd: dist, absolute: true });
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off' },
  });
  let invalidPages = 0;
  let errors = 0;
  const samples: string[] = [];
  const rules: Record<string, number> = {};
  let headingSkips = 0;
  for (const file of files) {
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    const messages = report.results.flatMap((result) => result.messages);
    if (messages.length > 0) invalidPages += 1;
    errors += messages.length;
    for (const message of messages) rules[message.ruleId] = (rules[message.ruleId] ?? 0) + 1;
    if (skipsHeadingLevel(await readFile(file, 'utf8'))) headingSkips += 1;
    for (const message of messages.slice(0, 1))
      if (samples.length < 5)
        samples.push(`${file.slice(dist.length + 1)}:${message.line} ${message.ruleId}: ${message.message}`);
  }
  return {
    pages: files.length,
    invalidPages,
    errors,
    rules,
    headingSkips,
    nuErrors: files.length > 0 ? await nuErrors(files) : 0,
    samples,
  };
}

const validity = values['no-build'] ? undefined : await buildAndValidate();
await rm(workspace, { recursive: true, force: true });

const yes = (value: boolean | undefined) => (value === undefined ? '-' : value ? 'yes' : 'NO');
const percent = (value: number | undefined) => (value === undefined ? '-' : `${(value * 100).toFixed(1)}%`);
/** A graded field of a page row: right, wrong, or not graded (a feed, or nothing imported). */
const field = (row: Row, name: GradedField) =>
  row.wrong === undefined || row.imported === 0 ? undefined : !row.wrong.includes(name);
const isRight = (row: Row) => row.imported > 0 && row.wrong?.length === 0;
const hasFullBody = (row: Row) =>
  row.words !== undefined && row.words.recall >= BODY_AT_LEAST && row.words.precision >= BODY_AT_LEAST;
const width = Math.max(...rows.map((row) => row.input.length));
console.log(`Import quality on ${material}`);
console.log('imp/skip/fail: articles imported, skipped, inputs failed; again: articles a second import wrote;');
console.log(
  'title..lang: pages against expected-import.json (title or page_title, day, authors in any case, outlet contained, language);',
);
console.log(
  'recall/precision: words of the body against expected.html; odd: author entries that are not names; moji: mojibake marks;',
);
console.log('trackers: tracking links, pixels, ad/share images, "read more" footers.\n');
console.log(
  `${'input'.padEnd(width)}  imp skip fail again  title date authors source lang  recall  precis.  odd moji trackers`,
);
for (const row of rows) {
  console.log(
    [
      row.input.padEnd(width),
      String(row.imported).padStart(3),
      String(row.skipped).padStart(4),
      String(row.failed).padStart(4),
      (row.reimported === undefined ? '-' : String(row.reimported)).padStart(5),
      yes(field(row, 'title')).padStart(5),
      yes(field(row, 'date')).padStart(4),
      yes(field(row, 'authors')).padStart(7),
      yes(field(row, 'source')).padStart(6),
      yes(row.imported > 0 ? row.lang : undefined).padStart(4),
      percent(row.words?.recall).padStart(7),
      percent(row.words?.precision).padStart(8),
      String(row.oddBylines).padStart(4),
      String(row.mojibake).padStart(4),
      String(row.trackers).padStart(8),
    ].join(' '),
  );
  for (const message of row.messages.filter((text) => /^(?:failed|skipped|odd|wrong)/.test(text)).slice(0, 4))
    console.log(`    ${message}`);
}

/** The totals per kind of page import, as the targets count them. */
function pageTotals(kind: PageKind) {
  const ofKind = rows.filter((row) => row.kind === kind);
  const count = (name: GradedField) => ofKind.filter((row) => field(row, name)).length;
  return {
    inputs: ofKind.length,
    imported: ofKind.filter((row) => row.imported > 0).length,
    right: ofKind.filter(isRight).length,
    title: count('title'),
    date: count('date'),
    authors: count('authors'),
    source: count('source'),
    lang: ofKind.filter((row) => row.imported > 0 && row.lang).length,
    fullBodies: ofKind.filter(hasFullBody).length,
    rightWithFullBodies: ofKind.filter((row) => isRight(row) && hasFullBody(row)).length,
  };
}
const totals = { url: pageTotals('url'), file: pageTotals('file'), pasted: pageTotals('pasted') };
console.log(
  `\ntotals (right: title, date, authors and outlet all right; bodies: recall and precision ≥ ${BODY_AT_LEAST * 100}%):`,
);
for (const [kind, total] of Object.entries(totals))
  console.log(
    `    ${kind.padEnd(6)} right ${total.right}/${total.inputs} (title ${total.title}, date ${total.date}, authors ${total.authors}, ` +
      `outlet ${total.source}, lang ${total.lang}; imported ${total.imported}); bodies ${total.fullBodies}/${total.inputs}, ` +
      `right with full bodies ${total.rightWithFullBodies}/${total.inputs}`,
  );
if (validity && 'failed' in validity) console.log(`\nbuild failed:\n${validity.failed}`);
else if (validity) {
  console.log(
    `\nbuilt ${validity.pages} article pages: ${validity.invalidPages} invalid by html-validate (${validity.errors} messages)` +
      (validity.nuErrors === undefined
        ? '; Nu checker not installed (vnu-jar)'
        : `; Nu checker: ${validity.nuErrors} errors`),
  );
  console.log(`    pages whose headings skip a level: ${validity.headingSkips}`);
  console.log(
    `    by rule: ${
      Object.entries(validity.rules)
        .map(([rule, count]) => `${rule} ${count}`)
        .join(', ') || 'none'
    }`,
  );
  for (const sample of validity.samples) console.log(`    ${sample}`);
}
const sum = (key: 'imported' | 'skipped' | 'failed' | 'mojibake' | 'trackers' | 'oddBylines', kind?: Row['kind']) =>
  rows.filter((row) => !kind || row.kind === kind).reduce((total, row) => total + row[key], 0);
console.log(
  JSON.stringify({
    feeds: {
      inputs: rows.filter((row) => row.kind === 'feed').length,
      imported: sum('imported', 'feed'),
      skipped: sum('skipped', 'feed'),
      failed: sum('failed', 'feed'),
    },
    mojibake: sum('mojibake'),
    trackers: sum('trackers'),
    oddBylines: sum('oddBylines'),
    reimported: rows.reduce((total, row) => total + (row.reimported ?? 0), 0),
    totals,
    pages: rows
      .filter((row) => row.kind !== 'feed')
      .map(({ input, imported, failed, wrong, lang, words }) => ({
        input,
        imported,
        failed,
        wrong,
        lang,
        recall: words?.recall,
        precision: words?.precision,
      })),
    build:
      validity && !('failed' in validity)
        ? {
            pages: validity.pages,
            invalidPages: validity.invalidPages,
            htmlValidateMessages: validity.errors,
            rules: validity.rules,
            headingSkips: validity.headingSkips,
            nuErrors: validity.nuErrors,
          }
        : validity
          ? 'failed'
          : 'skipped',
  }),
);
