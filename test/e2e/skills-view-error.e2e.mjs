// Journey: when the service fails on refresh, the Skills view keeps the skills it had, says once what failed,
// and the next refresh recovers.
import * as assert from 'node:assert/strict';
import { emulatorAdmin } from './support/emulator.mjs';
import { openSkillsView, treeRow, viewTitleAction } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'a failing refresh keeps the skills, says what failed, and the next refresh recovers';

/** Makes the emulator answer 500 to skill lists (its admin route), refreshes, then clears the fault and refreshes again. */
export async function run({ page, screenshot, emulatorUrl }) {
  const sideBar = await openSkillsView(page);
  await treeRow(sideBar, 'Brand voice').waitFor();
  const refresh = viewTitleAction(page, 'Refresh Skills');
  const message = sideBar.getByText(/^Could not load the skills: /);
  try {
    await emulatorAdmin(emulatorUrl, 'POST', 'faults', { method: 'GET', path: '/v1/skills', status: 500, times: 1000 });
    await refresh.click();
    await message.waitFor();
    const said = await message.innerText();
    assert.match(said, /\(500\)\. Try again in a moment\.$/);
    assert.equal(said.split('Could not load').length, 2, `said once, for both groups: ${said}`);
    await treeRow(sideBar, 'Brand voice').waitFor();
    await treeRow(sideBar, 'PDF documents').waitFor();
    await screenshot('skills-view-refresh-failed');
  } finally {
    await emulatorAdmin(emulatorUrl, 'DELETE', 'faults');
  }
  await refresh.click();
  await message.waitFor({ state: 'detached' });
  await sideBar.locator('.monaco-list-row', { hasText: 'Could not load' }).first().waitFor({ state: 'detached' });
  await treeRow(sideBar, 'Brand voice').waitFor();
}
