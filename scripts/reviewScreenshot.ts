/**
 * `tsx scripts/reviewScreenshot.ts <file.png>`: the review page as an editor sees it, for
 * docs/following.md. The default digest's articles are turned into drafts a followed feed
 * brought, in a temporary copy of `content/` with a `follow` block, each kept by the rule the
 * topic's own rules find; the review page serves that copy and Chromium takes the picture.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Document } from 'yaml';
import { parseMarkdownFile } from '../src/content/frontmatter.ts';
import { readTopic } from '../src/content/topic.ts';
import { createFollowRules, judgeItem } from '../src/follow/followRules.ts';
import { startReviewServer } from '../src/follow/reviewServer.ts';
import { launchChromium } from '../tests/support/browser.ts';

const [output] = process.argv.slice(2);
if (!output) {
  console.error('Usage: tsx scripts/reviewScreenshot.ts <file.png>');
  process.exit(1);
}

const FOLLOW = `follow:
  sources:
    - https://www.siliconrepublic.com/feed/
    - https://www.androidheadlines.com/feed
  keep: [transparency centre, 5G]
  drop: [sponsored]
`;

const folder = await mkdtemp(join(tmpdir(), 'dossier-review-screenshot-'));
// Run from the copy's folder, so that the page names files as an editor sees them: content/articles/….
const project = process.cwd();
const content = 'content';
try {
  await cp(join(project, 'content'), join(folder, content), { recursive: true });
  process.chdir(folder);
  const topicText = await readFile(join(content, 'topic.md'), 'utf8');
  await writeFile(join(content, 'topic.md'), topicText.replace(/\n---\n/, `\n${FOLLOW}---\n`));
  const topic = readTopic(content);
  const rules = createFollowRules({ keep: topic.follow!.keep, drop: topic.follow!.drop, entities: topic.entities });
  const articles = join(content, 'articles');
  for (const name of await readdir(articles)) {
    const text = await readFile(join(articles, name), 'utf8');
    const { frontmatter, body } = parseMarkdownFile(text);
    const source = frontmatter['source'] as { url: string };
    const feed = topic.follow!.sources.find(({ url }) => url.startsWith(source.url))!.url;
    const verdict = judgeItem(rules, { title: String(frontmatter['title']), text: body }, topic.language);
    if (!verdict.kept) throw new Error(`${name}: the screenshot's rules drop it (${verdict.reason})`);
    const followed = { feed, item: `${source.url}?p=${name.slice(0, 10)}`, rule: verdict.rule };
    const fields = new Document({ draft: true, followed }).toString({ lineWidth: 0 });
    const fence = text.indexOf('\n---\n', 3) + 1;
    await writeFile(join(articles, name), `${text.slice(0, fence)}${fields}${text.slice(fence)}`);
  }
  const review = await startReviewServer({ content });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(review.url);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: resolve(project, output) });
    console.log(`Wrote ${output}`);
  } finally {
    await browser.close();
    await review.close();
  }
} finally {
  process.chdir(project);
  await rm(folder, { recursive: true, force: true });
}
