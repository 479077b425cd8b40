/**
 * The webview half of `npm run bench:chat`: how the chat page keeps up with a 100,000-token reply.
 *
 * The emulator (in its own process) streams the reply through the real chat core, and the host's
 * `UpdateBatcher` turns the core's updates into the messages the panel would post, each stamped with the
 * time it was posted. Chromium (headless, playwright-core) then loads the real webview bundle
 * (dist/webview/chat.js) in a page whose stand-in host replays those messages at their times, and measures
 * every animation frame and long task while the page draws. The baseline replays the same messages into a page
 * that only appends the text deltas to one text node: the least any page can do with the stream; and a page that
 * ignores them shows the machine's own frame noise (on a loaded machine, an idle page misses frames too).
 * One warm-up round of each page is not counted. Target: the longest frame under 50 ms.
 */
import Anthropic from '@anthropic-ai/sdk';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createChatSession } from '../src/core/chat/createChatSession';
import type { ChatUpdate } from '../src/core/chat/updates';
import { UpdateBatcher } from '../src/extension/chat/updateBatcher';
import { LABEL_KEYS } from '../src/shared/chat/protocol';
import type { FrameFigures, ReplayGlobals, TimedMessage } from './chatFrames/figures';
import { startEmulatorProcess } from './support';

const TOKENS = 100_000;
const ROUNDS = 3;
const MODEL = 'claude-sonnet-5-5';
const CHROMIUM = process.env.SKILLSMITH_CHROMIUM ?? '/usr/bin/chromium';
/** The page counts as done once its DOM has not changed for this long after the last message. */
const QUIET_MS = 500;
const ROOT = join(__dirname, '..');

/** Streams the reply through the core and records the messages the panel would post, with their times. */
async function recordStream(url: string): Promise<TimedMessage[]> {
  const sdk = new Anthropic({ apiKey: 'bench-key-not-real', baseURL: url, maxRetries: 0 });
  const session = createChatSession(sdk, { model: MODEL, maxTokens: TOKENS + 1000, skills: [] });
  const messages: TimedMessage[] = [];
  let started = 0;
  const batcher = new UpdateBatcher((updates: ChatUpdate[]) => messages.push({ at: performance.now() - started, message: { type: 'updates', updates } }));
  session.onUpdate((update) => batcher.push(update));
  started = performance.now();
  const turn = await session.send(`Reply with ${TOKENS} tokens.`);
  batcher.flushNow();
  if (turn.status !== 'done' || turn.usage.outputTokens < TOKENS) throw new Error(`The reply ended ${turn.status} after ${turn.usage.outputTokens} tokens`);
  const init = { type: 'init', state: { conversation: { turns: [], container: null }, settings: { skills: [], model: MODEL, maxTokens: TOKENS + 1000, systemPrompt: '' } }, busy: true, models: [], labels: Object.fromEntries(LABEL_KEYS.map((key) => [key, key])) };
  return [{ at: 0, message: init }, ...messages.map((entry) => ({ ...entry, at: entry.at + 1 }))];
}

