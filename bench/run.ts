/**
 * `npm run bench -- --articles N [--seed S] [--runs R]`: generates a synthetic digest of N
 * articles in a temporary folder, builds it with Dossier's real pipeline and with the floor (a
 * bare Astro project plus the Pagefind CLI, in `bench/floor/`), alternating the two, then adds
 * one article and rebuilds Dossier. Prints a table and, last, one JSON line with every figure.
 *
 * Other flags: --skip-floor, --skip-incremental, --keep (leave the temporary folder),
 * --profile (write V8 CPU profiles of Dossier's clean builds into the temporary folder),
 * --photos outlet|local|none (articles' photo addresses: an outlet's, which the bench cannot
 * fetch, the default; a server of the bench's on 127.0.0.1; none).
 *
 * `--compare cards|photos` measures what a cache saves instead, in clean builds of Dossier alone,
 * alternating the kinds of build in every round (`--runs` rounds):
 * - cards: the card cache emptied (every social card drawn) against the card cache kept;
 * - photos (served on 127.0.0.1): the photo cache and Astro's image cache emptied (every photo
 *   fetched, decoded and made into its sizes) against both kept, and against the same digest
 *   without photos; the card cache is kept in all three, after a first build that fills the caches.
 * Each build's wall time, phases and processor time (its whole process tree) are printed.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  phasesFromLog,
  searchSecondsBesideBuild,
  stripAnsi,
  workFromLog,
  type BuildPhases,
  type BuildWork,
  type LogLine,
} from './buildLog.ts';
import { createCorpusPool, syntheticArticle, writeCorpus, type PhotoOrigin } from './corpus.ts';
import { measureOutput, PAGE_BUDGET_BYTES, type OutputFigures } from './output.ts';
import { startPhotoServer, type PhotoServer } from './photoServer.ts';
import { childrenCpuSeconds, sampleTreeMemory } from './processTree.ts';

const repository = fileURLToPath(new URL('..', import.meta.url));
const floorRoot = fileURLToPath(new URL('./floor/', import.meta.url));
const astroCli = join(repository, 'node_modules/astro/bin/astro.mjs');
const pagefindCli = join(repository, 'node_modules/pagefind/lib/runner/bin.cjs');

interface CommandResult {
  lines: LogLine[];
  seconds: number;
  peakBytes: number;
  /** Processor seconds of the command's whole process tree. */
  cpuSeconds: number;
}

/** Runs a command to completion, stamping each output line and sampling the tree's memory. */
function runCommand(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = sampleTreeMemory(child.pid!);
    const log = createWriteStream(options.logFile);
    const lines: LogLine[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (raw) => {
        const line = { at: (performance.now() - started) / 1000, text: stripAnsi(raw) };
        lines.push(line);
        log.write(`${line.at.toFixed(3)} ${line.text}\n`);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakBytes = memory.stop();
      log.end();
      const cpuSeconds = childrenCpuSeconds() - cpuBefore;
      if (code === 0) resolve({ lines: lines.sort((a, b) => a.at - b.at), seconds, peakBytes, cpuSeconds });
      else reject(new Error(`${args.slice(1).join(' ')} failed with exit code ${code}; see ${options.logFile}`));
    });
  });
}

/**
 * Builds run from inside the workspace: Astro stages its server bundle in `<cwd>/.astro/` when
 * the output folder lies outside the working directory, and builds sharing a checkout would
 * overwrite each other's bundle there. The bundle imports packages, hence the link to them.
 */
async function linkDependencies(workspace: string): Promise<void> {
  await symlink(join(repository, 'node_modules'), join(workspace, 'node_modules'), 'dir');
}

interface BuildFigures {
  phases: BuildPhases;
  peakRssBytes: number;
  /** Pages Pagefind reports having indexed. */
  indexedPages: number;
  /** Seconds Pagefind worked beside Astro's phases (Dossier only; the floor indexes afterwards). */
  searchBesideBuild: number;
  /** What Dossier's build did again and kept (for a rebuild, the point of it). */
  work?: BuildWork | undefined;
  /** Processor seconds of the build's process tree. */
  cpuSeconds?: number | undefined;
  /** The build's own lines on its social cards and photos. */
  notes?: string[] | undefined;
}

