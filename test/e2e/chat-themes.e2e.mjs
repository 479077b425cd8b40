// Journey: the chat in the workbench's dark, light and high-contrast themes, beside the editor's own views, with a
// skill chosen and a reply that ran tools and produced a file: the page takes its colours, fonts and icons from the
// theme. A screenshot of each theme, looked at by a person; the checks here are what a theme must never break.
import * as assert from 'node:assert/strict';
import { chatFrame, sendPrompt } from './support/chat.mjs';
import { runContextMenu } from './support/quickInput.mjs';
import { openSkillsView, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'the chat looks native in dark, light and high-contrast themes';

const THEMES = [
  ['Light Modern', 'chat-theme-light'],
  ['Dark High Contrast', 'chat-theme-dark-hc'],
  ['Light High Contrast', 'chat-theme-light-hc'],
  ['Dark Modern', 'chat-theme-dark'],
];

/** Picks `theme` with "Preferences: Color Theme" (clicked: the palette puts "…Browse Color Themes…" above it). */
async function useTheme(page, theme) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill('>Preferences: Color Theme');
  await page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) })
    .click();
  await input.fill(theme);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme }).first().waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export async function run({ page, screenshot }) {
  const sideBar = await openSkillsView(page);
  await runContextMenu(page, treeRow(sideBar, 'CSV cleaner'), 'Test in Chat');
  let frame = await chatFrame(page);
  await frame.locator('.skill-chip', { hasText: 'CSV cleaner' }).waitFor();
  const reply = await sendPrompt(frame, 'Clean my CSV file with csv-cleaner and create a file with a short report.');
  await reply.locator('.turn-footer .files button').waitFor();
  const meta = await reply.locator('.turn-meta').innerText();
  assert.match(meta, /Skill versions: CSV cleaner v2/, `the footer names the skill and its version: ${meta}`);
  assert.doesNotMatch(meta, /skill_|skver_/);
  assert.match(await reply.locator('.turn-author').innerText(), /claude-sonnet-5-5/, 'the turn names its model');
  assert.equal(await reply.locator('button', { hasText: 'Save to Workspace…' }).count(), 1, 'one Save button for the one file');
  await page.mouse.move(900, 600);

  for (const [theme, shot] of THEMES) {
    await useTheme(page, theme);
    frame = await chatFrame(page);
    const codicon = await frame
      .locator('.turn.assistant .turn-author .codicon')
      .first()
      .evaluate((icon) => getComputedStyle(icon, '::before').fontFamily);
    assert.match(codicon, /codicon/, 'icons come from the codicon font');
    await screenshot(shot);
  }
}
