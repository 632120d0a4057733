/**
 * What the digest's social cards show, from an article's frontmatter, the topic and the
 * interface's words: an article's card beside its page (`/articles/<slug>/card.png`), the
 * digest's at `/card.png`. The content sync lists them for drawing ahead of the pages
 * (`cardDrawing.ts`) and the pages name them in `og:image`, so both get them from here.
 */
import type { SiteTopic } from '../build/buildContract.ts';
import { textDirection } from '../i18n/languageTags.ts';
import type { Translator } from '../i18n/translate.ts';
import { formatDay, type CalendarDate } from '../lib/dates.ts';
import { articleCardPath, digestCardPath } from '../lib/urls.ts';
import { articleCardLayout, CARD_HEIGHT, CARD_WIDTH, digestCardLayout, type CardLayout } from './socialCard.ts';

/** A card as a page's `og:image` names it: its path below the base, its size and its text as `og:image:alt`. */
export interface PageCard {
  path: string;
  alt: string;
  width: number;
  height: number;
}

/** A card with what it shows and where (its layout). */
export type LaidOutCard = PageCard & { layout: CardLayout };

/** The frontmatter an article's card shows, as the content sync checks it and the content store keeps it. */
export interface CardArticle {
  id: string;
  data: { title: string; lang?: string | undefined; date: { day: CalendarDate }; source: { name: string } };
}

type CardTopic = Pick<SiteTopic, 'title' | 'description'>;
type CardTranslator = Pick<Translator, 't' | 'language' | 'dir'>;

/** An article's card: what it shows, and the same as text for `og:image:alt`. */
export function articleCard(article: CardArticle, topic: CardTopic, { t, language, dir }: CardTranslator): LaidOutCard {
  const { data } = article;
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

/** The site's address as readers type it: `dossier.example.org/digests/huawei/`. */
export const siteAddress = (site: URL, base: string) => `${site.host}${base === '/' ? '' : base}`;

/** The digest's card: its name, its description and its address (`siteAddress`). */
export function digestCard(topic: CardTopic, { t, language, dir }: CardTranslator, address: string): LaidOutCard {
  const layout = digestCardLayout({
    digest: { text: topic.title, lang: language, direction: dir },
    description: topic.description,
    address,
  });
  const alt = t('card.digestAlt', { digest: topic.title, description: topic.description });
  return { path: digestCardPath, alt, width: CARD_WIDTH, height: CARD_HEIGHT, layout };
}
