import { defineConfig } from 'vitest/config';
import { PAGE_WAIT_MS, TEST_TIMEOUT_MS } from './tests/support/waits.ts';

export default defineConfig({
  test: {
    projects: [
      // Generous for units too: a property test or a large import is slow on a busy machine, not wrong.
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/support/removeTempFolders.ts'],
          testTimeout: TEST_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The default digest is built once and shared by every build and browser test.
          globalSetup: ['tests/globalSetup.ts'],
          setupFiles: ['tests/support/removeTempFolders.ts'],
          testTimeout: TEST_TIMEOUT_MS,
          hookTimeout: 300_000,
          expect: { poll: { timeout: PAGE_WAIT_MS } },
          // Builds and a browser on a 2-core machine: one file at a time keeps timings sane.
          fileParallelism: false,
        },
      },
    ],
  },
});
