/**
 * Cards drawn beside the build: the content sync lists the cards the card cache lacks, worker
 * threads draw them, and a route gets the very PNG it would have drawn itself, whether a worker
 * drew it, it was kept, or the route took it back from the workers and drew it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildContract } from '../../../src/build/buildContract.ts';
import { articleCard, digestCard, type CardArticle } from '../../../src/cards/cardContent.ts';
import { keptCard, listCardsToDraw, startCardDrawing } from '../../../src/cards/cardDrawing.ts';
import { renderCard } from '../../../src/cards/socialCardImage.ts';
import { createTranslator } from '../../../src/i18n/translate.ts';

const topic = { title: 'Huawei in Brussels', description: 'How Huawei answered the EU.', language: 'en', ui: {} };

const articles: CardArticle[] = ['First', 'Second', 'Third'].map((word, index) => ({
  id: `article-${index}`,
  data: { title: `${word} report on the EU`, date: { day: `2019-03-0${index + 1}` }, source: { name: 'Tech Wire' } },
}));

function loggerInto(lines: string[]): AstroIntegrationLogger {
  const log = (line: string) => lines.push(line);
  return { info: log, warn: log, error: log, debug: log } as unknown as AstroIntegrationLogger;
}

describe('cards drawn beside the build', () => {
  let folder: string;
  let build: BuildContract;

  beforeEach(async () => {
    folder = `${await mkdtemp(join(tmpdir(), 'card-drawing-'))}/`;
    build = {
      topic,
      uiLanguage: 'en',
      base: '/',
      paths: { cardCache: folder },
      cardCode: 'test',
    } as unknown as BuildContract;
  });
  afterEach(() => rm(folder, { recursive: true }));

  it('draws every card the cache lacks on workers, the last two taken back by their routes, all as a route would', async () => {
    expect(await listCardsToDraw(build, articles, 'https://dossier.example.org/')).toBe(4);
    const lines: string[] = [];
    const drawing = await startCardDrawing({ folder, code: 'test' }, loggerInto(lines), 1);
    const translator = createTranslator('en');
    const layouts = [
      digestCard(topic, translator, 'dossier.example.org').layout,
      ...articles.map((article) => articleCard(article, topic, translator).layout),
    ];
    // The worker starts on the first two cards; the routes of the last two ask before it has them, and draw them.
    const pngs = await Promise.all([...layouts].reverse().map((layout) => keptCard(layout, { folder, code: 'test' })));
    await drawing.finished();
    for (const [index, layout] of [...layouts].reverse().entries())
      expect(pngs[index]!.equals(await renderCard(layout))).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/^Social cards: 2 of 4 drawn beside the build on 1 worker/)]);
    expect((await readdir(folder)).filter((name) => name.endsWith('.png'))).toHaveLength(4);
    expect(await readdir(folder)).toHaveLength(4);
    // Kept: nothing more to draw.
    expect(await listCardsToDraw(build, articles, 'https://dossier.example.org/')).toBe(0);
    const idle = await startCardDrawing({ folder, code: 'test' }, loggerInto(lines));
    await idle.finished();
    expect(lines).toHaveLength(1);
  });

  it('draws nothing without a list, and the route draws its card itself', async () => {
    const drawing = await startCardDrawing({ folder, code: 'test' }, loggerInto([]));
    await drawing.finished();
    const layout = articleCard(articles[0]!, topic, createTranslator('en')).layout;
    expect((await keptCard(layout, { folder, code: 'test' })).equals(await renderCard(layout))).toBe(true);
    expect(await readdir(folder)).toHaveLength(1);
  });
});
