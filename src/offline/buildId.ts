import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

/** What the built site is made from: the importer and other tools are left out. */
const CODE = ['src/**/*', 'public/**/*', 'astro.config.mjs', 'package-lock.json'];
const NOT_SITE_CODE = ['src/import/**', 'src/events/**'];

/**
 * An id for this build: a hash of everything the site is built from (content, code, settings,
 * dependency versions). The same inputs give the same id, so builds stay reproducible; any change
 * gives a new one, which tells readers' offline caches to let go of the old site and index.
 */
export function computeBuildId(contentDir: string, siteUrl: string): string {
  const hash = createHash('sha256').update(siteUrl);
  const hashFiles = (cwd: string, patterns: string[], ignore: string[] = []) => {
    for (const file of globSync(patterns, { cwd, ignore }).sort())
      hash.update(file).update(readFileSync(join(cwd, file)));
  };
  hashFiles(contentDir, ['**/*']);
  hashFiles('.', CODE, NOT_SITE_CODE);
  return hash.digest('hex').slice(0, 16);
}
