// Journey: "Skillsmith: Create Eval Files" on a SKILL.md writes the skill's trigger set and output evals and opens the
// trigger set (the schema's marking of a wrong field is tested in test/integration/evals.test.ts).
import { openWorkspaceFile, runPaletteCommand } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'evals: Create Eval Files scaffolds both files from the description and opens the trigger set';

/** Scaffolds the sample skill's eval files and looks at the trigger set, with evals.json beside it in the Explorer. */
export async function run({ page, screenshot }) {
  await openWorkspaceFile(page, 'release-notes/SKILL.md');
  await runPaletteCommand(page, 'Skillsmith: Create Eval Files');
  await page.locator('.tabs-container .tab.active', { hasText: 'trigger-evals.json' }).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .view-lines', { hasText: 'should_trigger' }).first().waitFor();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^evals\.json$/ }).waitFor();
  await screenshot('evals-trigger-set-scaffolded');
}
