/**
 * The social cards pages show and the routes that serve them: an article's card beside its page
 * (`/articles/<slug>/card.png`), the digest's at `/card.png`. A card's route is keyed by its
 * layout, so Astro's incremental build keeps an unchanged card as it keeps an unchanged page; the
 * card cache keeps it through a forced or clean build.
 */
import type { APIRoute } from 'astro';
import build from 'virtual:dossier/build';
import { textDirection } from '../i18n/languageTags.ts';
import { formatDay } from '../lib/dates.ts';
import { articleCardPath, digestCardPath } from '../lib/urls.ts';
import { cachedPaths, getDigest, getTopic, getTranslator, type Article } from './digest.ts';
import { articleCardLayout, CARD_HEIGHT, CARD_WIDTH, digestCardLayout, type CardLayout } from './socialCard.ts';
import { cachedCard } from './socialCardImage.ts';

/** A card as a page's `og:image` names it: its path below the base, its size and its text as `og:image:alt`. */
export interface PageCard {
  path: string;
  alt: string;
  width: number;
  height: number;
}

/** An article's card: what it shows, and the same as text for `og:image:alt`. */
export async function articleCard(article: Article): Promise<PageCard & { layout: CardLayout }> {
  const { data } = article;
  const topic = await getTopic();
  const { t, language, dir } = await getTranslator();
  const date = formatDay(data.date.day, language);
  const titleLanguage = data.lang ?? language;
  const layout = articleCardLayout({
    digest: { text: topic.title, lang: language, direction: dir },
    title: { text: data.title, lang: titleLanguage, direction: textDirection(titleLanguage) },
    outlet: data.source.name,
    date,
  });
  const alt = t('card.alt', { title: data.title, source: data.source.name, date, digest: topic.title });
  return { path: articleCardPath(article.id), alt, width: CARD_WIDTH, height: CARD_HEIGHT, layout };
}

/** The digest's card: its name, its description and its address. */
export async function digestCard(site: URL): Promise<PageCard & { layout: CardLayout }> {
  const topic = await getTopic();
  const { t, language, dir } = await getTranslator();
  const address = `${site.host}${build.base === '/' ? '' : build.base}`;
  const layout = digestCardLayout({
    digest: { text: topic.title, lang: language, direction: dir },
    description: topic.description,
    address,
  });
  const alt = t('card.digestAlt', { digest: topic.title, description: topic.description });
  return { path: digestCardPath, alt, width: CARD_WIDTH, height: CARD_HEIGHT, layout };
}

const png = async (layout: CardLayout) =>
  new Response(new Uint8Array(await cachedCard(layout, { cacheFolder: build.paths.cardCache, code: build.cardCode })), {
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
