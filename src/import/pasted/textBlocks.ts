import { tidyLine, wordCount } from './rawTextLines.ts';

/** Paragraphs are separated by blank lines; a block is one paragraph however it was wrapped. */
export interface TextBlock {
  lines: string[];
  /** Where the block starts in the input (1-based), for messages. */
  line: number;
  text: string;
}

/** A pasted text's blocks, in order, each line tidied. */
export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const line = tidyLine(raw);
      if (!line) {
        current = undefined;
        return;
      }
      if (!current) blocks.push((current = { lines: [], line: index + 1, text: '' }));
      current.lines.push(line);
      current.text = current.text ? `${current.text} ${line}` : line;
    });
  return blocks;
}

/** A block made of some of another's lines, from the first of them. */
export function blockOf(lines: readonly string[], line: number): TextBlock {
  return { lines: [...lines], line, text: lines.join(' ') };
}

/** A paragraph that reads as the article itself. */
export function isProse(block: TextBlock): boolean {
  const words = wordCount(block.text);
  return words > 30 || (words > 12 && /[.!?。！？]["'”’)」』]*$/u.test(block.text));
}
