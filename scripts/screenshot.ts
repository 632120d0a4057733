/**
 * `npm run screenshot -- <built site> <base path> <page path> <png>`: a page of a built digest
 * as a reader on a laptop sees it, for the README (`docs/`).
 */
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/staticServer.ts';

const [siteDir, base = '/', path = '', output] = process.argv.slice(2);
if (!siteDir || !output) {
  console.error('Usage: npm run screenshot -- <built site> <base path> <page path> <file.png>');
  process.exit(1);
}
const server = await serveSite(siteDir, base);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
