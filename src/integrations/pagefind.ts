import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindService from 'pagefind';

function failOnErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Indexes the built pages with Pagefind as the last step of `astro build`, so the build alone
 * yields a searchable site. Pagefind reports problems in `errors` arrays rather than throwing;
 * each one fails the build, since a site whose search is broken must not be published.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'dossier-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outputDir = fileURLToPath(dir);
        try {
          const { errors, index } = await pagefindService.createIndex({});
          failOnErrors('starting Pagefind', errors);
          const added = await index!.addDirectory({ path: outputDir });
          failOnErrors('reading the built pages', added.errors);
          if (added.page_count === 0) throw new Error('Search index: no page had content to index');
          const written = await index!.writeFiles({ outputPath: `${outputDir}pagefind` });
          failOnErrors('writing the index', written.errors);
          logger.info(`Indexed ${added.page_count} pages for search.`);
        } finally {
          await pagefindService.close();
        }
      },
    },
  };
}
