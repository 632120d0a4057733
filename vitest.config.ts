import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The default digest is built once and shared by every build and browser test.
          globalSetup: ['tests/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Builds and a browser on a 2-core machine: one file at a time keeps timings sane.
          fileParallelism: false,
          // A browser waiting on a search on a busy 2-core machine can take more than poll's default second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
