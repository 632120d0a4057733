import { parseDocument } from 'yaml';

export interface MarkdownFile {
  frontmatter: Record<string, unknown>;
  body: string;
  /** The line of the file where the body starts (1-based), for error messages. */
  bodyLine: number;
}

export class FrontmatterError extends Error {}

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a Markdown file into its YAML frontmatter and body. YAML 1.2 (the `yaml` package's
 * core schema) keeps `2019-02-30` a string instead of rolling it over to 2 March, so dates are
 * checked as the editor wrote them.
 */
export function parseMarkdownFile(text: string): MarkdownFile {
  const match = FENCE.exec(text);
  if (!match) {
    throw new FrontmatterError('has no frontmatter (start the file with a line "---", the fields, then another "---")');
  }
  const yaml = match[1]!;
  const document = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    // A line of the file, counting the opening "---", so an editor can jump to it.
    const line = yaml.slice(0, error.pos[0]).split('\n').length + 1;
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw new FrontmatterError(
      `line ${line} is not valid YAML: ${reason} (check indentation, and quote text containing ": ")`,
    );
  }
  const frontmatter: unknown = document.toJS();
  if (frontmatter === null || typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
    throw new FrontmatterError('frontmatter is not a list of "field: value" lines');
  }
  const bodyLine = match[0].split('\n').length;
  return { frontmatter: frontmatter as Record<string, unknown>, body: text.slice(match[0].length), bodyLine };
}

/** The body of a Markdown file whose frontmatter is known to be good, without parsing the YAML again. */
export function markdownBody(text: string): string {
  const match = FENCE.exec(text);
  return match ? text.slice(match[0].length) : text;
}
