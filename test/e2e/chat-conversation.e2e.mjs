// Journey: "Test in Chat" on a skill of the Remote Skills tree opens the chat with that skill; a prompt streams
// the emulator's answer with its tool calls (collapsible, with their output) and a produced file; a prompt sent while
// scrolled up brings the new exchange into view.
import * as assert from 'node:assert/strict';
import { chatFrame, sendPrompt } from './support/chat.mjs';
import { runContextMenu } from './support/quickInput.mjs';
import { openSkillsView, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'a chat with a skill from the tree streams its answer and tool calls';

/** The seed's "Release notes" skill. */
const SKILL = 'Release notes';

export async function run({ page, screenshot }) {
  const sideBar = await openSkillsView(page);
  await runContextMenu(page, treeRow(sideBar, SKILL), 'Test in Chat');
  const frame = await chatFrame(page);
  await page.mouse.move(700, 880); // away from the tree, whose hover would cover the chat

  const chip = frame.locator('.skill-chip', { hasText: SKILL });
  await chip.waitFor();
  assert.equal(await chip.locator('select').inputValue(), 'latest', 'the skill is tested at its latest version');
  assert.ok((await chip.locator('option').count()) > 1, 'its versions can be chosen');
  assert.equal(await frame.locator('#model').inputValue(), 'claude-sonnet-5-5', 'the default model');
  await screenshot('chat-skill-chosen');

  const reply = await sendPrompt(frame, 'Which skills do you have? Please create a file with a short report.');
  await reply.locator('.markdown', { hasText: 'Skillsmith emulator' }).waitFor();
  const tools = reply.locator('details.tool');
  assert.ok((await tools.count()) >= 2, 'the tool calls are shown');
  const bash = tools.filter({ has: frame.locator('.tool-kind', { hasText: /^bash$/ }) }).first();
  assert.equal(await bash.getAttribute('open'), null, 'a finished tool call is collapsed');
  await bash.locator('summary').click();
  await bash.locator('.stdout pre', { hasText: '/skills/release-notes/SKILL.md' }).waitFor();
  assert.match(await bash.locator('.tool-return').innerText(), /0$/);
  await reply.locator('.turn-footer .files button', { hasText: 'Save to Workspace…' }).waitFor();
  const meta = await reply.locator('.turn-meta').innerText();
  for (const field of ['Tokens:', 'Container: ', 'Skill versions: ', 'Stop reason: end_turn'])
    assert.ok(meta.includes(field), `the turn shows "${field}": ${meta}`);
  await screenshot('chat-reply', { readme: 'chat' });

  // Scrolled up to reread the reply, the user sends again: the new exchange comes into view.
  await frame.locator('.conversation').evaluate((log) => {
    log.scrollTop = 0;
  });
  const next = await sendPrompt(frame, 'And once more, briefly.');
  const inView = await next.evaluate((turn) => {
    const log = turn.closest('.conversation').getBoundingClientRect();
    const box = turn.getBoundingClientRect();
    return box.top < log.bottom && box.bottom > log.top;
  });
  assert.ok(inView, 'the new reply is scrolled into view');
}
