// Journey: when the very first load fails (a 529), the view shows its error welcome, rendered, with Retry and
// Show Log, says it once (no message above it, no error rows), and Retry fills the view.
import * as assert from 'node:assert/strict';
import { emulatorAdmin } from './support/emulator.mjs';
import { skillsActivityIcon, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'when the first load fails, the error welcome offers Retry and Show Log, and Retry fills the view';

/** Makes every skill list answer 529 before the view first loads, checks what is rendered, then clears it and retries. */
export async function run({ page, screenshot, emulatorUrl }) {
  const sideBar = page.locator('.part.sidebar');
  const welcome = sideBar.locator('.welcome-view-content');
  try {
    await emulatorAdmin(emulatorUrl, 'POST', 'faults', { method: 'GET', path: '/v1/skills', status: 529, times: 1000 });
    await skillsActivityIcon(page).click();
    await welcome.getByRole('button', { name: 'Retry' }).waitFor();
    await welcome.getByRole('button', { name: 'Show Log' }).waitFor();
    const said = await welcome.innerText();
    assert.match(said, /The Skills API is overloaded \(529\), so the skills could not be loaded\. Try again in a few minutes\./);
    assert.equal(
      await sideBar
        .getByText(/Could not load/)
        .filter({ visible: true })
        .count(),
      0,
      `said once, by the welcome: ${said}`,
    );
    assert.equal(await sideBar.locator('.monaco-list-row').filter({ visible: true }).count(), 0, 'no groups under the welcome');
    await screenshot('skills-view-load-error');
  } finally {
    await emulatorAdmin(emulatorUrl, 'DELETE', 'faults');
  }
  await welcome.getByRole('button', { name: 'Retry' }).click();
  await treeRow(sideBar, 'Brand voice').waitFor();
  await welcome.waitFor({ state: 'hidden' });
}
