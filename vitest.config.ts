import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build and browser tests share one built site per file; give them room on a small machine.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
