// Journey: the sample skill is edited and published as a new version of its remote skill from the palette
// (link pick, preview, progress, the version revealed and selected in the tree), then compared with the
// previous version in the multi-file diff editor. The emulator and the file are restored at the end.
import * as assert from 'node:assert/strict';
import { emulatorAdmin } from './support/emulator.mjs';
import { appendAndSave, diffEditorShows, quickInput, runContextMenu, startPaletteCommand } from './support/quickInput.mjs';
import { keepSampleSkill, SAMPLE_SKILL_MD } from './support/sampleSkill.mjs';
import { openWorkspaceFile } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'publish the edited sample skill as a new version (preview, progress, revealed) and compare it with the previous one';

const ADDED = 'Link every change to its pull request.';

export async function run({ page, screenshot, emulatorUrl, workspace }) {
  const sample = keepSampleSkill(page, workspace, emulatorUrl);
  try {
    await openWorkspaceFile(page, SAMPLE_SKILL_MD);
    await appendAndSave(page, ADDED, sample.file);

    // The upload waits a moment in the emulator, so the progress notification can be seen.
    await emulatorAdmin(emulatorUrl, 'POST', 'faults', { method: 'POST', path: '/v1/skills/*/versions', latencyMs: 1500 });
    await startPaletteCommand(page, 'Skillsmith: Publish Skill…');
    const link = await quickInput(page, 'Publish release-notes to');
    await link.locator('.monaco-list-row', { hasText: 'Release notes' }).waitFor();
    assert.equal(
      await link.locator('.monaco-list-row', { hasText: /PDF documents|Excel/ }).count(),
      0,
      'Anthropic skills are never offered',
    );
    await screenshot('publish-link-pick');
    await page.keyboard.press('Enter');

    const preview = await quickInput(page, 'as a new version of "Release notes"');
    const rows = preview.locator('.monaco-list-row');
    await rows.filter({ hasText: 'release-notes/template.md' }).waitFor();
    await rows.filter({ hasText: 'release-notes/SKILL.md' }).waitFor();
    // The seed's versions hold templates/notes.md where the sample has template.md.
    await rows.filter({ hasText: 'Files differ: 1 changed, 1 added, 1 removed' }).waitFor();
    assert.match(await rows.first().innerText(), /Publish 2 files/, 'Publish is the first choice');
    await screenshot('publish-preview', { readme: 'publish-preview' });
    await page.keyboard.press('Enter');

    await page.locator('.notifications-toasts', { hasText: 'Publishing release-notes' }).waitFor();
    await screenshot('publish-progress');
    await page.locator('.notifications-toasts', { hasText: 'Published a new version of "Release notes"' }).waitFor();
    const revealed = page.locator('.part.sidebar .monaco-list-row.selected[aria-level="3"]');
    await revealed.waitFor();
    assert.match(
      await revealed.locator('.label-name').innerText(),
      /^v\d+$/,
      'the revealed version is named by its short label, which fits',
    );
    assert.match(await revealed.locator('.label-description').innerText(), /^latest · /, 'the revealed version is the latest, said first');
    await page.locator('.notifications-toasts .monaco-button', { hasText: 'Copy Version ID' }).waitFor();
    await screenshot('publish-revealed', { readme: 'tree' });

    await runContextMenu(page, revealed, 'Compare Versions');
    await quickInput(page, 'with…');
    await screenshot('publish-compare-pick');
    await page.keyboard.press('Enter');
    await diffEditorShows(page, '↔', ADDED);
    await screenshot('publish-compare-versions', { readme: 'diff' });
  } finally {
    await sample.restore();
  }
}
