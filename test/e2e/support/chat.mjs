// Steps on the test chat's webview for the browser journeys. A webview is an iframe (the workbench's host
// frame) holding another iframe (the page itself).
import { runPaletteCommand } from './workbench.mjs';

/** The chat page's frame: resolves once its page has drawn (the prompt box is there). */
export async function chatFrame(page) {
  const host = page.locator('iframe.webview.ready').filter({ visible: true }).first();
  await host.waitFor();
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

/** Types `prompt` into the chat and presses Enter; resolves once the reply has ended (the button says Send again). */
export async function sendPrompt(frame, prompt) {
  const box = frame.locator('#prompt');
  await box.fill(prompt);
  await box.press('Enter');
  await frame.locator('button.send.stop').waitFor();
  await frame.locator('button.send:not(.stop)').waitFor({ timeout: 60_000 });
}
