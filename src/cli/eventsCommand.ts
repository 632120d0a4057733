/**
 * `npm run events -- suggest [files…] [--write] [--pick 1,3]`: the dated statements found in
 * each article, and, with `--write`, the chosen ones added to its `events` frontmatter.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { readCommandLine, type CommandOutput } from '../lib/commandLine.ts';
import { formatCount } from '../i18n/counts.ts';
import { parsePublicationDate } from '../lib/dates.ts';
import { eventDateToString } from '../events/eventDates.ts';
import { suggestEvents, toFrontmatterEvent, type EventCandidate } from '../events/eventExtraction.ts';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { ContentErrors } from '../content/contentErrors.ts';
import { contentDirectory, readTopicLanguage } from '../content/topic.ts';
import { appendEvents, EventsFieldError, isListed, listedEvents } from '../events/appendEvents.ts';

const USAGE = `Usage: npm run events -- suggest [files…] [--write] [--pick 1,3]

Lists the dated statements in each article as candidate timeline events, numbered, with the
sentence each comes from. Without files, reads every article of the content folder
(content/articles, or DOSSIER_CONTENT/articles). Each article is read in its language: its
"lang", else the topic's "language" (English, German, French, Spanish, Portuguese, Dutch,
Japanese, Chinese and Russian dates are read).

  --write      add the candidates to each article's "events" frontmatter; events already
               listed (same date, nearly the same text) are not added again
  --pick 1,3   with --write and one file: add only these candidates`;

/** Runs the command; resolves to the exit code (0 done, 1 an article had a problem, 2 a usage error). */
export async function runEventsCommand(
  args: readonly string[],
  output: CommandOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const parsed = readCommandLine(
    args,
    { write: { type: 'boolean', default: false }, pick: { type: 'string' } },
    USAGE,
    output,
  );
  if (typeof parsed === 'number') return parsed;
  const [command, ...files] = parsed.positionals;
  const { write, pick } = parsed.values;
  if (command !== 'suggest') {
    output.err(`${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${USAGE}`);
    return 2;
  }
  const picked = pick === undefined ? undefined : readPick(pick);
  if (picked === null || (picked && (!write || files.length !== 1))) {
    output.err(
      picked === null
        ? `--pick takes candidate numbers such as "1,3", got "${pick}"`
        : "--pick chooses among one article's candidates: use it with --write and exactly one file",
    );
    return 2;
  }

  const articles = files.length > 0 ? files : (await glob(`${contentDirectory(env)}/articles/**/*.md`)).sort();
  if (articles.length === 0) {
    output.err(`no articles found in ${contentDirectory(env)}/articles`);
    return 1;
  }
  let topicLanguage: string;
  try {
    topicLanguage = readTopicLanguage(contentDirectory(env));
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    output.err(error.message);
    return 1;
  }
  let failed = false;
  for (const file of articles) {
    try {
      await suggestFor(file, { write, picked, topicLanguage }, output);
    } catch (error) {
      if (!(
        error instanceof ArticleProblem ||
        error instanceof FrontmatterError ||
        error instanceof EventsFieldError ||
        isMissingFile(error)
      ))
        throw error;
      output.err(`${file}: ${isMissingFile(error) ? 'no such file' : (error as Error).message}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

class ArticleProblem extends Error {}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** "1,3" → [1, 3]; null when it is not a list of candidate numbers. */
function readPick(list: string): number[] | null {
  const numbers = list.split(',').map((part) => part.trim());
  return numbers.every((part) => /^[1-9]\d*$/.test(part)) ? numbers.map(Number) : null;
}

async function suggestFor(
  file: string,
  options: { write: boolean; picked: number[] | undefined; topicLanguage: string },
  output: CommandOutput,
): Promise<void> {
  const fileText = await readFile(file, 'utf8');
  const { frontmatter, body } = parseMarkdownFile(fileText);
  const published = parsePublicationDate(frontmatter['date']);
  if (!published.ok) throw new ArticleProblem(`date ${published.message}`);
  const lang = frontmatter['lang'];
  const candidates = suggestEvents(body, published.value.day, typeof lang === 'string' ? lang : options.topicLanguage);
  const listed = listedEvents(frontmatter);
  output.out(
    `${file} (published ${published.value.day}): ${formatCount(candidates.length, { one: 'candidate', other: 'candidates' })}`,
  );
  candidates.forEach((candidate, index) =>
    output.out(describe(candidate, index + 1, isListed(toFrontmatterEvent(candidate), listed))),
  );
  if (!options.write) return;

  const outOfRange = options.picked?.filter((number) => number > candidates.length) ?? [];
  if (outOfRange.length > 0)
    throw new ArticleProblem(`has no candidate ${outOfRange.join(', ')} (it has ${candidates.length})`);
  const chosen = options.picked ? options.picked.map((number) => candidates[number - 1]!) : candidates;
  const { text, added } = appendEvents(fileText, chosen.map(toFrontmatterEvent));
  if (added.length > 0) await replaceFile(file, text);
  output.out(
    added.length > 0
      ? `  added ${formatCount(added.length, { one: 'event', other: 'events' })} to ${file}`
      : '  nothing to add: every chosen candidate is listed already',
  );
}

function describe(candidate: EventCandidate, number: number, listed: boolean): string {
  const date = `${eventDateToString(candidate.date)}${candidate.approximate ? ' (approximate)' : ''}`;
  return [
    `  ${String(number).padStart(2)}. ${date}${listed ? ', listed already' : ''} — "${candidate.phrase}"`,
    `      event:    ${candidate.text}`,
    `      evidence: ${candidate.evidence}`,
  ].join('\n');
}

/** Writes beside the file, then renames over it, so a crash never leaves half an article. */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
