/**
 * `npm run check`'s content half: reads the topic file and every article the way the build does
 * and prints every problem, in a second or two, without building anything.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { checkArticles } from '../lib/contentCheck.ts';
import { ContentError, describeIssue } from '../lib/contentErrors.ts';
import { FrontmatterError, parseMarkdownFile } from '../lib/frontmatter.ts';
import { contentDirectory, resolveSiteAddress } from '../lib/siteAddress.ts';
import { topicSchema } from '../lib/topicSchema.ts';

async function checkTopic(path: string): Promise<ContentError[]> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return [new ContentError(path, 'is missing (every digest needs one: see README, "The topic file")')];
  try {
    const result = topicSchema.safeParse(parseMarkdownFile(text).frontmatter, { reportInput: true });
    return result.success ? [] : result.error.issues.map((issue) => new ContentError(path, describeIssue(issue, () => Object.keys(topicSchema.shape))));
  } catch (error) {
    if (error instanceof FrontmatterError) return [new ContentError(path, error.message)];
    throw error;
  }
}

async function main(): Promise<number> {
  const content = contentDirectory();
  const topicPath = join(content, 'topic.md');
  const problems = await checkTopic(topicPath);
  const articlesDir = join(content, 'articles');
  const names = await glob('**/*.md', { cwd: articlesDir });
  const files = await Promise.all(names.map(async (name) => ({ name, path: relative('.', join(articlesDir, name)), bytes: await readFile(join(articlesDir, name)) })));
  const origin = problems.length === 0 ? new URL(resolveSiteAddress(await readFile(topicPath, 'utf8'), process.env['DOSSIER_SITE']).site).origin : '';
  const checked = checkArticles(files, origin);
  problems.push(...checked.problems);
  if (problems.length === 0) {
    console.log(`Content is fine: ${checked.articles.length} ${checked.articles.length === 1 ? 'article' : 'articles'} and the topic file.`);
    return 0;
  }
  console.error(`${problems.length} content ${problems.length === 1 ? 'problem' : 'problems'} to fix:`);
  for (const problem of problems) console.error(`  - ${problem.message}`);
  return 1;
}

process.exitCode = await main();
