/** schema.org `NewsArticle` for an article page. @see https://schema.org/NewsArticle */
export interface NewsArticleInput {
  title: string;
  description: string;
  url: string;
  datePublished: string;
  dateModified?: string | undefined;
  authors: string[];
  publisher: { name: string; url?: string | undefined };
  keywords: string[];
  inLanguage: string;
  isBasedOn?: string | undefined;
  imageUrl?: string | undefined;
  /** The article's social card, absolute: its `image` where it has no photo of its own. */
  cardUrl?: string | undefined;
  /** What the article is about (the entities its title or summary names), and what else it names. */
  about?: Thing[];
  mentions?: Thing[];
}

/** An entity in the schema.org vocabulary: its page on the site as `url`, its own site as `sameAs`. */
export interface Thing {
  '@type': 'Person' | 'Organization' | 'Place' | 'Product' | 'Event' | 'Thing';
  name: string;
  url: string;
  sameAs?: string;
}

const SCHEMA_TYPES = {
  person: 'Person',
  organisation: 'Organization',
  place: 'Place',
  product: 'Product',
  event: 'Event',
  other: 'Thing',
} as const;

/** schema.org's type for an entity of the topic, with its page's address and its own site. */
export function thing(
  entity: { name: string; kind: keyof typeof SCHEMA_TYPES; url?: string | undefined },
  pageUrl: string,
): Thing {
  return {
    '@type': SCHEMA_TYPES[entity.kind],
    name: entity.name,
    url: pageUrl,
    ...(entity.url && { sameAs: entity.url }),
  };
}

export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.title,
    description: input.description,
    url: input.url,
    mainEntityOfPage: input.url,
    datePublished: input.datePublished,
    dateModified: input.dateModified ?? input.datePublished,
    inLanguage: input.inLanguage,
    keywords: input.keywords,
    ...(input.authors.length > 0 && { author: input.authors.map((name) => ({ '@type': 'Person', name })) }),
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      ...(input.publisher.url && { url: input.publisher.url }),
    },
    ...(input.isBasedOn && { isBasedOn: input.isBasedOn }),
    ...((input.imageUrl ?? input.cardUrl) && { image: input.imageUrl ?? input.cardUrl }),
    ...(input.about?.length && { about: input.about }),
    ...(input.mentions?.length && { mentions: input.mentions }),
  };
}

/** schema.org `WebSite` for the home page: the digest, and the language it is written in. @see https://schema.org/WebSite */
export function webSite(input: { name: string; description: string; url: string; inLanguage: string }) {
  return { '@context': 'https://schema.org', '@type': 'WebSite', ...input };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that text such as
 * `</script>` in a headline cannot end the script element early.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
