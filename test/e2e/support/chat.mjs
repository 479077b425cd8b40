// Steps on the test chat's webview for the browser journeys. A webview is an iframe (the workbench's host
// frame) holding another iframe (the page itself).
import { runPaletteCommand } from './workbench.mjs';

/**
 * The chat page's frame: resolves once its page has drawn (the prompt box is there). `timeout` bounds the wait for
 * the webview to show: after a reload it comes only once the extension host has started again and activated us.
 */
export async function chatFrame(page, { timeout } = {}) {
  const host = page.locator('iframe.webview.ready').filter({ visible: true }).first();
  await host.waitFor({ timeout });
  const inner = host.contentFrame().locator('iframe#active-frame');
  await inner.waitFor();
  const frame = await (await inner.elementHandle()).contentFrame();
  await frame.locator('#prompt').waitFor();
  return frame;
}

/** Opens the chat from the palette; resolves with its page's frame. */
export async function openChat(page) {
  await runPaletteCommand(page, 'Skillsmith: Open Skill Test Chat');
  return chatFrame(page);
}

/** Types `prompt` into the chat and presses Enter; resolves with the reply's locator once it has ended (done, stopped or failed). */
export async function sendPrompt(frame, prompt) {
  const replies = frame.locator('.turn.assistant');
  const before = await replies.count();
  const box = frame.locator('#prompt');
  await box.fill(prompt);
  await box.press('Enter');
  const reply = replies.nth(before);
  await reply.and(frame.locator('[data-status]:not([data-status="streaming"])')).waitFor({ timeout: 60_000 });
  await frame.locator('button.send:not(.stop)').waitFor();
  return reply;
}
