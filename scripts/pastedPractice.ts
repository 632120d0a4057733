/**
 * How an editor imports a pasted text of the real-world practice set, as the command line
 * has it: `npm run import -- pasted.txt --source <outlet>`, the outlet being what the editor knows
 * when pasting, and `--date` only where the text shows no year and the importer asks for it.
 */
import type { ImportOptions } from '../src/import/importOptions.ts';
import type { ImportReport } from '../src/import/importReport.ts';
import type { ExpectedImport } from './importScores.ts';

/** Lines after the title where a byline and a date stand. */
const HEADER_LINES = 8;

/**
 * Whether the top of a pasted text shows the year of `day` (`YYYY-MM-DD`): in full ("2019"), or
 * as a numeric date's two-digit year ("11.03.17"). Where it does, the importer has no reason to
 * ask for `--date`.
 */
export function showsYear(text: string, day: string): boolean {
  const year = day.slice(0, 4);
  const header = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(1, 1 + HEADER_LINES)
    .join('\n');
  return (
    new RegExp(`(?<!\\d)${year}(?!\\d)`).test(header) ||
    new RegExp(`\\d[./-]${year.slice(2)}(?!\\d)|[’']${year.slice(2)}(?!\\d)`).test(header)
  );
}

/** What the importer said when it imported nothing, if it asked for `--date`. */
function asksForDate(report: ImportReport): boolean {
  return report.imported.length === 0 && report.failed.some((failure) => /--date\b/.test(failure.message));
}

/**
 * Imports a pasted practice text with `--source` from its expected-import.json, and again with
 * `--date` from there only when the importer asked for it and the text shows no year; `dated`
 * says whether the date was given.
 */
export async function importPastedAsEditor(
  text: string,
  expected: ExpectedImport,
  importWith: (overrides: Partial<ImportOptions>) => Promise<ImportReport>,
): Promise<{ report: ImportReport; dated: boolean }> {
  const report = await importWith({ source: expected.source });
  if (!asksForDate(report) || showsYear(text, expected.date)) return { report, dated: false };
  return { report: await importWith({ source: expected.source, date: expected.date }), dated: true };
}
