// Puts the service and the sample skill back as the journeys after a publishing journey expect them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emulatorAdmin } from './emulator.mjs';
import { runPaletteCommand } from './workbench.mjs';

/** The sample skill the publishing journeys edit, relative to the workspace. */
export const SAMPLE_SKILL_MD = 'release-notes/SKILL.md';

/**
 * Remembers the sample skill's SKILL.md as it is now. Returns its path, and `restore`, which clears the emulator's
 * faults, resets it to its seed (the published versions go), writes the file back and closes every editor (the next
 * journey's workbench would reopen them).
 */
export function keepSampleSkill(page, workspace, emulatorUrl) {
  const file = path.join(workspace, SAMPLE_SKILL_MD);
  const original = readFileSync(file);
  const restore = async () => {
    await emulatorAdmin(emulatorUrl, 'DELETE', 'faults');
    await emulatorAdmin(emulatorUrl, 'POST', 'reset');
    writeFileSync(file, original);
    await page.keyboard.press('Escape');
    await runPaletteCommand(page, 'View: Close All Editors');
  };
  return { file, restore };
}
