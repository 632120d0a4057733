import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkWithNu, NU_ALLOWED_WARNINGS } from '../support/nuChecker.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const page = (head: string, body: string, after = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><title>A page</title>${head}</head><body><p>${body}</p></body></html>${after}`;

it('reports each page’s errors and unexplained warnings, and lets only the allowed ones through', async () => {
  const site = await makeTempFolder('nu');
  await writeFile(
    join(site, 'valid.html'),
    page(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>',
      'Fine.',
    ),
  );
  await writeFile(
    join(site, 'stray.html'),
    page('', 'A script after the end.', '<script type="module" src="/x.js"></script>'),
  );
  await writeFile(join(site, 'inline.html'), page('', 'Runs inline code.<script>document.title = "x";</script>'));
  const report = await checkWithNu(site);
  expect(report.pages).toEqual(['/inline.html', '/stray.html', '/valid.html']);
  expect(report.problems).toEqual([
    expect.stringMatching(/^\/inline\.html:1: info\/warning: Inline script violates Content Security Policy/),
    expect.stringMatching(/^\/stray\.html:1: error: Stray start tag “script”/),
    expect.stringMatching(/^\/stray\.html:1: error\/fatal: Cannot recover after last error/),
  ]);
  expect([...report.allowed]).toEqual([[NU_ALLOWED_WARNINGS[0]!.message.source, 1]]);
});
