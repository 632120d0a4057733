import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/dictionaries/en.ts';
import { UI_KEYS } from '../../../src/i18n/uiOverrides.ts';

const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

/** A string as README shows it: plural forms as `one` / `other`, pipes escaped for the table. */
function shown(key: (typeof UI_KEYS)[number]): string {
  const entry = en[key];
  const text = typeof entry === 'string' ? entry : Object.values(entry).join(' / ');
  return text.replaceAll('|', '\\|');
}

describe('README', () => {
  it('lists every interface string an editor can replace, with its English text', () => {
    const section = README.split('### Interface strings')[1]?.split(/\n#{2,3} /)[0] ?? '';
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    const expected = UI_KEYS.map((key) => `| \`${key}\` | ${shown(key)} |`);
    // On failure, the expected rows are the table to paste into README.
    expect(rows.join('\n')).toBe(expected.join('\n'));
  });
});
