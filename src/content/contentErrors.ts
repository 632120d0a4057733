import type { z } from 'astro/zod';
import { formatCount } from '../i18n/counts.ts';
import { closestSpelling } from '../lib/spelling.ts';

/** A problem with one content file, worded for the editor who has to fix it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ContentError';
  }
}

/** Several content problems reported at once, so one build shows every file to fix. */
export class ContentErrors extends Error {
  constructor(readonly problems: ContentError[]) {
    super(
      `${formatCount(problems.length, { one: 'content problem stops', other: 'content problems stop' })} the build:\n` +
        problems.map((problem) => `  - ${problem.message}`).join('\n'),
    );
    this.name = 'ContentErrors';
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Words one schema issue for a person: which field, what is wrong, what to write instead.
 * `knownFields` lists the fields allowed where the issue occurred, to suggest a spelling.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  knownFields: (path: readonly PropertyKey[]) => string[],
): string {
  const field = fieldName(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const suggestion = closestSpelling(key, knownFields(issue.path));
        const where = field ? ` in "${field}"` : '';
        return suggestion
          ? `unknown field "${key}"${where} (did you mean "${suggestion}"?)`
          : `unknown field "${key}"${where} (remove it; the fields are: ${knownFields(issue.path).join(', ')})`;
      })
      .join('; ');
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `field "${field}" is missing (add "${String(issue.path.at(-1))}: …" to the frontmatter)`;
  }
  if (issue.code === 'invalid_type') {
    return `field "${field}" should be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : `a ${issue.expected}`}`;
  }
  return `field "${field}" ${issue.message}`;
}
