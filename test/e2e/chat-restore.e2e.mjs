// Journey: the chat comes back after the window reloads: the page saved its state, VS Code hands it to the
// serializer, and the new panel shows the conversation, the chosen settings and the open system prompt again, then
// goes on with it.
import * as assert from 'node:assert/strict';
import { chatFrame, openChat, sendPrompt } from './support/chat.mjs';
import { waitForWorkbench } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'the chat panel comes back with its conversation after a reload';

export async function run({ page, screenshot }) {
  const frame = await openChat(page);
  await frame.locator('#max-tokens').fill('2048');
  await frame.locator('#max-tokens').press('Tab');
  await frame.locator('.system > summary').click();
  await sendPrompt(frame, 'Remember this conversation across a reload.');
  // The page saved its state when the reply ended. "Reload Window" shuts the workbench down properly (it keeps the
  // panels' states, as a user's reload does) and loads it again.
  const reloaded = page.waitForEvent('load');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill('>Developer: Reload Window');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Developer: Reload Window' }).first().waitFor();
  await input.press('Enter');
  await reloaded;
  await waitForWorkbench(page);
  const restored = await chatFrame(page, { timeout: 60_000 }); // a restarting extension host, however loaded the machine
  await restored.locator('.turn.user', { hasText: 'Remember this conversation' }).waitFor();
  await restored.locator('.turn.assistant .markdown', { hasText: 'Skillsmith emulator' }).first().waitFor();
  assert.equal(await restored.locator('#max-tokens').inputValue(), '2048', 'the settings came back too');
  assert.equal(await restored.locator('details.system').getAttribute('open'), '', 'and the system prompt is open as it was');
  await screenshot('chat-after-reload');

  const next = await sendPrompt(restored, 'And one more after the reload.');
  assert.equal(await next.getAttribute('data-status'), 'done');
  assert.match(await next.locator('.turn-meta').innerText(), /Container: container_/);
}
