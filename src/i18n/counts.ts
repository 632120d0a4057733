/**
 * "1 article", "3 articles" in the messages of Dossier's commands, which speak English; the
 * site's own words come from the dictionaries in `src/i18n/`, by the same plural rules.
 */
import { formatUiString } from './format.ts';

/** The count followed by its noun: `formatCount(2, { one: 'tag', other: 'tags' })` → `2 tags`. */
export function formatCount(count: number, forms: { one: string; other: string }): string {
  return `${count} ${formatUiString(forms, { count }, 'en')}`;
}
