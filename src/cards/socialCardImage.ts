/**
 * Draws a social card's layout (`socialCard.ts`) as a PNG, and keeps every card drawn in the card
 * cache, named by what it shows and the code that drew it, so a rebuild draws only new cards.
 *
 * Text is laid out by Pango through sharp (libvips): it shapes Arabic and Indic scripts, orders
 * bidirectional text, breaks lines by the language's rules and falls back between the system's
 * fonts. Each block comes out as a coverage mask; the card is drawn from the masks as a PNG of
 * 256 indexed colours (two inks blended into the paper, 128 steps each). Measured on 2 cores, a
 * card drawn with sharp's `composite` and written as an RGB PNG took 15–22 ms, most of it
 * compositing in floating point; from masks into an indexed PNG written with Node's zlib, about
 * 5 ms of processor time.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import { codeFingerprint } from '../build/codeFingerprint.ts';
import {
  blockMarkup,
  CARD_COLOURS,
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  type CardBlock,
  type CardLayout,
} from './socialCard.ts';

const deflateAsync = promisify(deflate);

/** The bar along the card's starting side, in the accent ink. */
const BAR = 24;
/** Palette indices: 0–127 blend the paper into the text's ink, 128–255 into the accent's. */
const INK_BASE = { text: 0, accent: 128 } as const;

interface Mask {
  data: Buffer;
  width: number;
  height: number;
}

/** Masks of blocks many cards share (the digest's name, an outlet, a date), drawn once per build. */
const masks = new Map<string, Promise<Mask>>();
const MASKS_KEPT = 2_000;

async function drawText(markup: string, width: number): Promise<Mask> {
  const { data, info } = await sharp({ text: { text: markup, width, wrap: 'word-char', align: 'left', dpi: 72 } })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function memoizedText(markup: string, width: number): Promise<Mask> {
  const key = `${width}\0${markup}`;
  let mask = masks.get(key);
  if (!mask) {
    if (masks.size >= MASKS_KEPT) masks.clear();
    mask = drawText(markup, width);
    masks.set(key, mask);
  }
  return mask;
}

/** The block at the largest of its sizes whose lines fit its height; at the smallest, cut to it. */
async function fitBlock(block: CardBlock): Promise<Mask> {
  // Pango draws nothing, and libvips refuses, for no text: an outlet without a name, a digest without a description.
  if (block.text.trim() === '') return { data: Buffer.alloc(0), width: 0, height: 0 };
  let mask: Mask | undefined;
  for (const size of block.sizes) {
    mask = await memoizedText(blockMarkup(block, size), block.width);
    if (mask.height <= block.maxHeight) return mask;
  }
  return { ...mask!, height: block.maxHeight };
}

/** The block's left edge on the card: from its starting side in its own direction, or from its end side. */
function blockLeft(block: CardBlock, width: number): number {
  const fromLeft = (block.direction === 'ltr') === (block.edge === 'start');
  return fromLeft ? block.inset : CARD_WIDTH - block.inset - width;
}

function paletteOf(): Buffer {
  const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  const paper = rgb(CARD_COLOURS.paper);
  const palette = Buffer.alloc(256 * 3);
  for (const ink of ['text', 'accent'] as const) {
    const colour = rgb(CARD_COLOURS[ink]);
    for (let step = 0; step < 128; step++)
      for (let channel = 0; channel < 3; channel++)
        palette[(INK_BASE[ink] + step) * 3 + channel] = Math.round(
          paper[channel]! + ((colour[channel]! - paper[channel]!) * step) / 127,
        );
  }
  return palette;
}

const PALETTE = paletteOf();

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
  return Buffer.concat([head, data, crc]);
}

/** An indexed PNG of the card's rows (each row a filter byte, 0, then one palette index per pixel). */
async function indexedPng(rows: Buffer): Promise<Buffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(CARD_WIDTH, 0);
  header.writeUInt32BE(CARD_HEIGHT, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: indexed
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('PLTE', PALETTE),
    // Level 1: a card is mostly paper, so the fastest level is within a third of the smallest.
    pngChunk('IDAT', await deflateAsync(rows, { level: 1 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The card as a 1200×630 PNG. */
export async function renderCard(layout: CardLayout): Promise<Buffer> {
  const stride = CARD_WIDTH + 1;
  const rows = Buffer.alloc(stride * CARD_HEIGHT);
  const barLeft = layout.direction === 'ltr' ? 0 : CARD_WIDTH - BAR;
  for (let y = 0; y < CARD_HEIGHT; y++) rows.fill(255, y * stride + 1 + barLeft, y * stride + 1 + barLeft + BAR);
  const drawn = await Promise.all(layout.blocks.map(fitBlock));
  layout.blocks.forEach((block, index) => {
    const mask = drawn[index]!;
    const left = blockLeft(block, mask.width);
    const { top } = block;
    const base = INK_BASE[block.ink];
    // A block never leaves the card, whatever its text's longest line.
    const [fromX, toX] = [Math.max(0, -left), Math.min(mask.width, CARD_WIDTH - left)];
    for (let y = Math.max(0, -top); y < Math.min(mask.height, CARD_HEIGHT - top); y++) {
      const row = (top + y) * stride + 1 + left;
      for (let x = fromX; x < toX; x++) {
        const step = mask.data[y * mask.width + x]! >> 1;
        if (step > 0) rows[row + x] = base + step;
      }
    }
  });
  return indexedPng(rows);
}

/** Where the card cache keeps a card: `code` is the fingerprint of the code that draws cards (`cardCodeFingerprint`). */
export interface CardCache {
  folder: string;
  code: string;
}

/** The card's file in the card cache. */
export const cardFile = (layout: CardLayout, cache: CardCache) => `${cache.folder}${cardKey(layout, cache.code)}.png`;

/** Draws the card and keeps it in the card cache as `file`; returns its PNG. */
export async function drawCardFile(layout: CardLayout, file: string): Promise<Buffer> {
  const png = await renderCard(layout);
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so a build stopped halfway never leaves half a card under a card's name.
  const aside = `${file}.${process.pid}.${threadId}`;
  await writeFile(aside, png);
  await rename(aside, file);
  return png;
}

/** The card's PNG from the card cache, drawn and kept there first when it is not. */
export async function cachedCard(layout: CardLayout, cache: CardCache): Promise<Buffer> {
  const file = cardFile(layout, cache);
  return (await readFile(file).catch(() => undefined)) ?? drawCardFile(layout, file);
}

/** A fingerprint of this module, everything it loads and the installed packages (sharp, its libvips and Pango). */
export function cardCodeFingerprint(root: URL): Promise<string> {
  return codeFingerprint({
    root: fileURLToPath(root),
    entries: [import.meta.url],
    otherFiles: [fileURLToPath(new URL('package-lock.json', root))],
  });
}
