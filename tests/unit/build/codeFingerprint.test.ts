import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint, loadedSpecifiers, moduleGraph } from '../../../src/build/codeFingerprint.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

describe('the modules a module loads', () => {
  it('are its static, re-exported, side-effect and dynamic imports and its workers, not its type imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import {\n  b,\n  type B,\n} from '../b.ts';",
      "import type { C } from './c.ts';",
      "export type { D } from './d.ts';",
      "export { e } from './e.ts';",
      "import './f.css';",
      "const g = await import('./g.ts');",
      "new Worker(new URL('./h.ts', import.meta.url));",
      "import { readFile } from 'node:fs/promises';",
      "export const path = './not-a-module.ts';",
      "// import { i } from './i.ts';",
    ].join('\n');
    expect(loadedSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './e.ts', './f.css', './g.ts', './h.ts']);
  });

  it('are followed through every module, once each, cycles included, wherever the project lies', async () => {
    const folder = await makeTempFolder('graph');
    await mkdir(join(folder, 'lib'));
    await writeFile(join(folder, 'entry.ts'), "import { x } from './lib/x.ts';\nimport type { T } from './types.ts';");
    await writeFile(join(folder, 'lib/x.ts'), "import { y } from './y.ts';\nexport const x = 1;");
    await writeFile(join(folder, 'lib/y.ts'), "import { x } from './x.ts';\nexport const y = x;");
    await writeFile(join(folder, 'types.ts'), 'export type T = string;');
    expect(await moduleGraph(join(folder, 'entry.ts'))).toEqual(
      ['entry.ts', 'lib/x.ts', 'lib/y.ts'].map((file) => join(folder, file)),
    );
    const before = await codeFingerprint({ root: folder, entries: [join(folder, 'entry.ts')] });
    const elsewhere = await makeTempFolder('graph-copy');
    await cp(folder, elsewhere, { recursive: true });
    expect(await codeFingerprint({ root: elsewhere, entries: [join(elsewhere, 'entry.ts')] })).toBe(before);
    await writeFile(join(folder, 'types.ts'), 'export type T = number;');
    expect(await codeFingerprint({ root: folder, entries: [join(folder, 'entry.ts')] })).toBe(before);
    await writeFile(join(folder, 'lib/y.ts'), "import { x } from './x.ts';\nexport const y = x + 1;");
    expect(await codeFingerprint({ root: folder, entries: [join(folder, 'entry.ts')] })).not.toBe(before);
  });
});
