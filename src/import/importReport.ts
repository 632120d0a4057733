import { formatCount } from '../i18n/counts.ts';
import type { ImportedArticle } from './importedArticle.ts';

export interface SkippedArticle {
  label: string;
  reason: string;
}

/** What an import run did, for the summary at its end. */
export interface ImportReport {
  imported: Array<{ file: string; label: string; article: ImportedArticle; text: string }>;
  skipped: SkippedArticle[];
  /** One message per input that failed as a whole. */
  failed: Array<{ input: string; message: string }>;
  /** What the importer read but could not record. */
  notes: Array<{ label: string; note: string }>;
  dryRun: boolean;
}

/** The frontmatter of a file that a dry run would write, indented under its name. */
function frontmatterPreview(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  return text
    .slice(4, end)
    .split('\n')
    .map((line) => `            ${line}`)
    .join('\n');
}

/** The summary printed at the end of an import: one line per article or input, then the totals. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const { file, label, text } of report.imported) {
    lines.push(`${report.dryRun ? 'would write' : 'imported'}  ${file}  (from ${label})`);
    if (report.dryRun) lines.push(frontmatterPreview(text));
  }
  for (const { label, reason } of report.skipped) lines.push(`skipped   ${label}: ${reason}`);
  for (const { label, note } of report.notes) lines.push(`note      ${label}: ${note}`);
  for (const { message } of report.failed) lines.push(`failed    ${message}`);
  const totals = [
    `${formatCount(report.imported.length, { one: 'article', other: 'articles' })} ${report.dryRun ? 'would be imported' : 'imported'}`,
    `${report.skipped.length} skipped`,
    `${formatCount(report.failed.length, { one: 'input', other: 'inputs' })} failed`,
  ];
  lines.push('', `${totals.join(', ')}.${report.dryRun ? ' Dry run: nothing was written.' : ''}`);
  return `${lines.join('\n')}\n`;
}
