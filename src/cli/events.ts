/** Entry point of `npm run events`; the command itself is in `eventsCommand.ts`, where tests call it. */
import { runEventsCommand } from './eventsCommand.ts';

process.exitCode = await runEventsCommand(process.argv.slice(2), { out: console.log, err: console.error });
