/**
 * Social cards: what a card is drawn from (its layout, whose text blocks are Pango markup), in
 * Latin, Arabic (right to left) and Japanese script, and the PNG drawn from it. Reading text back
 * from a PNG would take OCR, so the text is checked in the layout and the image for its size, its
 * ink and its difference from another card's.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  articleCardLayout,
  blockMarkup,
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  digestCardLayout,
  escapeMarkup,
  type CardLayout,
} from '../../../src/cards/socialCard.ts';
import { cachedCard, renderCard } from '../../../src/cards/socialCardImage.ts';

const english = { text: 'Huawei in Brussels', lang: 'en', direction: 'ltr' } as const;
const arabic = { text: 'هواوي في بروكسل', lang: 'ar', direction: 'rtl' } as const;
const japanese = { text: 'ファーウェイとEU', lang: 'ja', direction: 'ltr' } as const;

const latinCard = articleCardLayout({
  digest: english,
  title: { text: 'Huawei opens a new EU cybersecurity transparency centre', lang: 'en', direction: 'ltr' },
  outlet: 'Silicon Republic',
  date: '6 March 2019',
});
const arabicCard = articleCardLayout({
  digest: arabic,
  title: { text: 'هواوي تفتح مركزًا جديدًا للشفافية في بروكسل', lang: 'ar', direction: 'rtl' },
  outlet: 'رويترز',
  date: '٦ مارس ٢٠١٩',
});
const englishInArabic = articleCardLayout({
  digest: arabic,
  title: { text: 'Huawei opens a cybersecurity centre in Brussels', lang: 'en', direction: 'ltr' },
  outlet: 'Tech Wire',
  date: '٧ مارس ٢٠١٩',
});
const japaneseCard = articleCardLayout({
  digest: japanese,
  title: { text: 'ファーウェイ、ブリュッセルに透明性センターを開設', lang: 'ja', direction: 'ltr' },
  outlet: '日本経済新聞',
  date: '2019年3月6日',
});

const texts = (layout: CardLayout) => layout.blocks.map((block) => block.text);
const markup = (layout: CardLayout) => layout.blocks.map((block) => blockMarkup(block, block.sizes[0]!)).join('\n');

/** The mean darkness of one half of a card's middle, where its title is: ink makes it darker than the paper. */
async function inkIn(png: Buffer, half: 'left' | 'right'): Promise<number> {
  // Clear of the bar along the card's side, 24 pixels wide.
  const region = { left: half === 'left' ? 40 : CARD_WIDTH / 2, top: 140, width: CARD_WIDTH / 2 - 40, height: 300 };
  const pixels = await sharp(png).extract(region).greyscale().raw().toBuffer();
  return 255 - pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
}

