import type { AstroIntegration } from 'astro';
import { articleCacheDirectory } from '../loaders/articleCache.ts';

/**
 * Tells the built pages where the article loader keeps the articles' HTML (inside Astro's cache
 * directory, which only the resolved config knows), as `import.meta.env.DOSSIER_ARTICLE_CACHE`.
 */
export function articleHtml(): AstroIntegration {
  return {
    name: 'dossier-article-html',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.DOSSIER_ARTICLE_CACHE': JSON.stringify(articleCacheDirectory(config.cacheDir)) } } });
      },
    },
  };
}
