// Journey: a prompt over the chat's limit (a pasted file of 250,000 characters) is kept in the box, with a note
// that says why it is not sent and how long it may be; nothing reaches the host. Shortened, it sends.
import * as assert from 'node:assert/strict';
import { openChat, sendPrompt } from './support/chat.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'a prompt over the limit stays in the box with a note saying why';

export async function run({ page, screenshot }) {
  const frame = await openChat(page);
  const box = frame.locator('#prompt');
  const pasted = `Please summarise this log.\n${'2026-12-06 21:00:00 INFO a line of a long log file\n'.repeat(5_000)}`;
  assert.ok(pasted.length > 200_000);
  // As a paste puts it there: all at once (typing it, or playwright's fill, takes longer than a step may).
  await box.evaluate((element, text) => {
    element.value = text;
    element.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
  }, pasted);
  await box.press('Enter');
  const note = frame.locator('.prompt-note');
  await note.waitFor();
  assert.match(await note.innerText(), /^This prompt has 255,027 characters; the chat sends at most 200,000\./);
  assert.equal((await box.inputValue()).length, pasted.length, 'the text stays');
  assert.equal(await frame.locator('.turn').count(), 0, 'nothing was sent');
  await screenshot('chat-long-prompt');

  await box.fill('Please summarise a short log.');
  await note.waitFor({ state: 'hidden' });
  const reply = await sendPrompt(frame, 'Please summarise a short log.');
  assert.equal(await reply.getAttribute('data-status'), 'done');
}
