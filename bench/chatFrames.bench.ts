/**
 * The webview half of `npm run bench:chat`: how the chat page keeps up with a 100,000-token reply.
 *
 * The emulator (in its own process) streams the reply through the real chat core, and the host's
 * `UpdateBatcher` turns the core's updates into the messages the panel would post, each stamped with the
 * time it was posted. Chromium (headless, playwright-core, no CPU throttling, no background throttling) then
 * loads the real webview bundle (dist/webview/chat.js) in a page whose stand-in host replays those messages
 * at their times, and measures every animation frame (the gaps between `requestAnimationFrame` callbacks)
 * and long task while the page draws, and traces the page's main thread for each task's CPU time beside its
 * wall time (on a loaded machine a frame also waits for a core; the CPU time is the page's own work). In the same run and alternating with it: the same chat page left idle
 * for as long (the machine's own frame noise: on a loaded machine an idle page misses frames too), and a
 * baseline page that shows the same text with the least work (each delta appended to a paragraph's text
 * node). One warm-up round of each is not counted; each figure is the median of the rounds, with their
 * range, and the load average is printed before and after. Then each page is scrolled from the end of the reply to
 * its top, one step a frame, and its frames are measured again. Targets: the longest frame while drawing, and the
 * 95th percentile frame while scrolling, under 50 ms.
 */
import Anthropic from '@anthropic-ai/sdk';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createChatSession } from '../src/core/chat/createChatSession';
import type { ChatUpdate } from '../src/core/chat/updates';
import { UpdateBatcher } from '../src/extension/chat/updateBatcher';
import { LABEL_KEYS } from '../src/shared/chat/protocol';
import type { FrameFigures, ReplayGlobals, TimedMessage } from './chatFrames/figures';
import { traceMainThread, type MainThreadTasks } from './chatFrames/mainThread';
import { startEmulatorProcess } from './support';

const TOKENS = 100_000;
const ROUNDS = Number(process.env.SKILLSMITH_FRAME_ROUNDS ?? 5);
const MODEL = 'claude-sonnet-5-5';
const CHROMIUM = process.env.SKILLSMITH_CHROMIUM ?? '/usr/bin/chromium';
/** The page counts as done once its DOM has not changed for this long after the last message. */
const QUIET_MS = 500;
const ROOT = join(__dirname, '..');

/** Streams the reply through the core and records the messages the panel would post (the first an `init`), with their times. */
export async function recordStream(url: string): Promise<TimedMessage[]> {
  const sdk = new Anthropic({ apiKey: 'bench-key-not-real', baseURL: url, maxRetries: 0 });
  const session = createChatSession(sdk, { model: MODEL, maxTokens: TOKENS + 1000, skills: [] });
  const messages: TimedMessage[] = [];
  let started = 0;
  const batcher = new UpdateBatcher((updates: ChatUpdate[]) =>
    messages.push({ at: performance.now() - started, message: { type: 'updates', updates } }),
  );
  session.onUpdate((update) => batcher.push(update));
  started = performance.now();
  const turn = await session.send(`Reply with ${TOKENS} tokens.`);
  batcher.flushNow();
  if (turn.status !== 'done' || turn.usage.outputTokens < TOKENS)
    throw new Error(`The reply ended ${turn.status} after ${turn.usage.outputTokens} tokens`);
  const init = {
    type: 'init',
    state: {
      conversation: { turns: [], container: null },
      settings: { skills: [], model: MODEL, maxTokens: TOKENS + 1000, systemPrompt: '' },
    },
    busy: true,
    models: [],
    labels: Object.fromEntries(LABEL_KEYS.map((key) => [key, key])),
  };
  return [{ at: 0, message: init }, ...messages.map((entry) => ({ ...entry, at: entry.at + 1 }))];
}

