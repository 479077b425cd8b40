// Journey: a reply carrying an <img onerror>, a <script>, and javascript: and command: links renders inert.
// The emulator's scripted model quotes the prompt back in its reply, so the hostile Markdown is in the prompt.
// Every payload would leave a mark (a global, the title, the body's data attribute, a signed-out tree) if it ran;
// the journey checks that none did, that the CSP had nothing to block (the sanitiser left nothing for it), and
// that an https link still works, through the host. Then a stream that fails halfway shows its error.
import * as assert from 'node:assert/strict';
import { openChat, sendPrompt } from './support/chat.mjs';
import { emulatorAdmin } from './support/emulator.mjs';
import { openSkillsView, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'a hostile reply (img onerror, script, javascript: and command: links) renders inert';

const HOSTILE = [
  'Hostile payloads follow.',
  '',
  "<img src=x onerror=\"window.pwned='img';document.title='pwned'\">",
  '',
  '<script>window.pwned = "script"; document.body.dataset.pwned = "script";</script>',
  '',
  '[js link](javascript:window.pwned=\'js\') and <a href="javascript:window.pwned=1">raw js link</a>',
  '',
  '[command link](command:skillsmith.auth.signOut) and [docs link](https://example.com/docs)',
].join('\n');

export async function run({ page, screenshot, emulatorUrl }) {
  const frame = await openChat(page);
  await frame.evaluate(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const reply = (await sendPrompt(frame, HOSTILE)).locator('.markdown', { hasText: 'Hostile payloads follow.' });
  await reply.waitFor();

  // The raw HTML and the javascript: links are shown as text, not made into elements.
  const markup = await reply.innerText();
  for (const text of ['<img src=x onerror=', '<script>', "[js link](javascript:window.pwned='js')", '<a href="javascript:']) {
    assert.ok(markup.includes(text), `"${text}" is shown as text: ${markup}`);
  }
  assert.equal(await frame.locator('.conversation img, .conversation script, .conversation [onerror]').count(), 0);

  // The command: link is plain text followed by its target, nothing to click; the https one stays a link.
  const commandLink = reply.locator('.refused-link', { hasText: 'command link' });
  assert.equal(await commandLink.innerText(), 'command link (command:skillsmith.auth.signOut)');
  assert.equal(await reply.locator('a', { hasText: 'command link' }).count(), 0);
  assert.equal(await reply.locator('a', { hasText: 'docs link' }).getAttribute('href'), 'https://example.com/docs');
  assert.equal(await frame.locator('.conversation a[href]:not([href^="https:"]):not([href^="http:"])').count(), 0);
  await screenshot('chat-hostile-reply');

  await commandLink.click();
  const marks = await frame.evaluate(() => ({
    pwned: window.pwned ?? null,
    title: document.title,
    data: document.body.dataset.pwned ?? null,
    violations: window.cspViolations,
  }));
  assert.deepEqual(marks.violations, [], 'nothing reached the CSP: the sanitiser removed it first');
  assert.equal(marks.pwned, null, 'no payload ran');
  assert.equal(marks.data, null, 'no payload ran');
  assert.notEqual(marks.title, 'pwned');
  assert.notEqual(await page.title(), 'pwned');

  // The https link is opened by the host (VS Code asks before opening an outside site); the command: link ran nothing.
  await reply.locator('a', { hasText: 'docs link' }).click();
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'example.com' });
  await dialog.waitFor();
  await screenshot('chat-open-link-dialog');
  await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
  const sideBar = await openSkillsView(page);
  await treeRow(sideBar, 'Custom').waitFor();

  // A stream that fails halfway ends the turn with the error and its request id; what was shown stays.
  await emulatorAdmin(emulatorUrl, 'POST', 'faults', { method: 'POST', path: '/v1/messages', stream: 'error' });
  const failed = await sendPrompt(frame, 'Tell me about the skills again.');
  const error = failed.locator('.turn-error');
  await error.waitFor();
  assert.match(await error.innerText(), /Request id: \S+/);
  assert.ok((await failed.locator('.markdown').first().innerText()).includes('Skillsmith emulator'), 'the text before the error stays');
  await error.scrollIntoViewIfNeeded();
  await screenshot('chat-stream-error');
}
