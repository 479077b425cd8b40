// Headless Debian Chromium driven by playwright-core, offline and with a fresh profile.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './tools.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium and opens one page of `width`×`height`; resolves with `{browser, page}`. */
export async function openBrowser({ width = 1400, height = 900 } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width, height } });
  return { browser, page };
}
