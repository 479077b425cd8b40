// Journey: the "Skills" container sits in the activity bar and opens on the skills of the API (the emulator).
import * as assert from 'node:assert/strict';
import { skillsActivityIcon } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'the Skills activity-bar container opens and lists the remote skills';

/** Clicks the Skills icon and waits for the Remote Skills view to show the emulator's custom and Anthropic skills. */
export async function run({ page, screenshot }) {
  await skillsActivityIcon(page).click();
  const sideBar = page.locator('.part.sidebar');
  // With one view the side bar's title reads "Skills: Remote Skills"; with more, the view has its own header.
  await sideBar
    .getByText(/Remote Skills/i)
    .filter({ visible: true })
    .first()
    .waitFor();
  const rows = sideBar.locator('.monaco-list-row');
  await rows
    .filter({ hasText: /^Custom/ })
    .first()
    .waitFor();
  await rows
    .filter({ hasText: /^Anthropic/ })
    .first()
    .waitFor();
  assert.ok((await rows.count()) > 2, 'the groups should list skills');
  await screenshot('skills-view');
}
