// Journey: with no API key anywhere, the Skills view shows its signed-out welcome with a "Set API Key" button.
import * as assert from 'node:assert/strict';
import { skillsActivityIcon, viewTitleAction } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'signed out, the Skills view welcomes with a "Set API Key" button';

/** Runs on a workbench whose extension host has no ANTHROPIC_API_KEY (and nothing in secret storage). */
export const signedOut = true;

/** Opens the Skills view, waits for the welcome's button, checks its text and that no skills or Refresh show, then presses it. */
export async function run({ page, screenshot }) {
  await skillsActivityIcon(page).click();
  const welcome = page.locator('.part.sidebar .welcome-view-content');
  await welcome.getByRole('button', { name: 'Set API Key' }).waitFor();
  const text = await welcome.innerText();
  assert.match(text, /Connect Skillsmith to the Claude API/);
  assert.ok(text.includes('ANTHROPIC_API_KEY') && !text.includes('`'), `plain text, no Markdown code marks: ${text}`);
  await viewTitleAction(page, 'New Skill').waitFor();
  assert.equal(await viewTitleAction(page, 'Refresh Skills').count(), 0, 'nothing to refresh while signed out');
  assert.equal(await page.locator('.part.sidebar .monaco-list-row').filter({ visible: true }).count(), 0, 'no skills are listed');
  await screenshot('signed-out-welcome');
  await welcome.getByRole('button', { name: 'Set API Key' }).click();
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  assert.equal(await input.getAttribute('type'), 'password', 'the key is typed into a password box');
  await screenshot('signed-out-set-key-prompt');
  await page.keyboard.press('Escape');
}