describe('the layout of a card', () => {
  it('shows the digest, the title, the outlet and the date, in each script', () => {
    expect(texts(latinCard)).toEqual([
      'Huawei in Brussels',
      'Huawei opens a new EU cybersecurity transparency centre',
      'Silicon Republic',
      '6 March 2019',
    ]);
    expect(texts(arabicCard)).toEqual([
      'هواوي في بروكسل',
      'هواوي تفتح مركزًا جديدًا للشفافية في بروكسل',
      'رويترز',
      '٦ مارس ٢٠١٩',
    ]);
    expect(texts(japaneseCard)).toEqual([
      'ファーウェイとEU',
      'ファーウェイ、ブリュッセルに透明性センターを開設',
      '日本経済新聞',
      '2019年3月6日',
    ]);
    for (const layout of [latinCard, arabicCard, japaneseCard])
      for (const text of texts(layout)) expect(markup(layout)).toContain(text);
  });

  it('runs an Arabic card right to left, each block from the right, with a right-to-left mark Pango takes its direction from', () => {
    expect(arabicCard.direction).toBe('rtl');
    for (const block of arabicCard.blocks) {
      expect(block.direction).toBe('rtl');
      expect(blockMarkup(block, 30)).toContain(`lang="ar"`);
      expect(blockMarkup(block, 30)).toContain(`\u200f${block.text}`);
    }
    // The outlet keeps to the card's start (the right), the date to its end (the left).
    expect(arabicCard.blocks.map((block) => block.edge)).toEqual(['start', 'start', 'start', 'end']);
  });

  it('gives a title in another language its own direction and font, inside a card in the digest’s', () => {
    const [name, title] = englishInArabic.blocks;
    expect(englishInArabic.direction).toBe('rtl');
    expect(name).toMatchObject({ direction: 'rtl', lang: 'ar' });
    expect(title).toMatchObject({ direction: 'ltr', lang: 'en' });
    expect(blockMarkup(title!, 64)).toContain('\u200eHuawei opens');
    expect(blockMarkup(japaneseCard.blocks[1]!, 64)).toContain('Noto Sans CJK JP');
    const chinese = articleCardLayout({
      ...japaneseCard,
      digest: english,
      title: { text: '华为', lang: 'zh-Hans', direction: 'ltr' },
      outlet: '',
      date: '',
    });
    expect(blockMarkup(chinese.blocks[1]!, 64)).toContain('Noto Sans CJK SC');
  });

  it('escapes every text, so a title is never read as markup', () => {
    expect(escapeMarkup(`<b>"Tom" & 'Jerry'</b>\u0007`)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;',
    );
    const hostile = articleCardLayout({
      digest: { ...english, text: 'Digest </span><span foreground="red">' },
      title: { text: '<span size="999999">Big</span> & bold', lang: 'en', direction: 'ltr' },
      outlet: 'A "quoted" outlet',
      date: '1 April 2020',
    });
    const all = markup(hostile);
    expect(all).toContain('&lt;span size=&quot;999999&quot;&gt;Big&lt;/span&gt; &amp; bold');
    expect(all).not.toContain('<span size=');
    expect(all.match(/<span /g)).toHaveLength(hostile.blocks.length);
  });

  it('cuts a title too long for a card at a whole character, with an ellipsis', () => {
    const long = articleCardLayout({
      ...latinCard,
      digest: english,
      title: { text: 'word '.repeat(100), lang: 'en', direction: 'ltr' },
      outlet: 'O',
      date: 'D',
    });
    expect(long.blocks[1]!.text).toHaveLength(160);
    expect(long.blocks[1]!.text.endsWith('…')).toBe(true);
  });

  it('is named by what it shows and the code that draws it', () => {
    expect(cardKey(latinCard, 'a')).toBe(cardKey(structuredClone(latinCard), 'a'));
    expect(cardKey(latinCard, 'a')).not.toBe(cardKey(latinCard, 'b'));
    expect(cardKey(latinCard, 'a')).not.toBe(cardKey(englishInArabic, 'a'));
  });
});

describe('the image of a card', () => {
  it('is a 1200×630 PNG with ink on it, different for different titles, in each script', async () => {
    const drawn = await Promise.all([latinCard, arabicCard, englishInArabic, japaneseCard].map(renderCard));
    for (const png of drawn) {
      const metadata = await sharp(png).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
      expect(await inkIn(png, 'left')).toBeGreaterThan(5);
    }
    expect(new Set(drawn.map((png) => png.toString('base64'))).size).toBe(drawn.length);
  });

  it('sets a short Arabic title from the right, and the same title in English from the left', async () => {
    const short = (title: { text: string; lang: string; direction: 'ltr' | 'rtl' }) =>
      renderCard(articleCardLayout({ digest: arabic, title, outlet: '', date: '' }));
    const rtl = await short({ text: 'هواوي', lang: 'ar', direction: 'rtl' });
    const ltr = await short({ text: 'Huawei', lang: 'en', direction: 'ltr' });
    expect(await inkIn(rtl, 'right')).toBeGreaterThan(await inkIn(rtl, 'left'));
    expect(await inkIn(ltr, 'left')).toBeGreaterThan(await inkIn(ltr, 'right'));
  });

  it('is drawn once, then read from the card cache', async () => {
    const cacheFolder = `${await mkdtemp(join(tmpdir(), 'cards-'))}/`;
    try {
      const first = await cachedCard(latinCard, { folder: cacheFolder, code: 'v1' });
      expect(await readdir(cacheFolder)).toHaveLength(1);
      expect((await cachedCard(latinCard, { folder: cacheFolder, code: 'v1' })).equals(first)).toBe(true);
      expect(await readdir(cacheFolder)).toHaveLength(1);
      await cachedCard(latinCard, { folder: cacheFolder, code: 'v2' });
      expect(await readdir(cacheFolder)).toHaveLength(2);
    } finally {
      await rm(cacheFolder, { recursive: true });
    }
  });

  it('draws the digest’s card with its name, description and address', async () => {
    const layout = digestCardLayout({
      digest: arabic,
      description: 'كيف ردّت هواوي',
      address: 'dossier.example.org/ar/',
    });
    expect(texts(layout)).toEqual(['هواوي في بروكسل', 'كيف ردّت هواوي', 'dossier.example.org/ar/']);
    expect(layout.blocks.map((block) => block.direction)).toEqual(['rtl', 'rtl', 'ltr']);
    expect((await sharp(await renderCard(layout)).metadata()).width).toBe(CARD_WIDTH);
  });
});
