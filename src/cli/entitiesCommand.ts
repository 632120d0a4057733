/**
 * `npm run entities -- suggest [--min N] [--limit N]`: names that several articles use but the
 * topic file does not list among its entities, for the editor to add by hand.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { markdownToPlainText } from '../content/articles.ts';
import { ContentErrors } from '../content/contentErrors.ts';
import { contentDirectory, readTopic } from '../content/topic.ts';
import { validateArticleFile } from '../content/validateArticle.ts';
import { readCommandLine, type CommandOutput } from '../lib/commandLine.ts';
import { formatCount } from '../i18n/counts.ts';
import { namedEntities } from '../entities/entities.ts';
import { createMentionMatcher } from '../entities/mentionMatcher.ts';
import { suggestEntities, type ArticleText } from '../entities/suggestEntities.ts';

const USAGE = `Usage: npm run entities -- suggest [--min N] [--limit N]

Lists names (capitalised words in a row, such as "Mike Pompeo") that several articles use but
content/topic.md does not list among its entities, most widespread first, each with the number
of articles and a sentence using it. Nothing is written: add the ones you want to "entities".

  --min N     only names used in at least N articles (default 2)
  --limit N   list at most N names (default 30)`;

const positiveInteger = (text: string | undefined, fallback: number) => {
  const value = text === undefined ? fallback : Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};

/** An article file as plain text for finding names: its title, summary and paragraphs, one per line. */
function articleText(file: string, bytes: Uint8Array): ArticleText | undefined {
  const article = validateArticleFile(file, bytes);
  if (Array.isArray(article)) return undefined;
  const paragraphs = article.body.split(/\r?\n\s*\r?\n/).map(markdownToPlainText);
  return {
    file,
    lang: article.data.lang,
    text: [article.data.title, article.data.summary ?? '', ...paragraphs].join('\n'),
  };
}

/** Runs the command; resolves to the exit code (0 done, 1 a content problem, 2 a usage error). */
export async function runEntitiesCommand(
  args: readonly string[],
  output: CommandOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const parsed = readCommandLine(args, { min: { type: 'string' }, limit: { type: 'string' } }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  const [command] = parsed.positionals;
  const minimum = positiveInteger(parsed.values.min, 2);
  const limit = positiveInteger(parsed.values.limit, 30);
  if (command !== 'suggest' || minimum === undefined || limit === undefined) {
    const problem =
      command !== 'suggest'
        ? command === undefined
          ? 'no command given'
          : `unknown command "${command}"`
        : '--min and --limit take a whole number above 0';
    output.err(`${problem}\n\n${USAGE}`);
    return 2;
  }
  const content = contentDirectory(env);
  let topic;
  try {
    topic = readTopic(content);
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    output.err(error.message);
    return 1;
  }
  const directory = join(content, 'articles');
  const files = (await glob('**/*.md', { cwd: directory })).sort();
  const articles = (
    await Promise.all(
      files.map(async (name) =>
        articleText(relative('.', join(directory, name)), await readFile(join(directory, name))),
      ),
    )
  ).filter((article) => article !== undefined);
  const known = createMentionMatcher(namedEntities(topic.entities), topic.language);
  const suggestions = suggestEntities(articles, known, minimum);
  if (suggestions.length === 0) {
    output.out(
      `No name in ${formatCount(minimum, { one: 'article', other: 'articles' })} or more is missing from the topic's entities.`,
    );
    return 0;
  }
  output.out(
    `Names in ${formatCount(minimum, { one: 'article', other: 'articles' })} or more that ${topic.entities.length > 0 ? 'are not among' : 'could be'} the topic's entities (add the ones you want to "entities" in topic.md):\n`,
  );
  for (const { name, articles: count, example } of suggestions.slice(0, limit)) {
    output.out(
      `${name} (${formatCount(count, { one: 'article', other: 'articles' })})\n  “${example.sentence}” (${example.file})`,
    );
  }
  if (suggestions.length > limit)
    output.out(`\n…and ${suggestions.length - limit} more (--limit ${suggestions.length} lists every one).`);
  return 0;
}
