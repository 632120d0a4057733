/**
 * Entry point of `npm run follow`; the command itself is in `followCommand.ts`, where tests call
 * it. On a terminal one line, rewritten in place, says which feed the run is waiting for; in a
 * log (a scheduled job) only the lines that stay are written.
 */
import { runFollowCommand, type FollowCommandOutput } from './followCommand.ts';

let progressShown = false;
const clearProgress = () => {
  if (progressShown) process.stdout.write('\r\x1b[K');
  progressShown = false;
};

const output: FollowCommandOutput = {
  out: (line) => {
    clearProgress();
    console.log(line);
  },
  err: (line) => {
    clearProgress();
    console.error(line);
  },
  progress: process.stdout.isTTY
    ? (line) => {
        process.stdout.write(`\r\x1b[K${line.slice(0, Math.max(process.stdout.columns - 1, 20))}`);
        progressShown = true;
      }
    : undefined,
};

try {
  process.exitCode = await runFollowCommand(process.argv.slice(2), output);
} catch (error) {
  // Anything else is the command's own fault: one line, not a stack trace.
  output.err(
    `follow: failed unexpectedly (${error instanceof Error ? error.message : String(error)}); please report this`,
  );
  process.exitCode = 1;
} finally {
  clearProgress();
}
