// Puts the service and the sample skill back as the journeys after a publishing journey expect them.
import * as assert from 'node:assert/strict';
import { emulatorAdmin } from './emulator.mjs';
import { openWorkspaceFile } from './workbench.mjs';

/**
 * Clears the emulator's faults and resets it to its seed (the published versions go), then removes the text a
 * journey appended to the last line of release-notes/SKILL.md, and saves.
 */
export async function restoreAfterPublishing(page, emulatorUrl, appended) {
  await emulatorAdmin(emulatorUrl, 'DELETE', 'faults');
  await emulatorAdmin(emulatorUrl, 'POST', 'reset');
  await page.keyboard.press('Escape');
  await openWorkspaceFile(page, 'release-notes/SKILL.md');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'See [the template]' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  assert.equal(await editor.locator('.view-line', { hasText: appended }).count(), 0, 'the sample skill is restored');
}
