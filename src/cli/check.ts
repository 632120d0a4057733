/**
 * `npm run check`'s content half: reads the topic file and every article the way the build does
 * and prints every problem, in a second or two, without building anything.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { checkArticles } from '../content/contentCheck.ts';
import { ContentErrors, type ContentError } from '../content/contentErrors.ts';
import { indexEntities } from '../entities/entities.ts';
import { formatCount } from '../i18n/counts.ts';
import { contentDirectory, readTopic, resolveSiteAddress, type Topic } from '../content/topic.ts';

function checkTopic(content: string): { topic?: Topic; problems: ContentError[] } {
  try {
    return { topic: readTopic(content), problems: [] };
  } catch (error) {
    if (error instanceof ContentErrors) return { problems: error.problems };
    throw error;
  }
}

async function main(): Promise<number> {
  const content = contentDirectory();
  const { topic, problems } = checkTopic(content);
  const articlesDir = join(content, 'articles');
  const names = await glob('**/*.md', { cwd: articlesDir });
  const files = await Promise.all(
    names.map(async (name) => ({
      name,
      path: relative('.', join(articlesDir, name)),
      bytes: await readFile(join(articlesDir, name)),
    })),
  );
  const origin = topic ? new URL(resolveSiteAddress(topic, process.env['DOSSIER_SITE']).site).origin : '';
  const checked = checkArticles(files, origin, indexEntities(topic?.entities ?? []));
  problems.push(...checked.problems);
  if (problems.length === 0) {
    console.log(
      `Content is fine: ${formatCount(checked.articles.length, { one: 'article', other: 'articles' })} and the topic file.`,
    );
    return 0;
  }
  console.error(`${formatCount(problems.length, { one: 'content problem', other: 'content problems' })} to fix:`);
  for (const problem of problems) console.error(`  - ${problem.message}`);
  return 1;
}

process.exitCode = await main();
