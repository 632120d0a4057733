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
    ...(input.imageUrl && { image: input.imageUrl }),
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
