// Journey: a skill folder's Explorer context menu offers "Export Skill as .zip…"; the save dialog proposes
// `<folder>.zip` beside it, and the zip appears in the Explorer with a notification saying what was exported.
import * as assert from 'node:assert/strict';
import { treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'Export Skill as .zip from the Explorer writes the zip beside the folder';

const FOLDER = 'release-notes';

export async function run({ page, screenshot }) {
  await page.keyboard.press('Control+Shift+E');
  const explorer = page.locator('.part.sidebar .explorer-folders-view');
  await explorer.waitFor({ state: 'visible' });
  const folder = treeRow(explorer, FOLDER);
  await folder.waitFor();
  // The menu knows skill folders once the extension's first workspace search is done, a moment after activation:
  // until then the entry is missing, so the menu is opened again (a few times at most).
  const entry = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Export Skill as .zip…' });
  for (let attempt = 1; ; attempt++) {
    await folder.click({ button: 'right' });
    if (
      await entry.waitFor({ state: 'visible', timeout: 2000 }).then(
        () => true,
        () => attempt >= 10,
      )
    )
      break;
    await page.keyboard.press('Escape');
  }
  await entry.waitFor({ state: 'visible' });
  await screenshot('export-context-menu');
  await entry.click();

  // code-server uses VS Code's own save dialog: a quick input holding the proposed path.
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  // The dialog proposes <folder>.zip beside the folder (it fills the box after it opens).
  await page.waitForFunction(() =>
    document.querySelector('.quick-input-widget .quick-input-box input')?.value.endsWith('/workspace/release-notes.zip'),
  );
  await screenshot('export-save-dialog');
  await input.press('Enter');

  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported release-notes' });
  await toast.waitFor({ state: 'visible' });
  const text = (await toast.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Exported release-notes \(2 files, [\d.]+ (B|KB)\) to release-notes\.zip\./, text);
  await treeRow(explorer, 'release-notes.zip').waitFor();
  await screenshot('export-done');
}