/** Bundles the stand-in host and the baseline page for the browser. */
export async function buildPages(dir: string): Promise<void> {
  await esbuild.build({
    entryPoints: Object.fromEntries(['fakeHost', 'plainText'].map((name) => [name, join(__dirname, 'chatFrames', 'page', `${name}.ts`)])),
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
  writeFileSync(
    join(dir, 'chat.html'),
    page(
      [pathToFileURL(join(dir, 'fakeHost.js')).href, pathToFileURL(join(webview, 'chat.js')).href],
      [pathToFileURL(join(webview, 'chat.css')).href],
    ),
  );
  writeFileSync(
    join(dir, 'plain.html'),
    page([pathToFileURL(join(dir, 'fakeHost.js')).href, pathToFileURL(join(dir, 'plainText.js')).href], []),
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** A figure over the rounds: its median and range. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** What one round measured: the page's frames, its main thread's tasks from a trace, and its frames while scrolled through. */
type RoundFigures = FrameFigures & { readonly tasks: MainThreadTasks; readonly scrollFrames: number[] };

/** Frames the scroll from the end of the reply to its top takes: large jumps, each one showing text not drawn before. */
const SCROLL_STEPS = 200;

/** The figures of each round of one page, summarised over the rounds. */
interface PageSummary {
  readonly longestTaskCpu: Spread;
  readonly longestTaskWall: Spread;
  readonly busyCpu: Spread;
  readonly longestFrame: Spread;
  readonly p99Frame: Spread;
  readonly p95Frame: Spread;
  readonly slowFrames: Spread;
  readonly longTasks: Spread;
  readonly drawnMs: Spread;
  readonly scrollP95: Spread;
  readonly scrollLongest: Spread;
  readonly streamMs: number;
  readonly shownChars: number;
}

function summarise(rounds: readonly RoundFigures[]): PageSummary {
  const over = (figure: (round: RoundFigures) => number): Spread => spread(rounds.map(figure));
  return {
    longestTaskCpu: over((round) => Math.max(0, ...round.tasks.cpu)),
    longestTaskWall: over((round) => Math.max(0, ...round.tasks.wall)),
    busyCpu: over((round) => round.tasks.cpu.reduce((sum, cpu) => sum + cpu, 0)),
    longestFrame: over((round) => Math.max(...round.frames)),
    p99Frame: over((round) => percentile(round.frames, 99)),
    p95Frame: over((round) => percentile(round.frames, 95)),
    slowFrames: over((round) => round.frames.filter((frame) => frame >= 50).length),
    longTasks: over((round) => round.longTasks.length),
    drawnMs: over((round) => round.drawnMs),
    scrollP95: over((round) => percentile(round.scrollFrames, 95)),
    scrollLongest: over((round) => Math.max(...round.scrollFrames)),
    streamMs: median(rounds.map((round) => round.streamMs)),
    shownChars: median(rounds.map((round) => round.shownChars)),
  };
}

/** The figures of a whole run. */
export interface WebviewFrames {
  readonly chat: PageSummary;
  readonly plain: PageSummary;
  readonly idle: PageSummary;
  readonly messages: number;
  /** The 1-minute load average before and after the run. */
  readonly load: readonly [number, number];
}

/** Replays the stream into the chat page and the baseline page, and idles the chat page, `ROUNDS` times each, alternating. */
export async function benchWebviewFrames(url: string): Promise<WebviewFrames> {
  const loadBefore = loadavg()[0];
  const [init, ...messages] = await recordStream(url);
  const streamMs = messages[messages.length - 1]?.at ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'skillsmith-frames-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--allow-file-access-from-files',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  try {
    await buildPages(dir);
    if (init === undefined) throw new Error('The recorded stream has no init message.');
    const run = async (file: string, replayed: readonly TimedMessage[]): Promise<RoundFigures> => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      try {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await page.goto(pathToFileURL(join(dir, file)).href);
        await page.waitForFunction(() => (globalThis as unknown as ReplayGlobals).chatReady);
        // As in VS Code, the page has shown the conversation and idled before a reply streams (the user was typing the prompt).
        await page.evaluate((message) => (globalThis as unknown as ReplayGlobals).post(message), init.message);
        await page.evaluate(() => (globalThis as unknown as ReplayGlobals).idle());
        const traced = await traceMainThread(cdp);
        const figures = await page.evaluate(
          ([timed, quiet, until]) => (globalThis as unknown as ReplayGlobals).replay(timed, quiet, until),
          [replayed, QUIET_MS, streamMs] as const,
        );
        const tasks = await traced();
        const scrollFrames = await page.evaluate((steps) => (globalThis as unknown as ReplayGlobals).scrollLog(steps), SCROLL_STEPS);
        return { ...figures, tasks, scrollFrames };
      } finally {
        await page.close();
      }
    };
    const pages = {
      chat: { file: 'chat.html', replayed: messages, rounds: [] as RoundFigures[] },
      plain: { file: 'plain.html', replayed: messages, rounds: [] as RoundFigures[] },
      idle: { file: 'chat.html', replayed: [], rounds: [] as RoundFigures[] },
    };
    for (let round = 0; round <= ROUNDS; round++) {
      for (const { file, replayed, rounds } of Object.values(pages)) {
        const measured = await run(file, replayed);
        if (round > 0) rounds.push(measured);
      }
    }
    const chat = summarise(pages.chat.rounds);
    const plain = summarise(pages.plain.rounds);
    // The reply's text is most of what either page shows: a chat page that shows far less did not draw it (a broken page measures fast).
    if (chat.shownChars < plain.shownChars * 0.9)
      throw new Error(
        `The chat page showed ${chat.shownChars} characters against the baseline's ${plain.shownChars}: it did not draw the reply.`,
      );
    return { chat, plain, idle: summarise(pages.idle.rounds), messages: messages.length, load: [loadBefore, loadavg()[0]] };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the webview's figures beside the baseline's and the idle page's. */
export function printFrames(figures: WebviewFrames): void {
  const { chat, plain, idle } = figures;
  const cell = (value: Spread): string => `${value.median.toFixed(0)} (${value.min.toFixed(0)}–${value.max.toFixed(0)})`.padStart(17);
  const row = (what: string, pick: (page: PageSummary) => Spread, unit: string) =>
    console.log(`${what.padEnd(34)} ${cell(pick(chat))} ${cell(pick(plain))} ${cell(pick(idle))}  ${unit}`);
  console.log(
    `Chat webview drawing a ${TOKENS.toLocaleString('en')}-token reply: ${figures.messages} host messages over ${chat.streamMs.toFixed(0)} ms, replayed at their recorded times; Chromium headless, no throttling`,
  );
  console.log(
    `median (range) of ${ROUNDS} rounds each, alternating; load average ${figures.load[0].toFixed(1)} before, ${figures.load[1].toFixed(1)} after, on ${availableParallelism()} cores`,
  );
  console.log(`${'measure'.padEnd(34)} ${'chat webview'.padStart(17)} ${'baseline'.padStart(17)} ${'idle chat page'.padStart(17)}`);
  row('longest frame', (page) => page.longestFrame, 'ms (target < 50)');
  row('99th percentile frame', (page) => page.p99Frame, 'ms');
  row('95th percentile frame', (page) => page.p95Frame, 'ms');
  row('frames of 50 ms or more', (page) => page.slowFrames, 'count');
  row('long tasks (over 50 ms)', (page) => page.longTasks, 'count');
  row('first message to last DOM change', (page) => page.drawnMs, 'ms');
  row('longest main-thread task, CPU time', (page) => page.longestTaskCpu, 'ms (what the page itself took, whatever the load)');
  row('longest main-thread task, wall time', (page) => page.longestTaskWall, 'ms');
  row('main-thread CPU time in all', (page) => page.busyCpu, 'ms');
  row('scroll to the top, p95 frame', (page) => page.scrollP95, 'ms (target < 50)');
  row('scroll to the top, longest frame', (page) => page.scrollLongest, 'ms');
  console.log(
    `baseline: each text delta appended to a paragraph's text node (no Markdown, no sanitising); text shown: ${chat.shownChars.toLocaleString('en')} vs ${plain.shownChars.toLocaleString('en')} characters`,
  );
  console.log(
    `longest frame, median round: ${chat.longestFrame.median.toFixed(0)} ms (idle page ${idle.longestFrame.median.toFixed(0)} ms): ${chat.longestFrame.median < 50 ? 'target met' : 'TARGET MISSED'}`,
  );
  console.log(
    `scrolling the reply, p95 frame, median round: ${chat.scrollP95.median.toFixed(0)} ms (baseline ${plain.scrollP95.median.toFixed(0)} ms, idle page ${idle.scrollP95.median.toFixed(0)} ms): ${chat.scrollP95.median < 50 ? 'target met' : 'TARGET MISSED'}`,
  );
  console.log(
    `longest main-thread task in CPU time, median round: ${chat.longestTaskCpu.median.toFixed(0)} ms (baseline ${plain.longestTaskCpu.median.toFixed(0)} ms)`,
  );
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
