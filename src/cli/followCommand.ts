/**
 * `npm run follow [--since YYYY-MM-DD] [--content DIR]`: polls every feed the topic follows once
 * and imports the new items its rules keep. `npm run follow -- list | accept | reject | review`
 * is the review queue (`reviewCommand.ts`). Exits 0 when every feed answered, 1 when any failed
 * (the others are still imported), 2 for a configuration error: a command line, topic file or
 * state file to fix before anything can run.
 */
import { ContentErrors } from '../content/contentErrors.ts';
import { contentDirectory, readTopic, type Topic } from '../content/topic.ts';
import { followStatePath, FollowStateError, readFollowState } from '../follow/followState.ts';
import { formatFollowTotals, formatSourceOutcome } from '../follow/followReport.ts';
import { followSources } from '../follow/followSources.ts';
import { FIRST_POLL_DAYS } from '../follow/followState.ts';
import { parsePublicationDate, type CalendarDate } from '../lib/dates.ts';
import { readCommandLine, type CommandOutput } from '../lib/commandLine.ts';
import { runReviewCommand } from './reviewCommand.ts';

const REVIEW_COMMANDS = ['list', 'accept', 'reject', 'review'] as const;
type ReviewCommand = (typeof REVIEW_COMMANDS)[number];

export const FOLLOW_USAGE = `Usage: npm run follow [-- [--since YYYY-MM-DD] [--content DIR]]
       npm run follow -- list | accept <file or slug>... | reject <file or slug>... | review

Polls every feed listed under "follow:" in content/topic.md once, and writes each new item that
the topic's rules keep (a "keep" phrase or an entity named, no "drop" phrase) to
content/articles/ as a draft, with where it came from in "followed". What each feed answered
is kept in content/follow-state.yaml: commit it with the articles. When an outlet changes an
article it imported, the file takes the new version (the previous one is kept in
content/revisions/), or, if you have edited it, the new version waits for review.

  --since YYYY-MM-DD  count items published from this day (default: ${FIRST_POLL_DAYS} days before a
                      feed's first poll, then the day its first poll recorded)
  --content DIR       the content folder (default: $DOSSIER_CONTENT or content)

  list                the drafts and the outlets' updates waiting for review
  accept <file>...    publish drafts, or apply updates (your version is kept)
  reject <file>...    remove drafts (no later poll brings their items back), or updates
  review              the review page in the browser

Exit status: 0 every feed answered, 1 a feed failed (the others were still read),
2 the command line, the topic file or the state file needs fixing.`;

/** Where the run's lines go, and on a terminal the one line that says which feed it waits for. */
export interface FollowCommandOutput extends CommandOutput {
  progress?: ((line: string) => void) | undefined;
}

const isReviewCommand = (word: string | undefined): word is ReviewCommand =>
  (REVIEW_COMMANDS as readonly (string | undefined)[]).includes(word);

function calendarDay(value: string | undefined): CalendarDate | undefined | Error {
  if (value === undefined) return undefined;
  const reading = parsePublicationDate(value);
  if (!reading.ok || reading.value.dateTime)
    return new Error(`--since "${value}" is not a calendar date (use YYYY-MM-DD, such as 2019-03-06)`);
  return reading.value.day;
}

/** The checked topic with its `follow` block, or the message saying what to fix. */
function followedTopic(content: string): (Topic & { follow: NonNullable<Topic['follow']> }) | string {
  let topic: Topic;
  try {
    topic = readTopic(content);
  } catch (error) {
    if (error instanceof ContentErrors) return error.message;
    throw error;
  }
  if (!topic.follow)
    return `${content}/topic.md: follow is missing, so there is nothing to poll (add "follow:" with "sources:", a list of feed addresses; see docs/topic-and-articles.md)`;
  return { ...topic, follow: topic.follow };
}

/** Runs the command; resolves to its exit code. */
export async function runFollowCommand(
  args: readonly string[],
  output: FollowCommandOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const [first, ...rest] = args;
  if (isReviewCommand(first)) return runReviewCommand(first, rest, output, env);
  const parsed = readCommandLine(
    args,
    { since: { type: 'string' }, content: { type: 'string' } },
    FOLLOW_USAGE,
    output,
  );
  if (typeof parsed === 'number') return parsed;
  const since = calendarDay(parsed.values.since);
  const usageError = (problem: string) => {
    output.err(`follow: ${problem}\n\n${FOLLOW_USAGE}`);
    return 2;
  };
  if (parsed.positionals.length > 0)
    return usageError(
      `unknown command "${parsed.positionals[0]}" (use list, accept, reject or review, or no command to poll)`,
    );
  if (since instanceof Error) return usageError(since.message);
  const content = (parsed.values.content ?? contentDirectory(env)).replace(/\/+$/, '');
  const topic = followedTopic(content);
  if (typeof topic === 'string') {
    output.err(`follow: ${topic}`);
    return 2;
  }
  let state;
  try {
    state = await readFollowState(content);
  } catch (error) {
    if (!(error instanceof FollowStateError)) throw error;
    output.err(`follow: ${error.message}`);
    return 2;
  }

  const total = topic.follow.sources.length;
  output.out(`Polling ${total === 1 ? '1 feed' : `${total} feeds`} (state: ${followStatePath(content)}).`);
  const started = performance.now();
  const outcomes = await followSources({
    content,
    topic,
    state,
    since,
    onWaiting: (source, index) => output.progress?.(`[${index + 1}/${total}] ${source.url}`),
    onDone: (outcome) => {
      for (const line of formatSourceOutcome(outcome)) output.out(line);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.out(`\n${formatFollowTotals(outcomes)} ${seconds} s.`);
  return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0;
}
