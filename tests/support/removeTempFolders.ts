import { afterAll } from 'vitest';
import { removeTempFolders } from './tempFolders.ts';

// A setup file: its afterAll belongs to every test file's outermost suite, so it runs after the
// file's own hooks have closed their browsers and servers, whether its tests passed or not.
afterAll(removeTempFolders);
