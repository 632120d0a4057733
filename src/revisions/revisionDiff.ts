/**
 * What changed between two versions of an article, word by word: the title, and each paragraph
 * that changed, with the words removed and added. Texts are cut into words by `Intl.Segmenter` in
 * the article's language, so Chinese and Japanese, written without spaces, are compared word by
 * word too (their words as the segmenter's dictionary knows them) rather than as one long word.
 */
import { markdownToPlainText } from '../content/articles.ts';

/** A run of text the two versions share, or one of them alone has. */
export interface TextChange {
  change: 'same' | 'removed' | 'added';
  text: string;
}

/** An article version as the diff reads it: its title and its Markdown body. */
export interface ArticleVersion {
  title: string;
  body: string;
}

/** What changed from one version to the next; `undefined` fields did not change. */
export interface RevisionChanges {
  /** The title, word by word, when it changed. */
  title?: TextChange[] | undefined;
  /** Each paragraph that changed, in the new version's order: removed, added or both. */
  paragraphs: TextChange[][];
}

/**
 * Beyond this many cells of the comparison table (words of one paragraph times words of the
 * other), a paragraph is shown as removed and added whole: the table grows with the product, and
 * two paragraphs that long and that different say nothing more word by word.
 */
const MOST_CELLS = 1_000_000;

/** The words of a text and what lies between them (spaces, punctuation), so that joined they are the text. */
export function splitWords(text: string, language = 'en'): string[] {
  return [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)].map(({ segment }) => segment);
}

/**
 * Adjacent runs of one kind made one, so that the page shows one `<del>` for three words removed;
 * a space or a comma shared between two changes goes with them, rather than cutting a sentence
 * rewritten whole into a dozen pieces.
 */
function merged(changes: readonly TextChange[]): TextChange[] {
  const absorbed = changes.flatMap((change, index): TextChange[] => {
    const between =
      change.change === 'same' &&
      !/[\p{L}\p{N}]/u.test(change.text) &&
      changes[index - 1]?.change !== 'same' &&
      index > 0 &&
      index < changes.length - 1 &&
      changes[index + 1]?.change !== 'same';
    return between
      ? [
          { change: 'removed', text: change.text },
          { change: 'added', text: change.text },
        ]
      : [change];
  });
  // Removed before added, so that a reader meets the old words, then the new.
  const ordered: TextChange[] = [];
  for (let index = 0; index < absorbed.length;) {
    if (absorbed[index]!.change === 'same') {
      ordered.push(absorbed[index++]!);
      continue;
    }
    const run: TextChange[] = [];
    while (index < absorbed.length && absorbed[index]!.change !== 'same') run.push(absorbed[index++]!);
    ordered.push(...run.filter((part) => part.change === 'removed'), ...run.filter((part) => part.change === 'added'));
  }
  const out: TextChange[] = [];
  for (const change of ordered) {
    if (change.text === '') continue;
    const last = out.at(-1);
    if (last?.change === change.change) last.text += change.text;
    else out.push({ ...change });
  }
  return out;
}

/**
 * The longest common subsequence of two lists, as the runs of the first alone, the second alone
 * and both: the classic table, on lists already stripped of their common start and end.
 */
function commonRuns<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean) {
  let start = 0;
  while (start < before.length && start < after.length && same(before[start]!, after[start]!)) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    same(before[before.length - 1 - end]!, after[after.length - 1 - end]!)
  )
    end++;
  const a = before.slice(start, before.length - end);
  const b = after.slice(start, after.length - end);
  const steps: Array<{ change: TextChange['change']; before?: T; after?: T }> = before
    .slice(0, start)
    .map((item, index) => ({ change: 'same' as const, before: item, after: after[index]! }));
  if (a.length * b.length > MOST_CELLS) {
    steps.push(...a.map((item) => ({ change: 'removed' as const, before: item })));
    steps.push(...b.map((item) => ({ change: 'added' as const, after: item })));
  } else {
    // lengths[i][j]: the common subsequence's length of a[i..] and b[j..].
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lengths[i * width + j] = same(a[i]!, b[j]!)
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && same(a[i]!, b[j]!))
        steps.push({ change: 'same', before: a[i++]!, after: b[j++]! });
      else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!))
        steps.push({ change: 'added', after: b[j++]! });
      else steps.push({ change: 'removed', before: a[i++]! });
    }
  }
  const tail = before.length - end;
  for (let index = 0; index < end; index++)
    steps.push({ change: 'same', before: before[tail + index]!, after: after[after.length - end + index]! });
  return steps;
}

/** Two texts compared word by word: the runs they share, and those only one has. */
export function diffWords(before: string, after: string, language = 'en'): TextChange[] {
  const steps = commonRuns(splitWords(before, language), splitWords(after, language), (a, b) => a === b);
  return merged(steps.map((step) => ({ change: step.change, text: (step.after ?? step.before)! })));
}

/** A body's paragraphs as plain text, as a reader reads them. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => markdownToPlainText(block.replace(/^#{1,6}[ \t]+/, '')))
    .filter((paragraph) => paragraph !== '');
}

/**
 * What changed from `previous` to `current`: the title word by word when it changed, and every
 * paragraph that changed. Paragraphs are matched first (an unchanged paragraph is left out); a
 * paragraph removed where another was added is shown as one paragraph changed word by word.
 * `undefined` when nothing a reader sees changed.
 */
export function revisionChanges(
  previous: ArticleVersion,
  current: ArticleVersion,
  language = 'en',
): RevisionChanges | undefined {
  const title = previous.title === current.title ? undefined : diffWords(previous.title, current.title, language);
  const steps = commonRuns(paragraphsOf(previous.body), paragraphsOf(current.body), (a, b) => a === b);
  const paragraphs: TextChange[][] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      if (index < paired) paragraphs.push(diffWords(removed[index]!, added[index]!, language));
      else if (index < removed.length) paragraphs.push([{ change: 'removed', text: removed[index]! }]);
      else paragraphs.push([{ change: 'added', text: added[index]! }]);
    }
    removed = [];
    added = [];
  };
  for (const step of steps) {
    if (step.change === 'removed') removed.push(step.before!);
    else if (step.change === 'added') added.push(step.after!);
    else flush();
  }
  flush();
  return title || paragraphs.length > 0 ? { title, paragraphs } : undefined;
}
