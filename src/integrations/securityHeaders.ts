import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/securityPolicy.ts';

/** Writes `dist/_headers`, so hosts that read one serve the site's security policy as real headers. */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'dossier-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(base));
      },
    },
  };
}
