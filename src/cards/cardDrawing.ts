/**
 * Social cards drawn beside the build instead of by their routes. Routes run on Astro's one
 * rendering thread, and a card is about 5 ms of Pango and zlib: drawn there, cards added 10 % to a
 * clean build of 1,000 articles and 25 % at 10,000. So the content sync lists the cards the site
 * needs and the card cache lacks (`listCardsToDraw`), the build draws them on worker threads from
 * the moment Astro starts bundling (`startCardDrawing`), and a card's route waits for its file
 * (`keptCard`), drawing the card itself only when no worker does (in development, for one).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import type { BuildContract } from '../build/buildContract.ts';
import { createTranslator } from '../i18n/translate.ts';
import { articleCard, digestCard, siteAddress, type CardArticle } from './cardContent.ts';
import type { CardAnswer, CardRequest } from './cardWorker.ts';
import type { CardLayout } from './socialCard.ts';
import { cachedCard, cardFile, type CardCache } from './socialCardImage.ts';

/** The cards the content sync found missing, in the card cache, for the build to draw. */
const LIST = 'cards-to-draw.json';

/** A card listed for drawing: done when a worker has drawn it, or when its route takes it back to draw itself. */
interface ListedCard {
  done: Promise<void>;
  /** Takes the card back from the workers when none has started it: true, and the caller draws it. */
  takeBack: () => boolean;
}

/**
 * Cards listed for the workers, by file. The integration that starts the drawing and the routes
 * that wait for it run in one process but as separate copies of this module (Astro bundles the
 * routes), so they share the registry through the global object.
 */
const REGISTRY = '__dossierCardsBeingDrawn';
const listed = ((globalThis as Record<string, unknown>)[REGISTRY] ??= new Map()) as Map<string, ListedCard>;

/** Cards a worker is sent at a time: one drawing while the next one's answer travels. */
const CARDS_IN_FLIGHT = 2;

/**
 * Lists every card the site shows (the digest's, when it has an address, and each published
 * article's) that the card cache lacks, for `startCardDrawing`. `articles` are the published ones.
 */
export async function listCardsToDraw(
  build: BuildContract,
  articles: readonly CardArticle[],
  site: string | undefined,
): Promise<number> {
  const cache: CardCache = { folder: build.paths.cardCache, code: build.cardCode };
  const translator = createTranslator(build.topic.language, build.topic.ui, build.uiLanguage);
  const layouts = articles.map((article) => articleCard(article, build.topic, translator).layout);
  if (site) layouts.unshift(digestCard(build.topic, translator, siteAddress(new URL(site), build.base)).layout);
  const kept = new Set(await readdir(cache.folder).catch(() => []));
  const missing: CardRequest[] = layouts
    .map((layout) => ({ file: cardFile(layout, cache), layout }))
    .filter(({ file }) => !kept.has(file.slice(cache.folder.length)));
  const list = `${cache.folder}${LIST}`;
  if (missing.length === 0) await rm(list, { force: true });
  else {
    await mkdir(cache.folder, { recursive: true });
    await writeFile(`${list}.${process.pid}`, JSON.stringify(missing));
    await rename(`${list}.${process.pid}`, list);
  }
  return missing.length;
}

export interface CardDrawing {
  /** Resolves when every listed card is drawn (or left to its route), after logging how it went. */
  finished(): Promise<void>;
}

/**
 * Starts drawing the cards `listCardsToDraw` listed, on one worker per core the main thread leaves
 * free. A worker that fails leaves its cards, and every card not yet sent, to their routes.
 */
export async function startCardDrawing(
  cache: CardCache,
  logger: AstroIntegrationLogger,
  workerCount = Math.max(1, availableParallelism() - 1),
): Promise<CardDrawing> {
  const list = `${cache.folder}${LIST}`;
  const requests = await readFile(list, 'utf8').then(
    (text) => JSON.parse(text) as CardRequest[],
    () => [],
  );
  await rm(list, { force: true });
  if (requests.length === 0) return { finished: async () => {} };
  const started = performance.now();
  /** Cards neither sent to a worker nor taken back by their routes; the workers take them in the order listed. */
  const unsent = new Set(requests.map(({ file }) => file));
  let next = 0;
  const settle = new Map<string, () => void>();
  const release = (file: string) => {
    unsent.delete(file);
    settle.get(file)?.();
    settle.delete(file);
    listed.delete(file);
  };
  for (const { file } of requests)
    listed.set(file, {
      done: new Promise((resolve) => settle.set(file, resolve)),
      takeBack: () => unsent.has(file) && (release(file), true),
    });
  let drawn = 0;
  let failure: string | undefined;
  let ended = started;
  const count = Math.min(workerCount, requests.length);
  const workers = Array.from(
    { length: count },
    () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(new URL('./cardWorker.ts', import.meta.url));
        const inFlight = new Set<string>();
        const send = () => {
          while (inFlight.size < CARDS_IN_FLIGHT && next < requests.length) {
            const request = requests[next++]!;
            if (!unsent.delete(request.file)) continue;
            inFlight.add(request.file);
            worker.postMessage(request);
          }
          if (inFlight.size === 0) void worker.terminate();
        };
        worker.on('message', ({ file, error }: CardAnswer) => {
          inFlight.delete(file);
          if (error === undefined) drawn++;
          else failure ??= error;
          release(file);
          send();
        });
        // A worker that fails stops the drawing: the routes draw every card not drawn yet (the same bytes).
        worker.on('error', (error: Error) => {
          failure ??= error.message;
          for (const file of [...settle.keys()]) release(file);
        });
        worker.on('exit', () => {
          for (const file of inFlight) release(file);
          ended = performance.now();
          resolve();
        });
        send();
      }),
  );
  return {
    async finished() {
      await Promise.all(workers);
      logger.info(
        `Social cards: ${drawn} of ${requests.length} drawn beside the build on ${count} worker thread(s) in ${Math.round(ended - started)} ms, the others by their routes`,
      );
      if (failure !== undefined)
        logger.warn(`Social cards: a worker failed, leaving cards to their routes (${failure}).`);
    },
  };
}

/**
 * The card's PNG as its route serves it: kept from an earlier build, drawn by a worker (waited
 * for), or drawn now. Astro renders the card routes early, before the workers are far ahead: a card
 * no worker has started is drawn here, so the route and the workers share what is left.
 */
export async function keptCard(layout: CardLayout, cache: CardCache): Promise<Buffer> {
  const card = listed.get(cardFile(layout, cache));
  if (card && !card.takeBack()) await card.done;
  return cachedCard(layout, cache);
}
