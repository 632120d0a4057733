/** What the project's commands (`npm run events`, `npm run entities`) share: their output and how they read their arguments. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Where a command writes: the terminal from its `cli.ts`, a collector in tests. */
export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

type CommandLine<Options extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: Options & typeof HELP }>
>;

/**
 * Reads a command's arguments, `--help` (`-h`) added to its options: the arguments, or the exit
 * code when there is nothing more to do (0 once the usage is printed for `--help`, 2 after an
 * option the command does not take, with the usage).
 */
export function readCommandLine<Options extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: Options,
  usage: string,
  output: CommandOutput,
): CommandLine<Options> | number {
  let parsed: CommandLine<Options>;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    output.out(usage);
    return 0;
  }
  return parsed;
}
