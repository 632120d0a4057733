/**
 * The social cards pages show and the routes that serve them (see `src/cards/`). A card's route
 * is keyed by its layout, so Astro's incremental build keeps an unchanged card as it keeps an
 * unchanged page; the card cache keeps it through a forced or clean build.
 */
import type { APIRoute } from 'astro';
import build from 'virtual:dossier/build';
import {
  articleCard as laidOutArticleCard,
  digestCard as laidOutDigestCard,
  siteAddress,
} from '../cards/cardContent.ts';
import type { LaidOutCard } from '../cards/cardContent.ts';
import { keptCard } from '../cards/cardDrawing.ts';
import type { CardLayout } from '../cards/socialCard.ts';
import { cachedPaths, getDigest, getTopic, getTranslator, type Article } from './digest.ts';

export type { PageCard } from '../cards/cardContent.ts';

/** An article's card: what it shows, and the same as text for `og:image:alt`. */
export async function articleCard(article: Article): Promise<LaidOutCard> {
  return laidOutArticleCard(article, await getTopic(), await getTranslator());
}

/** The digest's card: its name, its description and its address. */
export async function digestCard(site: URL): Promise<LaidOutCard> {
  return laidOutDigestCard(await getTopic(), await getTranslator(), siteAddress(site, build.base));
}

const png = async (layout: CardLayout) =>
  new Response(new Uint8Array(await keptCard(layout, { folder: build.paths.cardCache, code: build.cardCode })), {
    headers: { 'Content-Type': 'image/png' },
  });

/** One card route per article, keyed by the card's layout alone: a card changes only when what it shows does. */
export async function articleCardPaths() {
  const { articles } = await getDigest();
  return cachedPaths(
    await Promise.all(
      articles.map(async (article) => ({
        params: { slug: article.id },
        props: { layout: (await articleCard(article)).layout },
      })),
    ),
  );
}

export const articleCardRoute: APIRoute = ({ props }) => png((props as { layout: CardLayout }).layout);

export const digestCardRoute: APIRoute = async ({ site }) => png((await digestCard(site!)).layout);
