// Journey: "Publish New Version from Folder…" on a skill in the tree publishes the sample folder to it; an edit
// after that shows the drift badge on the folder in the Explorer, and "Compare with Remote Version…" on the
// folder shows the edit in the multi-file diff editor; publishing that edit from the editor title can be
// cancelled while it uploads. The emulator and the file are restored at the end.
import { emulatorAdmin } from './support/emulator.mjs';
import { appendAndSave, diffEditorShows, quickInput, runContextMenu } from './support/quickInput.mjs';
import { keepSampleSkill, SAMPLE_SKILL_MD } from './support/sampleSkill.mjs';
import { openSkillsView, openWorkspaceFile, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name =
  'publish a folder from the tree, see its drift badge after an edit, compare the folder with the remote, cancel a publish';

const ADDED = 'Keep every line short.';

export async function run({ page, screenshot, emulatorUrl, workspace }) {
  const sample = keepSampleSkill(page, workspace, emulatorUrl);
  try {
    const sideBar = await openSkillsView(page);
    await runContextMenu(page, treeRow(sideBar, 'Release notes'), 'Publish New Version from Folder…');
    const folders = await quickInput(page, 'Publish a new version of "Release notes" from');
    const releaseNotes = folders.locator('.monaco-list-row', { hasText: 'release-notes' }).first();
    await releaseNotes.waitFor();
    await screenshot('publish-from-tree-folder-pick');
    await releaseNotes.click();
    await quickInput(page, 'as a new version of "Release notes"');
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'Published a new version of "Release notes"' }).waitFor();

    await openWorkspaceFile(page, SAMPLE_SKILL_MD);
    await appendAndSave(page, ADDED, sample.file);
    await page.keyboard.press('Control+Shift+E');
    const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'release-notes' }).first();
    await folder.waitFor();
    // A file decoration's badge is drawn by CSS after the label.
    await page.waitForFunction(() => {
      const row = [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].find((candidate) =>
        candidate.textContent?.includes('release-notes'),
      );
      const label = row?.querySelector('.monaco-icon-label');
      return label !== undefined && label !== null && getComputedStyle(label, '::after').content.includes('↑');
    });
    await screenshot('publish-drift-badge');

    await runContextMenu(page, folder, 'Compare with Remote Version…');
    const versions = await quickInput(page, 'Compare release-notes with a version of "Release notes"');
    await versions.locator('.monaco-list-row', { hasText: 'latest' }).first().waitFor();
    await screenshot('publish-compare-folder-pick');
    await page.keyboard.press('Enter');
    await diffEditorShows(page, 'release-notes', ADDED);
    await screenshot('publish-compare-folder');

    // Publish the edit from the SKILL.md editor's title, and cancel while the upload is under way.
    await emulatorAdmin(emulatorUrl, 'POST', 'faults', { method: 'POST', path: '/v1/skills/*/versions', latencyMs: 10000 });
    await openWorkspaceFile(page, SAMPLE_SKILL_MD);
    await page.locator('.editor-actions .action-label[aria-label^="Publish Skill"]').click();
    await quickInput(page, 'as a new version of "Release notes"');
    await page.keyboard.press('Enter');
    const progress = page.locator('.notifications-toasts .notification-toast', { hasText: 'Publishing release-notes' });
    await progress.waitFor();
    await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.locator('.notifications-toasts', { hasText: 'Publishing release-notes was cancelled' }).waitFor();
    await screenshot('publish-cancelled');
  } finally {
    await sample.restore();
  }
}
