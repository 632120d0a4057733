import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { ImportOptions } from '../../../src/import/importOptions.ts';

export const fixtures = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
export const seeds = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
export const defaultContent = fileURLToPath(new URL('../../../content/', import.meta.url));

const folders: string[] = [];

/** A fresh content folder for one test, removed after it: tests never write to the real content/. */
export async function temporaryContent(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'dossier-import-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

export function importOptions(
  inputs: string[],
  content: string,
  overrides: Partial<ImportOptions> = {},
): ImportOptions {
  return { inputs, content, authors: [], tags: [], dayFirst: false, events: false, dryRun: false, ...overrides };
}

/** The article files in a content folder, by name. */
export async function articleFiles(content: string): Promise<Map<string, string>> {
  const folder = join(content, 'articles');
  const names = await readdir(folder).catch(() => []);
  const files = new Map<string, string>();
  for (const name of names.sort()) files.set(name, await readFile(join(folder, name), 'utf8'));
  return files;
}
