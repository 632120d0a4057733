import type { TestProject } from 'vitest/node';
import { buildSite } from './support/buildSite.ts';
import { removeTempFolders } from './support/tempFolders.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The default digest, built once for every build and browser test. */
    defaultSite: string;
  }
}

/** Builds the default content once; build and browser tests read the same output, removed after the last. */
export default async function setup(project: TestProject) {
  const build = await buildSite();
  if (build.exitCode !== 0) {
    await removeTempFolders();
    throw new Error(`Building the default digest failed:\n${build.output}`);
  }
  project.provide('defaultSite', build.outDir);
  return removeTempFolders;
}
