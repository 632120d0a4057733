import { articleFieldsAt, articleSchema, type ArticleData } from './articleSchema.ts';
import { ContentError, describeIssue } from './contentErrors.ts';
import { FrontmatterError, parseMarkdownFile } from './frontmatter.ts';

export interface ValidArticle {
  data: ArticleData;
  body: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one article file's bytes and checks everything that can be known from the file alone.
 * Returns every problem found, each naming the file, the field and the fix.
 */
export function validateArticleFile(file: string, bytes: Uint8Array): ValidArticle | ContentError[] {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return [new ContentError(file, 'is not UTF-8 text (open it in your editor and save it with the UTF-8 encoding)')];
  }
  let parsed;
  try {
    parsed = parseMarkdownFile(text);
  } catch (error) {
    if (error instanceof FrontmatterError) return [new ContentError(file, error.message)];
    throw error;
  }
  const problems: ContentError[] = [];
  const result = articleSchema.safeParse(parsed.frontmatter, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push(new ContentError(file, describeIssue(issue, articleFieldsAt)));
  }
  if (parsed.body.trim() === '') {
    problems.push(new ContentError(file, 'has no article text (write the body below the closing "---" line)'));
  }
  if (problems.length > 0 || !result.success) return problems;
  return { data: result.data, body: parsed.body };
}
