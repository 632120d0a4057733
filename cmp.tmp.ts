import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { feedHtmlToMarkdown, htmlToPlainText } from './src/import/feedHtml.ts';
import { wordScore } from './src/import/importQuality.ts';
const root = '../shared/real-world/pages/';
for (const page of ['aktualne', 'bbc-1', 'guardian-1', 'liberation-1']) {
  const html = readFileSync(root + page + '/source.html', 'utf8');
  const expected = htmlToPlainText(readFileSync(root + page + '/expected.html', 'utf8'));
  let t = performance.now();
  const r = new Readability(parseHTML(html).document as any).parse();
  const rt = performance.now() - t;
  const rs = wordScore(expected, feedHtmlToMarkdown(r?.content ?? '', 'https://x.example/'));
  t = performance.now();
  const d = await Defuddle(parseHTML(html).document as any, 'https://x.example/', {});
  const dt = performance.now() - t;
  const ds = wordScore(expected, feedHtmlToMarkdown(d.content ?? '', 'https://x.example/'));
  console.log(page.padEnd(13), 'readability', rs.recall.toFixed(3), rs.precision.toFixed(3), Math.round(rt) + 'ms', '| defuddle', ds.recall.toFixed(3), ds.precision.toFixed(3), Math.round(dt) + 'ms');
  console.log('   R:', r?.title, '|', r?.byline, '|', r?.siteName, '|', r?.publishedTime, '| D:', d.title, '|', d.author, '|', d.site, '|', d.published);
}
