import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/**
 * A new folder under the system's temporary folder (`dossier-<purpose>-…`), removed when the test
 * file that made it ends, passed or failed (`tests/support/removeTempFolders.ts`).
 */
export async function makeTempFolder(purpose: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `dossier-${purpose}-`));
  made.add(folder);
  return folder;
}

/** Removes every folder `makeTempFolder` made in this process so far. */
export async function removeTempFolders(): Promise<void> {
  const folders = [...made];
  made.clear();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}
