/** Entry point of `npm run events`; the command itself is in `command.ts`, where tests call it. */
import { runEventsCommand } from './command.ts';

process.exitCode = await runEventsCommand(process.argv.slice(2), { out: console.log, err: console.error });
