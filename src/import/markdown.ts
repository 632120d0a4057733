import type { Root, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';

/**
 * The serializer escapes every "&" before a letter in case it starts a character reference, which
 * would turn "R&D" into "R\&D" in the editor's file. Only an "&" that really forms a reference
 * (`&amp;`, `&#38;`) needs its backslash.
 */
const NEEDLESS_AMPERSAND_ESCAPE = /\\&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)/g;

const stringifier: Processor<undefined, undefined, undefined, Root, string> = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    listItemIndent: 'one',
    handlers: {
      text(node: Text, parent, state, info) {
        const siblings = parent ? parent.children : [];
        const index = state.indexStack.at(-1) ?? 0;
        const safe = state.safe(node.value, {
          ...info,
          beforeNode: siblings[index - 1],
          afterNode: siblings[index + 1],
        });
        return safe.replace(NEEDLESS_AMPERSAND_ESCAPE, '&');
      },
    },
  })
  .freeze();

/** An article body as Markdown: text that could be read as Markdown syntax is escaped, nothing else changes. */
export function markdownFromTree(tree: Root): string {
  return stringifier.stringify(tree);
}
