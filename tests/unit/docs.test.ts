import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/dictionaries/en.ts';
import { UI_KEYS } from '../../src/i18n/uiOverrides.ts';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
/** README.md and every page of docs/, as paths from the project's root. */
const PAGES = ['README.md', ...DOCS];

function read(page: string): string {
  return readFileSync(join(ROOT, page), 'utf8');
}

function parse(page: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(read(page));
}

/** A node's text as GitHub slugs it: the words of its text and code, without the markup. */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : '';
}

/** The anchors GitHub gives a page's headings (`## The topic file: \`content/topic.md\`` → `the-topic-file-contenttopicmd`). */
function anchors(page: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  visit(parse(page), 'heading', (heading) => {
    found.add(slugger.slug(plainText(heading)));
  });
  return found;
}

/** Every link and image address a page holds, with the text or alt text it is shown with. */
function targets(page: string): { url: string; text: string; image: boolean }[] {
  const found: { url: string; text: string; image: boolean }[] = [];
  visit(parse(page), (node) => {
    if (node.type === 'link') found.push({ url: node.url, text: plainText(node), image: false });
    if (node.type === 'image') found.push({ url: node.url, text: node.alt ?? '', image: true });
  });
  return found;
}

/** A string as the page shows it: plural forms as `one` / `other`, pipes escaped for the table. */
function shown(key: (typeof UI_KEYS)[number]): string {
  const entry = en[key];
  const text = typeof entry === 'string' ? entry : Object.values(entry).join(' / ');
  return text.replaceAll('|', '\\|');
}

describe('docs/interface-strings.md', () => {
  it('lists every interface string an editor can replace, with its English text', () => {
    const rows = read('docs/interface-strings.md')
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    const expected = UI_KEYS.map((key) => `| \`${key}\` | ${shown(key)} |`);
    // On failure, the expected rows are the table to paste into docs/interface-strings.md.
    expect(rows.join('\n')).toBe(expected.join('\n'));
  });
});

describe('README and docs/', () => {
  it('give every page of docs/ a title and a link from README', () => {
    const linked = new Set(targets('README.md').map(({ url }) => url.split('#')[0]));
    for (const page of DOCS) {
      expect(read(page), page).toMatch(/^# \S/);
      expect(linked, `README.md links to ${page}`).toContain(page);
    }
  });

  it.each(PAGES)('%s: every relative link reaches a file, and every #anchor a heading there', (page) => {
    const problems: string[] = [];
    for (const { url, text, image } of targets(page)) {
      if (image && text.trim() === '') problems.push(`${url}: an image without alt text`);
      if (/^[a-z][a-z+.-]*:/i.test(url)) continue;
      const [path = '', anchor] = url.split('#');
      const target = path === '' ? page : relative(ROOT, join(ROOT, dirname(page), decodeURI(path)));
      if (!existsSync(join(ROOT, target))) problems.push(`${url}: no file ${target}`);
      else if (anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor))
        problems.push(`${url}: no heading in ${target} has the anchor #${anchor}`);
    }
    expect(problems).toEqual([]);
  });
});
