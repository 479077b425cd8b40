// Journey: "Skillsmith: Lint All Skills in Workspace" from the palette fills the Problems panel.
import { runPaletteCommand, showProblems } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'the palette runs "Lint All Skills in Workspace" and Problems lists its findings';

/** Runs the command and waits for Skillsmith's `name-format` problem of the broken fixture skill. */
export async function run({ page, screenshot }) {
  await runPaletteCommand(page, 'Skillsmith: Lint All Skills in Workspace');
  const rows = await showProblems(page);
  await rows.filter({ hasText: 'skillsmith' }).filter({ hasText: 'name-format' }).first().waitFor({ state: 'visible' });
  await screenshot('lint-command-problems');
}
