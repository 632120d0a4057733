/**
 * The one reader of the topic file. The config, the content loader, the build steps and
 * `npm run check` all take the `Topic` it returns, so they agree on every setting and its default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webAddress } from './articleSchema.ts';
import { ContentError, ContentErrors, describeIssue } from './contentErrors.ts';
import { FrontmatterError, parseMarkdownFile } from './frontmatter.ts';
import { topicFieldsAt, topicSchema, type TopicSettings } from './topicSchema.ts';

/** The topic's settings, and its body: the About page's text, in Markdown. */
export interface Topic extends TopicSettings {
  about: string;
}

/**
 * The folder holding `topic.md` and `articles/`: `content/`, unless `DOSSIER_CONTENT` names
 * another (to build a second digest, a test fixture or a benchmark corpus with the same code).
 */
export function contentDirectory(env: Record<string, string | undefined> = process.env): string {
  return (env['DOSSIER_CONTENT'] || 'content').replace(/\/+$/, '');
}

/** The topic file of a content folder, as editors name it in messages. */
export const topicFilePath = (directory: string) => join(directory, 'topic.md');

/** Checks a topic file's text; every problem is reported at once, each naming the field and the fix. */
export function parseTopic(text: string, path: string): Topic {
  let file;
  try {
    file = parseMarkdownFile(text);
  } catch (error) {
    if (error instanceof FrontmatterError) throw new ContentErrors([new ContentError(path, error.message)]);
    throw error;
  }
  const result = topicSchema.safeParse(file.frontmatter, { reportInput: true });
  if (!result.success) {
    throw new ContentErrors(
      result.error.issues.map((issue) => new ContentError(path, describeIssue(issue, topicFieldsAt))),
    );
  }
  return { ...result.data, about: file.body };
}

export function readTopic(directory: string): Topic {
  const path = topicFilePath(directory);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ContentErrors([
      new ContentError(path, 'is missing (every digest needs one: see docs/topic-and-articles.md)'),
    ]);
  }
  return parseTopic(text, path);
}

/**
 * The language of a content folder's articles that give no `lang`: the topic's, or the topic
 * schema's default when the folder has no topic file (articles handled outside a digest).
 */
export function readTopicLanguage(directory: string): string {
  return existsSync(topicFilePath(directory))
    ? readTopic(directory).language
    : topicSchema.shape.language.parse(undefined);
}

export interface SiteAddress {
  /** The site's origin and path, always ending in "/": `https://example.org/digests/huawei/`. */
  site: string;
  /** The path part, which Astro calls `base`: `/digests/huawei/`. */
  base: string;
}

/**
 * Where the site is published: `DOSSIER_SITE` when set (to deploy the same digest elsewhere),
 * else the topic's `site`. The path of that URL becomes the base of every link.
 */
export function resolveSiteAddress(topic: Pick<Topic, 'site'>, override: string | undefined): SiteAddress {
  const checked = webAddress.safeParse(override || topic.site);
  if (!checked.success)
    throw new Error(`DOSSIER_SITE ${checked.error.issues[0]!.message} (got ${JSON.stringify(override)})`);
  const url = new URL(checked.data);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { site: url.href, base: url.pathname };
}
