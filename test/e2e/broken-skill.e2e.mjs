// Journey: opening a broken SKILL.md shows a squiggle, and the problem carries Skillsmith's rule id.
import { openWorkspaceFile, showProblems } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'a broken SKILL.md gets a squiggle and a problem naming the rule';

/**
 * Opens broken-example/SKILL.md and waits for an error squiggle and a Problems row with the rule id
 * (VS Code's own SKILL.md checks squiggle too, so the squiggle alone proves nothing about Skillsmith).
 */
export async function run({ page, screenshot }) {
  await openWorkspaceFile(page, 'broken-example/SKILL.md');
  await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
  const rows = await showProblems(page);
  await rows.filter({ hasText: 'skillsmith' }).filter({ hasText: 'name-format' }).first().waitFor({ state: 'visible' });
  await screenshot('broken-skill-problem');
}