interface Workspace {
  directory: string;
  content: string;
  profile: boolean;
  /** More environment for Dossier's builds. */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The time Astro reports for each card route it rendered (up to 4 at a time, so times overlap). */
function cardRoutesNote(text: string): string {
  const times = [...text.matchAll(/card\.png\s+\(\+([\d.]+)(m?s)\)/g)].map(
    ([, time, unit]) => Number(time) * (unit === 's' ? 1000 : 1),
  );
  const total = times.reduce((sum, time) => sum + time, 0);
  return `Card routes: ${times.length} rendered, ${(total / 1000).toFixed(1)} s in all, median ${times.length ? median(times).toFixed(0) : 0} ms`;
}

const INDEXED = /Indexed (\d+) pages?/;

function indexedPages(lines: readonly LogLine[]): number {
  const line = lines.findLast((entry) => INDEXED.test(entry.text));
  return line ? Number(INDEXED.exec(line.text)![1]) : 0;
}

function buildEnv(workspace: Workspace, name: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...workspace.env,
    DOSSIER_CONTENT: workspace.content,
    DOSSIER_CACHE_DIR: join(workspace.directory, `${name}-cache`),
    // Astro keeps V8's compile cache in the system temp folder; one per build keeps clean builds clean.
    NODE_COMPILE_CACHE: join(workspace.directory, `${name}-compile-cache`),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

async function clean(workspace: Workspace, name: string): Promise<void> {
  for (const folder of ['dist', 'cache', 'compile-cache'])
    await rm(join(workspace.directory, `${name}-${folder}`), { recursive: true, force: true });
}

let buildNumber = 0;

async function buildDossier(workspace: Workspace, options: { clean: boolean }): Promise<BuildFigures> {
  if (options.clean) await clean(workspace, 'dossier');
  const profile =
    workspace.profile && options.clean ? ['--cpu-prof', `--cpu-prof-dir=${join(workspace.directory, 'profiles')}`] : [];
  const result = await runCommand(
    [...profile, astroCli, 'build', '--root', repository, '--outDir', join(workspace.directory, 'dossier-dist')],
    {
      cwd: workspace.directory,
      env: buildEnv(workspace, 'dossier'),
      logFile: join(workspace.directory, `build-${++buildNumber}-dossier.log`),
    },
  );
  return {
    phases: phasesFromLog(result.lines, result.seconds),
    peakRssBytes: result.peakBytes,
    indexedPages: indexedPages(result.lines),
    searchBesideBuild: searchSecondsBesideBuild(result.lines),
    work: workFromLog(result.lines.map((line) => line.text).join('\n')),
    cpuSeconds: result.cpuSeconds,
    notes: [
      ...result.lines
        .filter((line) => /Social cards: |Photos: /.test(line.text))
        .map((line) => line.text.replace(/^.*?(Social cards: |Photos: )/, '$1')),
      cardRoutesNote(result.lines.map((line) => line.text).join('\n')),
    ],
  };
}

async function buildFloor(workspace: Workspace): Promise<BuildFigures> {
  await clean(workspace, 'floor');
  const dist = join(workspace.directory, 'floor-dist');
  const env = buildEnv(workspace, 'floor');
  const number = ++buildNumber;
  const astro = await runCommand([astroCli, 'build', '--root', floorRoot, '--outDir', dist], {
    cwd: workspace.directory,
    env,
    logFile: join(workspace.directory, `build-${number}-floor.log`),
  });
  const search = await runCommand([pagefindCli, '--site', dist], {
    cwd: workspace.directory,
    env,
    logFile: join(workspace.directory, `build-${number}-floor-pagefind.log`),
  });
  const phases = phasesFromLog(astro.lines, astro.seconds);
  return {
    phases: { ...phases, searchIndexing: search.seconds, total: phases.total + search.seconds },
    peakRssBytes: Math.max(astro.peakBytes, search.peakBytes),
    indexedPages: indexedPages(search.lines),
    searchBesideBuild: 0,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of every figure over several builds of one kind. */
function medianBuild(builds: readonly BuildFigures[]): BuildFigures {
  const phaseNames = Object.keys(builds[0]!.phases) as (keyof BuildPhases)[];
  return {
    phases: Object.fromEntries(
      phaseNames.map((name) => [name, median(builds.map((build) => build.phases[name]))]),
    ) as unknown as BuildPhases,
    peakRssBytes: median(builds.map((build) => build.peakRssBytes)),
    indexedPages: median(builds.map((build) => build.indexedPages)),
    searchBesideBuild: median(builds.map((build) => build.searchBesideBuild)),
    // Clean builds of one corpus all do the same work.
    work: builds[0]!.work,
  };
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const PHASE_ROWS: [string, keyof BuildPhases][] = [
  ['startup', 'startup'],
  ['content sync', 'contentSync'],
  ['bundling', 'bundling'],
  ['page rendering', 'pageRendering'],
  ['search indexing (after)', 'searchIndexing'],
  ['other', 'other'],
  ['total', 'total'],
];

function printReport(report: BenchReport): void {
  const { floor, dossier, incremental, output } = report;
  const column = (build: BuildFigures | undefined, figure: (build: BuildFigures) => string) =>
    build ? figure(build) : '–';
  const rows: string[][] = PHASE_ROWS.map(([label, key]) => [
    label,
    ...[floor, dossier, incremental].map((build) => column(build, (b) => seconds(b.phases[key]))),
  ]);
  rows.push([
    'Pagefind beside the build',
    '–',
    ...[dossier, incremental].map((build) => column(build, (b) => seconds(b.searchBesideBuild))),
  ]);
  rows.push([
    'peak RSS (process tree)',
    ...[floor, dossier, incremental].map((build) => column(build, (b) => gib(b.peakRssBytes))),
  ]);
  rows.push([
    'pages rendered / kept',
    '–',
    ...[dossier, incremental].map((build) => column(build, (b) => `${b.work?.pagesRendered} / ${b.work?.pagesKept}`)),
  ]);
  rows.push([
    'finding entity mentions',
    '–',
    ...[dossier, incremental].map((build) =>
      column(build, (b) => `${((b.work?.mentionMilliseconds ?? 0) / 1000).toFixed(1)} s`),
    ),
  ]);
  rows.push([
    'Who’s who pages: rendered, time',
    '–',
    ...[dossier, incremental].map((build) =>
      column(
        build,
        (b) => `${b.work?.whoPagesRendered}, ${((b.work?.whoRenderMilliseconds ?? 0) / 1000).toFixed(1)} s`,
      ),
    ),
  ]);
  rows.push([
    'articles indexed for search',
    ...[floor, dossier, incremental].map((build) =>
      column(build, (b) => String(b.work?.articlesIndexed ?? b.indexedPages)),
    ),
  ]);
  console.log(
    `\nDossier bench: ${report.articles} articles (seed ${report.seed}, ${report.corpusWords} words), median of ${report.runs} run(s)\n`,
  );
  const line = (cells: string[]) =>
    console.log(
      cells[0]!.padEnd(28) +
        cells
          .slice(1)
          .map((cell) => cell.padStart(15))
          .join(''),
    );
  line(['phase', 'floor', 'Dossier', 'one added']);
  for (const row of rows) line(row);
  if (report.ratioToFloor !== undefined) console.log(`\nDossier / floor (total): ${report.ratioToFloor.toFixed(2)}×`);
  if (incremental) {
    console.log(
      `One article added, rebuilt: ${seconds(incremental.phases.total)} (${((100 * incremental.phases.total) / dossier.phases.total).toFixed(0)} % of clean), peak ${gib(incremental.peakRssBytes)}`,
    );
  }
  console.log(
    `\nPages written ${output.pages} (${output.articlePages} articles); dist ${mib(output.distBytes)}; search index ${mib(output.searchIndexBytes)}`,
  );
  console.log(
    `Median article page: ${kib(output.articleHtmlBytes)} HTML, ${kib(output.articleHtmlGzipBytes)} gzip + ${kib(output.articleCssGzipBytes)} CSS gzip; ${output.articleJsBytes} bytes of JavaScript`,
  );
  console.log(
    `Largest page: ${output.largestPage.path} (${kib(output.largestPage.bytes)}); ${output.pagesOverBudget} pages over ${kib(PAGE_BUDGET_BYTES)}\n`,
  );
}

/** A kind of clean build in `--compare`: its content, and the cache folders it keeps and leaves for the next. */
interface CacheVariant {
  name: string;
  content: string;
  /** Folders of Astro's cache folder kept from the last build that left them (the rest is emptied). */
  keeps: string[];
  /** Folders this build leaves for the next (`keeps` among them). */
  leaves: string[];
}

/** The photo addresses on the bench's server that the articles in `folder` name. */
async function photoAddresses(folder: string, origin: string): Promise<string[]> {
  const urls: string[] = [];
  for (const name of await readdir(folder)) {
    const match = /^ {2}src: (\S+)$/m.exec(await readFile(join(folder, name), 'utf8'));
    if (match?.[1]?.startsWith(origin)) urls.push(match[1]);
  }
  return urls;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Clean builds of each variant, `rounds` times, in an order reversed every round; prints every build. */
async function compareCaches(
  workspace: Workspace,
  options: {
    kind: 'cards' | 'photos';
    rounds: number;
    pool: ReturnType<typeof createCorpusPool>;
    articles: number;
    photoServer: PhotoServer | undefined;
  },
): Promise<void> {
  const { directory } = workspace;
  const cache = join(directory, 'dossier-cache');
  const store = join(directory, 'kept-caches');
  await mkdir(store, { recursive: true });
  const CARDS = 'dossier-cards';
  const PHOTOS = ['dossier-photos', 'assets'];
  let variants: CacheVariant[];
  let warmUp = false;
  if (options.kind === 'cards') {
    variants = [
      { name: 'cards drawn', content: workspace.content, keeps: [], leaves: [CARDS] },
      { name: 'cards kept', content: workspace.content, keeps: [CARDS], leaves: [CARDS] },
    ];
  } else {
    const withoutPhotos = join(directory, 'content-without-photos');
    await writeCorpus(withoutPhotos, options.pool, 0, options.articles, 'none');
    variants = [
      { name: 'photos fetched', content: workspace.content, keeps: [CARDS], leaves: [CARDS, ...PHOTOS] },
      { name: 'photos kept', content: workspace.content, keeps: [CARDS, ...PHOTOS], leaves: [CARDS, ...PHOTOS] },
      { name: 'no photos', content: withoutPhotos, keeps: [CARDS], leaves: [CARDS] },
    ];
    warmUp = true;
  }
  const build = async (variant: CacheVariant, label: string): Promise<BuildFigures> => {
    await clean(workspace, 'dossier');
    await mkdir(cache, { recursive: true });
    for (const folder of variant.keeps)
      if (await exists(join(store, folder))) await rename(join(store, folder), join(cache, folder));
    const servedBefore = options.photoServer?.served() ?? 0;
    console.log(`${label}: ${variant.name}…`);
    const figures = await buildDossier({ ...workspace, content: variant.content }, { clean: false });
    for (const folder of variant.leaves) {
      await rm(join(store, folder), { recursive: true, force: true });
      if (await exists(join(cache, folder))) await rename(join(cache, folder), join(store, folder));
    }
    const served = (options.photoServer?.served() ?? 0) - servedBefore;
    const { phases } = figures;
    console.log(
      `  ${seconds(phases.total)} wall, ${seconds(figures.cpuSeconds ?? 0)} processor (sync ${seconds(phases.contentSync)}, bundling ${seconds(phases.bundling)}, rendering ${seconds(phases.pageRendering)}, search after ${seconds(phases.searchIndexing)}, other ${seconds(phases.other)}), peak ${gib(figures.peakRssBytes)}${options.photoServer ? `, ${served} photos served` : ''}`,
    );
    for (const note of figures.notes ?? []) console.log(`  ${note}`);
    return figures;
  };
  if (warmUp) await build(variants[0]!, 'Warm-up (fills the caches, not counted)');
  const runs = new Map<string, BuildFigures[]>(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order)
      runs.get(variant.name)!.push(await build(variant, `Round ${round + 1}/${options.rounds}`));
  }
  console.log(`\nDossier bench, --compare ${options.kind}: ${options.articles} articles, clean builds, every run`);
  const baseline = median(runs.get(variants[1]!.name)!.map((figures) => figures.phases.total));
  for (const [name, figures] of runs) {
    const totals = figures.map((build) => build.phases.total);
    const processor = figures.map((build) => build.cpuSeconds ?? 0);
    console.log(
      `${name.padEnd(16)} wall ${totals.map((value) => value.toFixed(1)).join(' / ')} s (median ${median(totals).toFixed(1)}, ${(100 * (median(totals) / baseline - 1)).toFixed(1)} % over ${variants[1]!.name}); processor ${processor.map((value) => value.toFixed(1)).join(' / ')} s`,
    );
  }
  console.log(JSON.stringify({ compare: options.kind, articles: options.articles, runs: Object.fromEntries(runs) }));
}

interface BenchReport {
  articles: number;
  seed: number;
  runs: number;
  corpusWords: number;
  floor?: BuildFigures | undefined;
  floorRuns?: BuildFigures[] | undefined;
  dossier: BuildFigures;
  dossierRuns: BuildFigures[];
  ratioToFloor?: number | undefined;
  incremental?: BuildFigures | undefined;
  output: OutputFigures;
  floorOutput?: OutputFigures | undefined;
  workspace: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '1' },
      'skip-floor': { type: 'boolean', default: false },
      'skip-incremental': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      photos: { type: 'string', default: 'outlet' },
      compare: { type: 'string' },
    },
  });
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (
    !Number.isInteger(articles) ||
    articles < 1 ||
    !Number.isInteger(seed) ||
    !Number.isInteger(runs) ||
    runs < 1 ||
    !['outlet', 'local', 'none'].includes(values.photos) ||
    (values.compare !== undefined && !['cards', 'photos'].includes(values.compare))
  ) {
    throw new Error(
      'usage: npm run bench -- --articles N [--seed S] [--runs R] [--skip-floor] [--skip-incremental] [--keep] [--profile] [--photos outlet|local|none] [--compare cards|photos]',
    );
  }

  const directory = await mkdtemp(join(tmpdir(), 'dossier-bench-'));
  await linkDependencies(directory);
  const workspace: Workspace = { directory, content: join(directory, 'content'), profile: values.profile };
  const photoServer =
    values.photos === 'local' || values.compare === 'photos'
      ? await startPhotoServer(join(directory, 'served-photos'))
      : undefined;
  if (photoServer) workspace.env = { DOSSIER_ALLOW_LOCAL_FETCH: '1' };
  const photos: PhotoOrigin = photoServer
    ? { origin: photoServer.origin }
    : values.photos === 'none'
      ? 'none'
      : 'outlet';
  console.log(`Generating ${articles} articles in ${workspace.content}…`);
  const pool = createCorpusPool(seed);
  const corpusWords = await writeCorpus(workspace.content, pool, 0, articles, photos);
  if (photoServer) {
    const urls = await photoAddresses(join(workspace.content, 'articles'), photoServer.origin);
    console.log(`Making ${urls.length} photos to serve…`);
    await photoServer.prepare(urls);
  }
  if (values.compare) {
    await compareCaches(workspace, {
      kind: values.compare as 'cards' | 'photos',
      rounds: runs,
      pool,
      articles,
      photoServer,
    });
    await photoServer?.close();
    if (!values.keep) await rm(directory, { recursive: true, force: true });
    else console.log(`Kept ${directory}`);
    return;
  }

  const floorRuns: BuildFigures[] = [];
  const dossierRuns: BuildFigures[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternating which goes first spreads the machine's drift over both.
    const order = values['skip-floor'] ? ['dossier'] : run % 2 === 0 ? ['floor', 'dossier'] : ['dossier', 'floor'];
    for (const kind of order) {
      console.log(`Run ${run + 1}/${runs}: building the ${kind === 'floor' ? 'floor' : 'Dossier site'}…`);
      if (kind === 'floor') floorRuns.push(await buildFloor(workspace));
      else dossierRuns.push(await buildDossier(workspace, { clean: true }));
      const latest = (kind === 'floor' ? floorRuns : dossierRuns).at(-1)!;
      console.log(`  ${seconds(latest.phases.total)}, peak ${gib(latest.peakRssBytes)}`);
    }
  }
  const output = await measureOutput(join(directory, 'dossier-dist'));
  const floorOutput = floorRuns.length > 0 ? await measureOutput(join(directory, 'floor-dist')) : undefined;

  let incremental: BuildFigures | undefined;
  if (!values['skip-incremental']) {
    const added = syntheticArticle(pool, articles);
    await writeFile(join(workspace.content, 'articles', added.fileName), added.text);
    console.log(`Adding ${added.fileName} and rebuilding…`);
    incremental = await buildDossier(workspace, { clean: false });
  }

  const dossier = medianBuild(dossierRuns);
  const floor = floorRuns.length > 0 ? medianBuild(floorRuns) : undefined;
  const report: BenchReport = {
    articles,
    seed,
    runs,
    corpusWords,
    floor,
    floorRuns: floor && floorRuns,
    dossier,
    dossierRuns,
    ratioToFloor: floor && dossier.phases.total / floor.phases.total,
    incremental,
    output,
    floorOutput,
    workspace: values.keep ? directory : '',
  };
  printReport(report);
  await photoServer?.close();
  if (!values.keep) await rm(directory, { recursive: true, force: true });
  else console.log(`Kept ${directory}`);
  console.log(JSON.stringify(report));
}

await main();
