// Puts the service and the sample skill back as the journeys after a publishing journey expect them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Runs `journey` with `files` (name → text) written into the sample skill's `evals` folder; then removes that folder
 * and restores the service and the sample skill as `keepSampleSkill` does, whether the journey passed or not.
 */
export async function withSampleEvals(page, workspace, emulatorUrl, files, journey) {
  const sample = keepSampleSkill(page, workspace, emulatorUrl);
  const evals = path.join(path.dirname(sample.file), 'evals');
  try {
    mkdirSync(evals, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(evals, name), text);
    await journey();
  } finally {
    rmSync(evals, { recursive: true, force: true });
    await sample.restore();
  }
}