/** Bundles the stand-in host and the baseline page for the browser. */
async function buildPages(dir: string): Promise<void> {
  await esbuild.build({
    entryPoints: Object.fromEntries(['fakeHost', 'plainText', 'idle'].map((name) => [name, join(__dirname, 'chatFrames', 'page', `${name}.ts`)])),
    outdir: dir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  const webview = join(ROOT, 'dist', 'webview');
  const page = (scripts: string[], styles: string[]) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8">${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('')}</head><body><div id="root"></div>${scripts.map((src) => `<script src="${src}"></script>`).join('')}</body></html>`;
  writeFileSync(join(dir, 'chat.html'), page([pathToFileURL(join(dir, 'fakeHost.js')).href, pathToFileURL(join(webview, 'chat.js')).href], [pathToFileURL(join(webview, 'chat.css')).href]));
  writeFileSync(join(dir, 'plain.html'), page([pathToFileURL(join(dir, 'fakeHost.js')).href, pathToFileURL(join(dir, 'plainText.js')).href], []));
  writeFileSync(join(dir, 'idle.html'), page([pathToFileURL(join(dir, 'fakeHost.js')).href, pathToFileURL(join(dir, 'idle.js')).href], []));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The figures of each round of one page, summarised: the worst longest frame, and medians of the rest. */
interface PageSummary {
  readonly longestFrame: number;
  readonly p95Frame: number;
  readonly slowFrames: number;
  readonly longTasks: number;
  readonly drawnMs: number;
  readonly streamMs: number;
  readonly shownChars: number;
}

function summarise(rounds: readonly FrameFigures[]): PageSummary {
  return {
    longestFrame: Math.max(...rounds.map((round) => Math.max(...round.frames))),
    p95Frame: median(rounds.map((round) => percentile(round.frames, 95))),
    slowFrames: median(rounds.map((round) => round.frames.filter((frame) => frame >= 50).length)),
    longTasks: Math.max(...rounds.map((round) => round.longTasks.length)),
    drawnMs: median(rounds.map((round) => round.drawnMs)),
    streamMs: median(rounds.map((round) => round.streamMs)),
    shownChars: median(rounds.map((round) => round.shownChars)),
  };
}

/** Replays the stream into the chat page and the baseline page, `ROUNDS` times each, alternating. */
export async function benchWebviewFrames(url: string): Promise<{ chat: PageSummary; plain: PageSummary; idle: PageSummary; messages: number }> {
  const messages = await recordStream(url);
  const dir = mkdtempSync(join(tmpdir(), 'skillsmith-frames-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
  try {
    await buildPages(dir);
    const run = async (file: string): Promise<FrameFigures> => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      try {
        await page.goto(pathToFileURL(join(dir, file)).href);
        await page.waitForFunction(() => (globalThis as unknown as ReplayGlobals).chatReady);
        // As in VS Code, the page has loaded and idled before a reply streams (the user was typing the prompt).
        await page.evaluate(() => (globalThis as unknown as ReplayGlobals).idle());
        return await page.evaluate(([timed, quiet]) => (globalThis as unknown as ReplayGlobals).replay(timed, quiet), [messages, QUIET_MS] as const);
      } finally {
        await page.close();
      }
    };
    const pages = { chat: [] as FrameFigures[], plain: [] as FrameFigures[], idle: [] as FrameFigures[] };
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [name, figures] of Object.entries(pages)) {
        const measured = await run(`${name}.html`);
        if (round > 0) figures.push(measured);
      }
    }
    return { chat: summarise(pages.chat), plain: summarise(pages.plain), idle: summarise(pages.idle), messages: messages.length };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the webview's figures beside the baseline's. */
export function printFrames(figures: Awaited<ReturnType<typeof benchWebviewFrames>>): void {
  const { chat, plain, idle } = figures;
  const row = (what: string, ours: number, base: number, unit: string, noise: number) =>
    console.log(`${what.padEnd(44)} ${ours.toFixed(1).padStart(10)} ${base.toFixed(1).padStart(10)} ${(ours / base).toFixed(2).padStart(7)} ${noise.toFixed(1).padStart(11)}  ${unit}`);
  console.log(`Chat webview drawing a ${TOKENS.toLocaleString('en')}-token reply (${figures.messages} host messages, replayed at their recorded times), ${ROUNDS} rounds each, Chromium headless`);
  console.log(`${'measure'.padEnd(44)} ${'webview'.padStart(10)} ${'baseline'.padStart(10)} ${'ratio'.padStart(7)} ${'idle page'.padStart(11)}`);
  row('longest frame (worst round)', chat.longestFrame, plain.longestFrame, 'ms (target < 50)', idle.longestFrame);
  row('95th percentile frame (median round)', chat.p95Frame, plain.p95Frame, 'ms', idle.p95Frame);
  row('frames of 50 ms or more (median round)', chat.slowFrames, plain.slowFrames, 'count', idle.slowFrames);
  row('long tasks over 50 ms (worst round)', chat.longTasks, plain.longTasks, 'count', idle.longTasks);
  row('first message to last DOM change (median)', chat.drawnMs, plain.drawnMs, `ms (the stream itself took ${chat.streamMs.toFixed(0)} ms)`, idle.drawnMs);
  console.log(`baseline: the same messages appended as plain text to one text node (no Markdown, no sanitising); text shown: ${chat.shownChars.toLocaleString('en')} vs ${plain.shownChars.toLocaleString('en')} characters`);
  console.log(chat.longestFrame < 50 ? 'longest frame under 50 ms: target met' : 'longest frame 50 ms or more: TARGET MISSED');
}

async function main(): Promise<void> {
  const { url, child } = await startEmulatorProcess();
  try {
    printFrames(await benchWebviewFrames(url));
  } finally {
    child.kill('SIGTERM');
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
