import type { Locator } from 'playwright-core';
import type { SearchPanelState } from '../../src/search/browser/searchPanel.ts';

const DONE: SearchPanelState = 'done';

/**
 * Waits until a search panel says its search is done (`data-state`, see `src/search/browser/searchPanel.ts`),
 * then returns the titles it lists. A change or keystroke makes the panel `searching` at once, so
 * after one the titles are those of the new search.
 */
export async function resultTitles(panel: Locator): Promise<string[]> {
  await panel.and(panel.page().locator(`[data-state="${DONE}"]`)).waitFor();
  return panel.locator('.search-results > li h2').allTextContents();
}
