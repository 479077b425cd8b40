import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Mismatch, StreamGlobals, ToolInputShown, TurnShown } from '../../webview/streamGlobals';
import { bashListing } from '../../unit/chat/turns';
import { REPLY } from '../../unit/chatPanel/markdownSample';

/*
 * The chat page's streaming views in Chromium. Markdown: what a `MarkdownBlock` shows after each delta is what a full
 * render (markdown-it, then DOMPurify) of the text so far shows, for deltas of any size, drawn at once or
 * one batch per frame (markdownIdentity.test.ts checks the chunks' HTML without a browser). A tool call's input
 * grows in the element that shows it.
 */

const CHROMIUM = process.env.SKILLSMITH_CHROMIUM ?? '/usr/bin/chromium';

/** A long reply: the sample many times, so chunks fill several sections and batches. */
const LONG_REPLY = Array.from(
  { length: 12 },
  (_, index) => `## Part ${index + 1}\n\n${REPLY.replace(/an unclosed fence[\s\S]*$/, 'closed\n```\n')}`,
).join('\n\n');

describe('streamed text in the chat page', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    const bundle = await esbuild.build({
      entryPoints: [join(__dirname, '..', '..', 'webview', 'chatViewsPage.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'warning',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
  });

  after(async () => {
    await browser?.close();
  });

  const stream = (text: string, size: number, sliced: boolean): Promise<Mismatch | null> =>
    page.evaluate(([t, s, b]) => (globalThis as unknown as StreamGlobals).streamMarkdown(t, s, b), [text, size, sliced] as const);

  for (const size of [1, 3, 17, 64, 1000]) {
    it(`shows a full render's DOM after every delta of ${size} characters`, async () => {
      assert.equal(await stream(REPLY, size, false), null);
    });
  }

  it('shows a full render of a long reply drawn one batch per frame, ending in an open code block', async () => {
    assert.equal(await stream(`${LONG_REPLY}\n\n\`\`\`js\nconst open = 'code block';\n\nstill <code> & more\n`, 97, true), null);
  });

  it('shows reference-style links as a full render does, whichever chunk holds their definitions', async () => {
    const text = `${REPLY.replace(/an unclosed fence[\s\S]*$/, 'closed\n```\n')}\n\nSee [the docs][docs] and [x].\n\n${'More.\n\n'.repeat(5)}[docs]: https://docs.example "Docs"\n[x]: https://x.example`;
    for (const size of [1, 9, 40]) assert.equal(await stream(text, size, size === 9), null);
  });

  it('draws an open code block that grows with carriage returns as a full render does', async () => {
    assert.equal(await stream('Intro\n\n```\r\nline one\r\n\r\nline\0 two\r\n', 5, false), null);
  });

  it("appends a tool call's streamed input to the element that shows it, and shows the complete input formatted", async () => {
    const pieces = ['{"command": "cre', 'ate", "path": "/tmp/a.txt", ', '"file_text": "line\\n', 'more"}'];
    const shown = await page.evaluate((p) => (globalThis as unknown as StreamGlobals).streamToolInput(p), pieces);
    const expected: ToolInputShown[] = [
      { text: '', visible: false, samePre: true },
      ...pieces.map((_, index) => ({ text: pieces.slice(0, index + 1).join(''), visible: true, samePre: true })),
      { text: JSON.stringify(JSON.parse(pieces.join('')), null, 2), visible: true, samePre: true },
    ];
    assert.deepEqual(shown, expected);
  });

  it('shows a link the sanitiser refused as plain text followed by its target', async () => {
    const html = await page.evaluate(
      (text) => (globalThis as unknown as StreamGlobals).markdownHtml(text),
      '[run](command:skillsmith.auth.signOut) and [docs](https://example.com/docs)',
    );
    assert.equal(
      html,
      '<p><span class="refused-link">run (command:skillsmith.auth.signOut)</span> and <a href="https://example.com/docs" rel="noopener noreferrer" title="https://example.com/docs">docs</a></p>\n',
    );
  });

  it('draws a turn with its model, one Save button per file, names for skill versions, and no output count when it failed', async () => {
    const file = { fileId: 'file_1', filename: 'report.md' };
    const turn = {
      role: 'assistant',
      id: 'a-1',
      model: 'claude-sonnet-5-5',
      status: 'error',
      blocks: [bashListing('report.md', [file])],
      continuations: 0,
      stopReason: null,
      usage: { inputTokens: 1234, outputTokens: 1, cacheReadTokens: 0, cacheCreationTokens: 0 },
      container: { id: 'container_1', expiresAt: null, skills: [{ type: 'custom', skillId: 'skill_1', version: 'skver_3' }] },
      files: [file],
      error: { message: 'The connection broke off.' },
    };
    const shown = await page.evaluate((json) => (globalThis as unknown as StreamGlobals).drawTurn(json), JSON.stringify(turn));
    const expected: TurnShown = {
      author: 'claudeclaude-sonnet-5-5',
      saveButtons: ['saveToWorkspace'],
      meta: shown.meta,
      toolFiles: ['file: report.md'],
      metaTooltips: ['skill_1@skver_3'],
    };
    assert.deepEqual(shown, expected);
    assert.match(shown.meta, /^tokens: 1,234 in/);
    assert.doesNotMatch(shown.meta, /out/, 'a failed turn was never told its output count');
    assert.match(shown.meta, /skillVersions: Release notes v3/);
  });
});
