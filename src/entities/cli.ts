/** Entry point of `npm run entities`; the command itself is in `command.ts`, where tests call it. */
import { runEntitiesCommand } from './command.ts';

process.exitCode = await runEntitiesCommand(process.argv.slice(2), { out: console.log, err: console.error });
