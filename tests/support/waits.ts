/**
 * How long one build or browser test may take. On a busy machine pages and builds are slow, not
 * wrong, so tests wait for what the page says it has done and give that nearly all of this.
 */
export const TEST_TIMEOUT_MS = 120_000;

/**
 * How long a browser test waits for a page to say it is done (Playwright's waits, `expect.poll`):
 * just under the test's own timeout, so a wait that never ends fails saying what it waited for.
 */
export const PAGE_WAIT_MS = TEST_TIMEOUT_MS - 10_000;
