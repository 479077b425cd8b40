// Renders media/skillsmith.svg to the 128×128 marketplace icon media/skillsmith.png with headless Chromium.
// Run `node scripts/make-icon.mjs` after changing the SVG, and commit both files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openBrowser } from './lib/browser.mjs';
import { REPO_ROOT } from './lib/tools.mjs';

const SIZE = 128;
const svg = readFileSync(path.join(REPO_ROOT, 'media', 'skillsmith.svg'), 'utf8');
const { browser, page } = await openBrowser({ width: SIZE, height: SIZE });
try {
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(REPO_ROOT, 'media', 'skillsmith.png'), omitBackground: true });
} finally {
  await browser.close();
}
