// Journey: with no skills at all on the service, the Skills view shows its empty welcome instead of two empty groups.
import * as assert from 'node:assert/strict';
import { emulatorAdmin } from './support/emulator.mjs';
import { openSkillsView, viewTitleAction } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'with no skills on the service, the Skills view offers to create one';

/** Empties the emulator (its admin `fill` route with zero skills), refreshes, checks the welcome, then restores the seed. */
export async function run({ page, screenshot, emulatorUrl }) {
  const sideBar = await openSkillsView(page);
  const welcome = sideBar.locator('.welcome-view-content');
  try {
    await emulatorAdmin(emulatorUrl, 'POST', 'fill', { skills: 0, versionsPerSkill: 1 });
    await viewTitleAction(page, 'Refresh Skills').click();
    await welcome.getByRole('button', { name: 'Create a New Skill' }).waitFor();
    assert.match(await welcome.innerText(), /You have no skills yet/);
    await welcome.getByRole('button', { name: 'Refresh' }).waitFor();
    assert.equal(await sideBar.locator('.monaco-list-row').filter({ visible: true }).count(), 0, 'no empty groups under the welcome');
    await screenshot('skills-view-empty');
  } finally {
    await emulatorAdmin(emulatorUrl, 'POST', 'reset', {});
  }
  await welcome.getByRole('button', { name: 'Refresh' }).click();
  await sideBar.locator('.monaco-list-row', { hasText: 'Brand voice' }).waitFor();
}
