import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempFolder, removeTempFolders } from '../../support/tempFolders.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const project = new ESLint({ cwd: root });

/** The import-boundary messages for `code` as if it were the file at `filePath` (relative to `cwd`). */
async function boundaryMessages(code: string, filePath: string, eslint = project): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter(
    (message) => message.fatal || (message.ruleId?.startsWith('dossier/') ?? false),
  );
}

async function messageTexts(code: string, filePath: string, eslint = project): Promise<string[]> {
  return (await boundaryMessages(code, filePath, eslint)).map((message) => message.message);
}

// Files linted here are virtual (lintText): only their paths place them in src/, so the layer rule's
// tests depend on the folder names in eslint.config.js, not on which modules exist today.
describe('dossier/layers', () => {
  it('keeps lib/ below every domain', async () => {
    expect(await messageTexts("import { readTopic } from '../content/topic.ts';\n", 'src/lib/fixture.ts')).toEqual([
      'src/lib/fixture.ts may not import src/content/topic.ts: lib/ (rank 0) sits below content/ (rank 3); ' +
        'move the code down or the import up (layers in eslint.config.js)',
    ]);
    expect(await messageTexts("import { formatCount } from '../i18n/format.ts';\n", 'src/lib/fixture.ts')).toHaveLength(
      1,
    );
    expect(await messageTexts("import { slugify } from './slugs.ts';\n", 'src/lib/fixture.ts')).toEqual([]);
  });

  it('keeps pages, components and layouts out of the domains', async () => {
    for (const target of ['../pages/index.astro', '../components/Timeline.astro', '../layouts/BaseLayout.astro']) {
      const messages = await messageTexts(`import Thing from '${target}';\n`, 'src/timeline/fixture.ts');
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(
        /^src\/timeline\/fixture\.ts may not import src\/\w+\/\w+\.astro: timeline\/ \(rank 5\)/,
      );
    }
    expect(await messageTexts("import { buildTimeline } from '../timeline/timeline.ts';\n", 'src/pages/x.ts')).toEqual(
      [],
    );
  });

  it('keeps folders of one rank apart, so they cannot form a cycle', async () => {
    expect(
      await messageTexts("import { findEvents } from '../events/eventText.ts';\n", 'src/timeline/fixture.ts'),
    ).toEqual([
      'src/timeline/fixture.ts may not import src/events/eventText.ts: timeline/ and events/ share rank 5, so ' +
        'neither may import the other; move the shared code down to a lower layer (layers in eslint.config.js)',
    ]);
    expect(
      await messageTexts("import { buildTimeline } from '../timeline/timeline.ts';\n", 'src/events/x.ts'),
    ).toHaveLength(1);
  });

  it('rejects an import up from one domain to a higher one, and passes it the other way', async () => {
    expect(await messageTexts("import { SHARDS_FILE } from '../search/searchFiles.ts';\n", 'src/content/x.ts')).toEqual(
      [
        'src/content/x.ts may not import src/search/searchFiles.ts: content/ (rank 3) sits below search/ (rank 5); ' +
          'move the code down or the import up (layers in eslint.config.js)',
      ],
    );
    expect(await messageTexts("import { readTopic } from '../content/topic.ts';\n", 'src/search/x.ts')).toEqual([]);
  });

  it('follows every way of naming a module: types, re-exports, import() and new URL', async () => {
    const code = [
      "import type { Topic } from '../../content/topic.ts';",
      "export { SHARDS_FILE } from '../../search/searchFiles.ts';",
      "export * from '../../pages/index.astro';",
      "export type { Row } from '../../site/pagination.ts';",
      "export const later = () => import('../../sync/syncArticles.ts');",
      "export const worker = new URL('../../sync/bodyWorker.ts?worker', import.meta.url);",
      'export type Loaded = typeof import("../../build/buildPaths.ts");',
      "export const here = new URL('./other.ts', import.meta.url);",
    ].join('\n');
    const messages = await boundaryMessages(code, 'src/lib/nested/fixture.ts');
    expect(messages.map((message) => message.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(messages[5]?.message).toContain('may not import src/sync/bodyWorker.ts:');
  });

  it('lets files directly in src/ import anything, and no folder import them', async () => {
    expect(await messageTexts("import page from './pages/index.astro';\n", 'src/content.config.ts')).toEqual([]);
    expect(await messageTexts("import { collections } from '../content.config.ts';\n", 'src/pages/x.ts')).toEqual([
      'src/pages/x.ts may not import src/content.config.ts: files directly in src/ sit above every layer; ' +
        'move the code it needs into a layer (layers in eslint.config.js)',
    ]);
  });

  it('asks for a layer for a folder the table does not know, as importer or as imported', async () => {
    expect(await messageTexts("import { slugify } from '../lib/slugs.ts';\n", 'src/widgets/fixture.ts')).toEqual([
      'src/widgets/fixture.ts: src/widgets/ has no layer; place it in the layers in eslint.config.js',
    ]);
    expect(await messageTexts("import { gadget } from '../widgets/gadget.ts';\n", 'src/pages/x.ts')).toEqual([
      'src/pages/x.ts may not import src/widgets/gadget.ts: src/widgets/ has no layer; ' +
        'place it in the layers in eslint.config.js',
    ]);
  });

  it('lets any layer import styles, which hold no code', async () => {
    expect(await messageTexts("import '../styles/global.css';\n", 'src/lib/x.ts')).toEqual([]);
    expect(await messageTexts('export const x = 1;\n', 'src/styles/x.ts')).toEqual([
      'src/styles/x.ts: src/styles/ holds CSS only; put code in a layer (layers in eslint.config.js)',
    ]);
  });

  it("checks an Astro component's frontmatter and its scripts", async () => {
    const component = [
      '---',
      "import Page from '../pages/index.astro';",
      '---',
      '<Page />',
      '<script>',
      "  import { mountSearch } from '../pages/search.ts';",
      '  mountSearch();',
      '</script>',
      '',
    ].join('\n');
    const messages = await boundaryMessages(component, 'src/components/Fixture.astro');
    expect(messages.map((message) => [message.line, message.ruleId])).toEqual([
      [2, 'dossier/layers'],
      [6, 'dossier/layers'],
    ]);
  });
});

describe('dossier/browser-imports', () => {
  it('rejects Node builtins, by node: or by bare name, and Node-only packages', async () => {
    const file = 'src/search/browser/fixture.ts';
    expect(await messageTexts("import { readFile } from 'node:fs';\n", file)).toEqual([
      "src/search/browser/fixture.ts runs in the browser and may not import 'node:fs', a Node builtin; " +
        'keep the Node side out of browser code',
    ]);
    expect(await messageTexts("import path from 'path';\n", file)).toHaveLength(1);
    expect(await messageTexts("export const go = () => import('fs/promises');\n", file)).toHaveLength(1);
    expect(await messageTexts("import { build } from 'esbuild';\n", file)).toEqual([
      "src/search/browser/fixture.ts runs in the browser and may not import 'esbuild', a Node-only package " +
        '(nodeOnlyPackages in eslint.config.js); keep the Node side out of browser code',
    ]);
    expect(
      await messageTexts("import { glob } from 'tinyglobby';\n", 'src/offline/browser/deep/fixture.ts'),
    ).toHaveLength(1);
  });

  it('passes type-only imports, which leave nothing in the bundle, and packages the browser has', async () => {
    const code = "import type { Stats } from 'node:fs';\nimport { casual } from 'chrono-node';\n";
    expect(await messageTexts(code, 'src/search/browser/fixture.ts')).toEqual([]);
  });

  it("rejects Node's globals in browser code, and leaves them to Node code", async () => {
    expect(await messageTexts('export const env = process.env;\n', 'src/site/browser/fixture.ts')).toEqual([
      "src/site/browser/fixture.ts runs in the browser, which has no process (a Node global); use the browser's own API",
    ]);
    expect(await messageTexts('export const env = process.env;\n', 'src/site/fixture.ts')).toEqual([]);
  });

  it("treats an Astro component's scripts as browser code and its frontmatter as server code", async () => {
    const component = [
      '---',
      "import { readFile } from 'node:fs/promises';",
      "const about = await readFile('about.md', 'utf8');",
      '---',
      '<p>{about}</p>',
      '<script>',
      "  import { readFileSync } from 'node:fs';",
      '  readFileSync;',
      '</script>',
      '',
    ].join('\n');
    const messages = await boundaryMessages(component, 'src/components/Fixture.astro');
    expect(messages.map((message) => [message.line, message.ruleId])).toEqual([[7, 'dossier/browser-imports']]);
  });

  it('gives browser code the browser globals only, and other code Node globals only', async () => {
    const globalsOf = async (file: string): Promise<string[]> => {
      const config = await project.calculateConfigForFile(file);
      return Object.keys((config?.languageOptions['globals'] as Linter.Globals | undefined) ?? {});
    };
    expect(await globalsOf('src/search/browser/fixture.ts')).toEqual(expect.arrayContaining(['window', 'document']));
    expect(await globalsOf('src/search/browser/fixture.ts')).not.toContain('process');
    expect(await globalsOf('src/search/fixture.ts')).toContain('process');
    expect(await globalsOf('src/search/fixture.ts')).not.toContain('window');
  });

  // What a module needs is found by reading it and what it imports, so these tests lint against a small
  // tree of their own, with the project's config pointed at it.
  describe('through src modules', () => {
    let tree: string;
    let eslint: ESLint;
    const write = async (file: string, code: string) => {
      await mkdir(dirname(join(tree, file)), { recursive: true });
      await writeFile(join(tree, file), code);
    };

    beforeAll(async () => {
      tree = await makeTempFolder('lint');
      eslint = new ESLint({
        cwd: tree,
        overrideConfigFile: join(root, 'eslint.config.js'),
        overrideConfig: { settings: { dossier: { srcDir: join(tree, 'src') } } },
      });
      await write(
        'src/search/build/indexer.ts',
        "import { readFile } from 'node:fs/promises';\nexport const index = readFile;\n",
      );
      await write(
        'src/search/searchTools.ts',
        "export { index } from './build/indexer.ts';\nexport const LIMIT = 5;\n",
      );
      await write(
        'src/search/searchFormat.ts',
        "import type { index } from './build/indexer.ts';\nexport type Index = typeof index;\nexport const FORMAT = 1;\n",
      );
      await write('src/search/searchStyle.ts', "import '../styles/search.css';\nexport const STYLE = 1;\n");
      await write('src/styles/search.css', 'p { color: red; }\n');
      await write('src/lib/clock.ts', 'export const now = () => process.hrtime();\n');
      await write('src/lib/first.ts', "import { second } from './second.ts';\nexport const first = () => second;\n");
      await write('src/lib/second.ts', "import { first } from './first.ts';\nexport const second = () => first;\n");
    });

    afterAll(removeTempFolders);

    it('rejects a module that needs Node by itself', async () => {
      expect(
        await messageTexts("import { index } from '../build/indexer.ts';\n", 'src/search/browser/panel.ts', eslint),
      ).toEqual([
        'src/search/browser/panel.ts runs in the browser and may not import src/search/build/indexer.ts, which needs ' +
          "Node: src/search/build/indexer.ts → 'node:fs/promises', a Node builtin; " +
          'import a module without the Node side, or split it off',
      ]);
    });

    it('rejects a module that needs Node only through what it imports, and names the way', async () => {
      const messages = await messageTexts(
        "import { LIMIT } from '../searchTools.ts';\n",
        'src/search/browser/panel.ts',
        eslint,
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(
        "which needs Node: src/search/searchTools.ts → src/search/build/indexer.ts → 'node:fs/promises', a Node builtin",
      );
      const clock = await messageTexts("import { now } from '../../lib/clock.ts';\n", 'src/site/browser/x.ts', eslint);
      expect(clock[0]).toContain("which needs Node: src/lib/clock.ts → Node's global process");
    });

    it('passes a module that imports Node code for its types only, imports CSS, or imports in a cycle', async () => {
      const code = [
        "import { FORMAT } from '../searchFormat.ts';",
        "import { STYLE } from '../searchStyle.ts';",
        "import { first } from '../../lib/first.ts';",
        "import type { index } from '../build/indexer.ts';",
        'export const all = [FORMAT, STYLE, first];',
        'export type Index = typeof index;',
      ].join('\n');
      expect(await messageTexts(code, 'src/search/browser/panel.ts', eslint)).toEqual([]);
    });

    it('sees a module edited since it was last read', async () => {
      const code = "import { FORMAT } from '../searchFormat.ts';\n";
      expect(await messageTexts(code, 'src/search/browser/panel.ts', eslint)).toEqual([]);
      await write(
        'src/search/searchFormat.ts',
        "export { index } from './build/indexer.ts';\nexport const FORMAT = 1;\n",
      );
      const later = new Date(Date.now() + 10_000);
      await utimes(join(tree, 'src/search/searchFormat.ts'), later, later);
      expect(await messageTexts(code, 'src/search/browser/panel.ts', eslint)).toHaveLength(1);
    });
  });
});
