/*
 * A stand-in for the extension host in a plain Chromium page: it gives the chat webview's bundle the
 * `acquireVsCodeApi` it expects, posts host messages to it, and replays a recorded stream of host messages at
 * their recorded times while it measures the page's frames. Loaded before dist/webview/chat.js (or, for the baseline, instead of it).
 */

import { REPLAY_MARKS, type FrameFigures, type ReplayGlobals } from '../figures';

declare global {
  interface Window extends ReplayGlobals {
    acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: unknown): void; getState(): unknown };
  }
}

window.chatReady = false;
window.acquireVsCodeApi = () => ({
  postMessage(message: unknown) {
    if ((message as { type?: string }).type === 'ready') window.chatReady = true;
  },
  setState() {},
  getState() {
    return undefined;
  },
});

window.post = (message) => window.dispatchEvent(new MessageEvent('message', { data: message }));

window.idle = () => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve())));

window.replay = (messages, quietMs, untilMs) =>
  new Promise<FrameFigures>((resolve) => {
    const frames: number[] = [];
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ entryTypes: ['longtask'] });
    let lastChange = performance.now();
    const mutations = new MutationObserver(() => {
      lastChange = performance.now();
    });
    mutations.observe(document.body, { childList: true, subtree: true, characterData: true });
    performance.mark(REPLAY_MARKS.start);
    const started = performance.now();
    let posted = 0;
    let lastFrame = started;
    const tick = (now: number) => {
      frames.push(now - lastFrame);
      lastFrame = now;
      if (posted === messages.length && now - lastChange > quietMs && now - started >= untilMs) {
        observer.disconnect();
        mutations.disconnect();
        performance.mark(REPLAY_MARKS.end);
        const last = messages[messages.length - 1]?.at ?? 0;
        resolve({ frames, longTasks, drawnMs: lastChange - started, streamMs: last, shownChars: document.body.textContent?.length ?? 0 });
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const next = () => {
      const elapsed = performance.now() - started;
      while (posted < messages.length && messages[posted].at <= elapsed) window.post(messages[posted++].message);
      if (posted < messages.length) setTimeout(next, Math.max(0, messages[posted].at - (performance.now() - started)));
    };
    next();
  });

window.scrollLog = (steps) =>
  new Promise<number[]>((resolve) => {
    // The chat page's conversation, or the baseline page's log (the last element of the body).
    const log = document.querySelector<HTMLElement>('.conversation') ?? (document.body.lastElementChild as HTMLElement | null);
    const height = log ? log.scrollHeight - log.clientHeight : 0;
    const frames: number[] = [];
    let step = 0;
    let last = performance.now();
    const tick = (now: number) => {
      if (step > 0) frames.push(now - last);
      last = now;
      if (step > steps) return resolve(frames);
      if (log) log.scrollTop = height - (height * step) / steps;
      step++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
