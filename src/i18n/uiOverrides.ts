/**
 * The checks on an editor's own interface strings (the topic file's `ui`): each must name a
 * string of the dictionary and keep its placeholders, or pages would show `{count}` or lose a value.
 */
import { en } from './dictionaries/en.ts';
import { placeholdersOf, type UiString } from './format.ts';
import type { UiKey } from './translate.ts';
import { closestSpelling } from '../lib/spelling.ts';

/** Every key an editor can replace, in the reference dictionary's order. */
export const UI_KEYS = Object.keys(en) as UiKey[];

const isUiKey = (key: string): key is UiKey => Object.hasOwn(en, key);

const formsOf = (value: UiString): string[] =>
  typeof value === 'string' ? [value] : Object.values(value).filter((form) => form !== undefined);

const listed = (names: Iterable<string>) => Array.from(names, (name) => `{${name}}`).join(', ') || 'none';

/** What is wrong with replacing `key`'s string by `value`, worded for the editor, or `undefined` when nothing is. */
export function uiOverrideProblem(key: string, value: UiString): string | undefined {
  if (!isUiKey(key)) {
    const suggestion = closestSpelling(key, UI_KEYS);
    return `is not an interface string${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the keys are listed in docs/interface-strings.md`;
  }
  const english = en[key];
  if (typeof english === 'string' && typeof value !== 'string')
    return `takes one string, not plural forms (English: ${JSON.stringify(english)})`;
  const expected = placeholdersOf(typeof english === 'string' ? english : english.other);
  // A plural's `one` form may write the number as a word; its `other` form, or a plain string, carries every value.
  const complete = typeof value === 'string' ? value : value.other;
  const missing = [...expected].filter((name) => !placeholdersOf(complete).has(name));
  if (missing.length > 0)
    return `lacks ${listed(missing)}, which the page fills in (English: ${JSON.stringify(typeof english === 'string' ? english : english.other)})`;
  const unknown = formsOf(value).flatMap((form) => [...placeholdersOf(form)].filter((name) => !expected.has(name)));
  if (unknown.length > 0) return `has ${listed(new Set(unknown))}, which nothing fills in (use ${listed(expected)})`;
  return undefined;
}
