// Journey: deleting a version asks in the names the row shows (no ids) and says in the status bar that it is
// done; deleting a skill with versions asks again, and Cancel on its progress cancels the request in flight.
import * as assert from 'node:assert/strict';
import { emulatorAdmin } from './support/emulator.mjs';
import { runContextMenu } from './support/quickInput.mjs';
import { expandTreeRow, openSkillsView, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'delete speaks in names, says when it is done, and its Cancel cancels the request';

/** Right-clicks `row` and runs the context-menu entry labelled `label`. */
function contextMenu(row, label) {
  return runContextMenu(row.page(), row, label);
}

/** The modal dialog that is open: its text, and a function that presses one of its buttons. */
async function dialog(page) {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor();
  return {
    text: (await box.innerText()).replace(/[\u00a0\u202f]/g, ' '),
    press: (label) => box.getByRole('button', { name: label }).click(),
  };
}

/** Deletes the oldest version of "Release notes", then starts deleting "Brand voice" and cancels it midway. */
export async function run({ page, screenshot, emulatorUrl }) {
  const sideBar = await openSkillsView(page);
  const statusBar = page.locator('.part.statusbar');
  try {
    await expandTreeRow(treeRow(sideBar, 'Release notes'));
    const oldest = sideBar.locator('.monaco-list-row[aria-level="3"]').nth(2);
    await oldest.waitFor();
    const when = (await oldest.locator('.label-name').innerText()).replace(/[\u00a0\u202f]/g, ' ');
    await contextMenu(oldest, 'Delete Version…');
    const asked = await dialog(page);
    // The row's label is the version's ordinal ("v1"); the question adds its date and time to the second.
    assert.match(asked.text, new RegExp(`Delete version ${when} \\([^)]*\\d:\\d\\d:\\d\\d[^)]*\\) of "Release notes"\\?`), asked.text);
    assert.doesNotMatch(asked.text, /skver_|skill_/, 'no ids in the question');
    await screenshot('delete-version-dialog');
    await asked.press('Delete Version');
    await statusBar.getByText(new RegExp(`Deleted version ${when} \\(.*\\) of "Release notes"\\.`)).waitFor();
    await sideBar.locator('.monaco-list-row[aria-level="3"]').nth(2).waitFor({ state: 'detached' });
    await screenshot('delete-version-done');

    // The first version delete of "Brand voice" hangs on the service: Cancel must end it.
    await emulatorAdmin(emulatorUrl, 'POST', 'faults', { method: 'DELETE', path: '/v1/skills/*/versions/*', latencyMs: 30_000 });
    await contextMenu(treeRow(sideBar, 'Brand voice'), 'Delete Skill…');
    await (await dialog(page)).press('Delete Skill');
    const again = await dialog(page);
    assert.match(again.text, /"Brand voice" still has 4 versions\. Delete them first, then the skill\?/);
    assert.doesNotMatch(again.text, /skver_|skill_/, 'the versions are listed by date');
    await screenshot('delete-skill-versions-dialog');
    await again.press('Delete Versions and Skill');
    const progress = page.locator('.notification-toast', { hasText: 'Deleting "Brand voice"' });
    await progress.waitFor();
    await screenshot('delete-skill-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await statusBar.getByText('Deleting "Brand voice" was cancelled.').waitFor();
    await progress.waitFor({ state: 'detached' });
    await treeRow(sideBar, 'Brand voice').waitFor();
    await screenshot('delete-skill-cancelled');
  } finally {
    await emulatorAdmin(emulatorUrl, 'DELETE', 'faults');
    await emulatorAdmin(emulatorUrl, 'POST', 'reset', {});
  }
}
