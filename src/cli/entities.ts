/** Entry point of `npm run entities`; the command itself is in `entitiesCommand.ts`, where tests call it. */
import { runEntitiesCommand } from './entitiesCommand.ts';

process.exitCode = await runEntitiesCommand(process.argv.slice(2), { out: console.log, err: console.error });
