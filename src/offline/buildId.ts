import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { codeFingerprint } from '../build/codeFingerprint.ts';

/** The modules the site is built from, with everything they load: its pages, its content config and its build steps. */
const SITE_MODULES = ['src/pages/**/*', 'src/content.config.ts', 'src/integration/index.ts'];
/** What else reaches the built site: its static files, its config and the installed packages. */
const SITE_FILES = ['public/**/*', 'astro.config.mjs', 'package-lock.json'];

/**
 * An id for this build: a hash of everything the site is built from (content, code, settings,
 * dependency versions). The same inputs give the same id, so builds stay reproducible; any change
 * gives a new one, which tells readers' offline caches to let go of the old site and index. The
 * code counted is found from the imports of the site's modules, so a tool's code (the importer,
 * the commands) changes nothing while a module any page loads does.
 */
export async function computeBuildId(contentDir: string, siteUrl: string): Promise<string> {
  const hash = createHash('sha256').update(siteUrl);
  for (const file of globSync('**/*', { cwd: contentDir }).sort())
    hash.update(file).update(readFileSync(join(contentDir, file)));
  const code = await codeFingerprint({
    root: process.cwd(),
    entries: globSync(SITE_MODULES, { absolute: true }),
    otherFiles: globSync(SITE_FILES, { absolute: true }).sort(),
  });
  hash.update(code);
  return hash.digest('hex').slice(0, 16);
}
