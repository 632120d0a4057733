/**
 * The review queue's commands, which `npm run follow` dispatches to: `list` shows the drafts the
 * followed feeds brought, `accept` publishes some, `reject` removes them for good, and `review`
 * serves the queue as a page in the browser, on 127.0.0.1, until stopped.
 */
import { contentDirectory } from '../content/topic.ts';
import { formatCount } from '../i18n/counts.ts';
import { readCommandLine, type CommandOutput } from '../lib/commandLine.ts';
import { acceptDrafts, listQueue, rejectDrafts, type QueuedDraft } from '../follow/reviewQueue.ts';
import { ReviewServerError, startReviewServer, type ReviewServer } from '../follow/reviewServer.ts';

export type ReviewSubcommand = 'list' | 'accept' | 'reject' | 'review';

const CONTENT_OPTION = '  --content DIR   the content folder (default: $DOSSIER_CONTENT or content)';

const USAGE: Record<ReviewSubcommand, string> = {
  list: `Usage: npm run follow -- list [--content DIR]

Lists the review queue: the drafts "npm run follow" brought from the followed feeds, and the
outlets' updates of articles you have edited, newest first, each with its title, outlet, date,
the rule that kept it and its file.

${CONTENT_OPTION}`,
  accept: `Usage: npm run follow -- accept <file or slug>... [--content DIR]

Publishes drafts of the review queue: removes their "draft: true" line, and nothing else.
The next build puts them on the site. Applies an update: the article takes the outlet's
version, and yours is kept in content/revisions/. Name each by its file or its slug, as "list"
shows them.

${CONTENT_OPTION}`,
  reject: `Usage: npm run follow -- reject <file or slug>... [--content DIR]

Removes drafts of the review queue, and remembers their feed items in content/follow-state.yaml
so that no later poll brings them back. Rejects an update: the article stays as you left it,
and that version is not asked again. Name each by its file or its slug, as "list" shows them.

${CONTENT_OPTION}`,
  review: `Usage: npm run follow -- review [--port N] [--content DIR]

Serves the review queue as a page on 127.0.0.1 (a free port, or N), with each draft's text and
buttons to accept or reject it. Open the address it prints; Ctrl+C stops it.

  --port N        listen on port N (1024–65535) rather than a free one
${CONTENT_OPTION}`,
};

const QUEUE_OPTIONS = { content: { type: 'string' } } as const;
const REVIEW_OPTIONS = { ...QUEUE_OPTIONS, port: { type: 'string' } } as const;

const HINTS = `Accept (publish):  npm run follow -- accept <file or slug>...
Reject (remove):   npm run follow -- reject <file or slug>...
In the browser:    npm run follow -- review`;

function printQueue(queue: readonly QueuedDraft[], output: CommandOutput): void {
  if (queue.length === 0) {
    output.out('The review queue is empty: no draft from a followed feed waits for review.');
    return;
  }
  output.out(`${formatCount(queue.length, { one: 'draft waits', other: 'drafts wait' })} for review, newest first:\n`);
  for (const draft of queue) {
    output.out(
      draft.updating
        ? `${draft.title}\n  update of ${draft.updating} (you have edited it) · ${draft.outlet} · ${draft.date}\n  ${draft.file}\n`
        : `${draft.title}\n  ${draft.outlet} · ${draft.date} · ${draft.rule}\n  ${draft.file}\n`,
    );
  }
  output.out(HINTS);
}

async function changeQueue(
  action: 'accept' | 'reject',
  content: string,
  refs: readonly string[],
  output: CommandOutput,
): Promise<number> {
  const { done, problems } =
    action === 'accept'
      ? await acceptDrafts(content, refs).then(({ accepted, problems }) => ({ done: accepted, problems }))
      : await rejectDrafts(content, refs).then(({ rejected, problems }) => ({ done: rejected, problems }));
  for (const draft of done)
    output.out(
      draft.updating
        ? action === 'accept'
          ? `Applied the update of ${draft.updating} ("${draft.title}"): your version is kept in content/revisions/.`
          : `Rejected the update of ${draft.updating} ("${draft.title}"): the article stays as you left it.`
        : action === 'accept'
          ? `Accepted ${draft.file} ("${draft.title}"): the next build publishes it.`
          : `Rejected ${draft.file} ("${draft.title}"): removed, and no later poll brings it back.`,
    );
  for (const problem of problems) output.err(problem);
  return problems.length > 0 ? 1 : 0;
}

/** Resolves once SIGINT or SIGTERM asks the server to stop. */
function untilStopped(): Promise<void> {
  return new Promise((stop) => {
    const stopOnce = () => {
      process.off('SIGINT', stopOnce);
      process.off('SIGTERM', stopOnce);
      stop();
    };
    process.on('SIGINT', stopOnce);
    process.on('SIGTERM', stopOnce);
  });
}

async function serveReviewPage(
  content: string,
  port: string | undefined,
  output: CommandOutput,
  stopped: () => Promise<void>,
): Promise<number> {
  const number = port === undefined ? 0 : Number(port);
  if (!Number.isInteger(number) || (port !== undefined && (number < 1024 || number > 65535))) {
    output.err(`--port takes a whole number from 1024 to 65535, not "${port}"\n\n${USAGE.review}`);
    return 2;
  }
  let server: ReviewServer;
  try {
    server = await startReviewServer({ content, port: number });
  } catch (error) {
    if (!(error instanceof ReviewServerError)) throw error;
    output.err(error.message);
    return 1;
  }
  output.out(`The review page is at\n\n  ${server.url}\n\nOpen it in your browser; Ctrl+C stops it.`);
  await stopped();
  await server.close();
  return 0;
}

/**
 * Runs one of the queue's commands; resolves to the exit code: 0 done, 1 when a draft could not
 * be accepted or rejected (the others were), 2 for a wrong command line. `review` resolves once
 * `stopped` does (by default, at Ctrl+C).
 */
export async function runReviewCommand(
  subcommand: ReviewSubcommand,
  args: string[],
  output: CommandOutput,
  env: Record<string, string | undefined> = process.env,
  stopped: () => Promise<void> = untilStopped,
): Promise<number> {
  // Only `review` takes --port; the type says it may come, which parseArgs rules out for the others.
  const options = (subcommand === 'review' ? REVIEW_OPTIONS : QUEUE_OPTIONS) as typeof REVIEW_OPTIONS;
  const parsed = readCommandLine(args, options, USAGE[subcommand], output);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const content = (values.content ?? contentDirectory(env)).replace(/\/+$/, '');
  const refs = parsed.positionals;
  switch (subcommand) {
    case 'list':
    case 'review':
      if (refs.length > 0) {
        output.err(`${subcommand} takes no file or slug (got ${refs.join(' ')})\n\n${USAGE[subcommand]}`);
        return 2;
      }
      if (subcommand === 'review') return serveReviewPage(content, values.port, output, stopped);
      printQueue(await listQueue(content), output);
      return 0;
    case 'accept':
    case 'reject':
      if (refs.length === 0) {
        output.err(`${subcommand} needs the file or slug of at least one draft\n\n${USAGE[subcommand]}`);
        return 2;
      }
      return changeQueue(subcommand, content, refs, output);
  }
}
