// Journey: "Skillsmith: Tune Skill Description…" on the sample skill with a trigger set: no typed candidate, the cost
// question, then the result table per round as a Markdown preview and, when a candidate won, the current and tuned
// SKILL.md side by side and the Apply question (declined here: the sample's SKILL.md stays as it is).
import { quickInput, startPaletteCommand } from './support/quickInput.mjs';
import { withSampleEvals } from './support/sampleSkill.mjs';
import { openWorkspaceFile } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'evals: Tune Skill Description shows the result table and the tuned description side by side';

const TRIGGERS = `[
  { "query": "Write release notes for the merged PRs", "should_trigger": true },
  { "query": "What changed between v1.2 and v1.3?", "should_trigger": true },
  { "query": "Draft a changelog for this sprint", "should_trigger": true },
  { "query": "Summarise what shipped this week for users", "should_trigger": true },
  { "query": "Capital of France?", "should_trigger": false },
  { "query": "Fix this failing unit test", "should_trigger": false },
  { "query": "Translate this paragraph into German", "should_trigger": false },
  { "query": "Rename the variable x to count", "should_trigger": false }
]
`;

export async function run({ page, screenshot, emulatorUrl, workspace }) {
  await withSampleEvals(page, workspace, emulatorUrl, { 'trigger-evals.json': TRIGGERS }, async () => {
    await openWorkspaceFile(page, 'release-notes/SKILL.md');
    await startPaletteCommand(page, 'Skillsmith: Tune Skill Description…');
    await quickInput(page, 'Tune the description of release-notes');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Tune the description of release-notes?' });
    await dialog.waitFor();
    await screenshot('tune-description-cost');
    await dialog.locator('.monaco-button', { hasText: 'Tune' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'tuning' }).first().waitFor({ timeout: 120_000 });
    const apply = page.locator('.monaco-dialog-box', { hasText: 'Use the tuned description' });
    await apply.waitFor({ timeout: 30_000 }).catch(() => undefined);
    await screenshot('tune-description-result');
    if (await apply.isVisible()) await apply.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'tuning' }).first().click();
    await screenshot('tune-description-table');
  });
}
