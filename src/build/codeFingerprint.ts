/**
 * A cache key for what a module computes: the digest of the module and of every source file it
 * imports, directly or through others, found by following its imports, so that no hand-kept list
 * of "the code that matters" can miss one. Packages are covered by the lock file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a module loads at run time: `import … from`, `export … from`, `import '…'`, `import('…')`,
 * and `new URL('…', import.meta.url)` (a worker's script). Type-only imports are left out: they
 * are erased before the code runs, so they cannot change what it computes.
 */
const LOADED_SPECIFIER = new RegExp(
  [
    /^\s*(?!import\s+type\s|export\s+type\s)(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/.source,
    /^\s*import\s*['"]([^'"]+)['"]/.source,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/.source,
    /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/.source,
  ].join('|'),
  'gm',
);

/** The relative specifiers a module's text loads, in order of appearance. */
export function loadedSpecifiers(source: string): string[] {
  return [...source.matchAll(LOADED_SPECIFIER)]
    .map((match) => match.slice(1).find((specifier) => specifier !== undefined)!)
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'));
}

/** Every source file the `entries` load, themselves included, sorted: the import graph below them. */
export async function moduleGraph(...entries: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    await Promise.all(loadedSpecifiers(source).map((specifier) => visit(resolve(dirname(file), specifier))));
  };
  await Promise.all(entries.map((entry) => visit(entry.startsWith('file:') ? fileURLToPath(entry) : entry)));
  return [...seen].sort();
}

/**
 * A digest of the modules `entries`, everything they load, and `otherFiles` (the lock file, say),
 * each file named by its path below `root`, so that a copy of the project elsewhere gets the same digest.
 */
export async function codeFingerprint(options: {
  root: string;
  entries: readonly string[];
  otherFiles?: readonly string[];
}): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await moduleGraph(...options.entries)), ...(options.otherFiles ?? [])]) {
    const contents = await readFile(file).catch(() => '');
    hash.update(relative(options.root, file)).update('\0').update(contents).update('\0');
  }
  return hash.digest('hex');
}
