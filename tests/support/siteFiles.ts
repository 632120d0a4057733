import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { glob } from 'tinyglobby';

/** Every HTML file of a built site, as paths relative to it (`articles/x/index.html`). */
export async function listHtmlFiles(siteDir: string): Promise<string[]> {
  return (await glob('**/*.html', { cwd: siteDir, ignore: ['pagefind/**'] })).sort();
}

export async function readPage(siteDir: string, path: string): Promise<CheerioAPI> {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return load(await readFile(join(siteDir, file), 'utf8'));
}

/** The URL path a built file is served at: `articles/x/index.html` → `/articles/x/`. */
export function urlPathOf(siteDir: string, file: string): string {
  return `/${relative(siteDir, join(siteDir, file)).replace(/index\.html$/, '')}`;
}

/** Every file of a built site with its bytes, by path, in order. */
export async function readAllFiles(siteDir: string): Promise<Map<string, Buffer>> {
  const files = (await glob('**/*', { cwd: siteDir })).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(siteDir, file))] as const)));
}
