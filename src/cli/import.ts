/**
 * `npm run import -- <input>... [options]`: turns pasted articles and feeds into article files.
 * Exits 0 when every input was imported (or skipped as already there), 1 when an input failed,
 * 2 when the command line itself is wrong.
 */
import { importArticles } from '../import/importInputs.ts';
import { readImportOptions, USAGE, UsageError } from '../import/importOptions.ts';
import { formatReport } from '../import/importReport.ts';

async function main(args: string[]): Promise<number> {
  try {
    const options = readImportOptions(args);
    if (!options) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const report = await importArticles(options);
    process.stdout.write(formatReport(report));
    return report.failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`import: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    // Anything else is the importer's own fault: say so in one line, not a stack trace.
    process.stderr.write(
      `import: failed unexpectedly (${error instanceof Error ? error.message : String(error)}); please report this\n`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
