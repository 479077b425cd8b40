// Journey: the sample skill's evals in the Test Explorer. The Testing view lists its trigger and output cases; a run
// of all of them against the local draft asks first whether to publish the draft, then about the cost (each
// question in a screenshot), publishes it as a new version through the publish preview while the Testing view stays
// in front, then shows each case passed or failed with its rate, and the failing trigger case's message at its line in
// the editor, its transcript in the Test Results panel. The emulator and the files are restored at the end.
import { quickInput } from './support/quickInput.mjs';
import { withSampleEvals } from './support/sampleSkill.mjs';
import { openWorkspaceFile } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = "evals in the Test Explorer: run the sample skill's cases against its draft and read a failure's transcript";

const TRIGGERS = `[
  { "query": "Release notes for merged PRs", "should_trigger": true },
  { "query": "Capital of France?", "should_trigger": false },
  { "query": "Summarise the sprint", "should_trigger": true }
]
`;
const OUTPUTS = `{
  "skill_name": "release-notes",
  "evals": [
    {
      "id": 1,
      "prompt": "Draft the release notes",
      "expectations": ["It mentions 'release-notes'"]
    }
  ]
}
`;

/**
 * The Test Explorer's row of the item labelled `label` (followed by its description in the row; a case's label may
 * start with the rate of its last run: "3/3 triggered · ").
 */
function testRow(container, label) {
  const start = new RegExp(`^(?:[^·]+ · )?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return container
    .locator('.monaco-list-row')
    .filter({ has: container.page().locator('.monaco-tl-contents > .label', { hasText: start }) })
    .first();
}

/** The modal dialog that shows `text`, once it is up (in the screenshot `shot` when given); presses `button`. */
async function answerDialog(page, text, button, shot) {
  const dialog = page.locator('.monaco-dialog-box', { hasText: text });
  await dialog.waitFor();
  if (shot) await shot();
  await dialog.locator('.monaco-button', { hasText: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

export async function run({ page, screenshot, emulatorUrl, workspace }) {
  await withSampleEvals(page, workspace, emulatorUrl, { 'trigger-evals.json': TRIGGERS, 'evals.json': OUTPUTS }, async () => {
    // The failing case's peek opens in the editor that shows its file.
    await openWorkspaceFile(page, 'release-notes/evals/trigger-evals.json');

    // The item, not its link: once a test failed, the item's badge lies over the link.
    const testingIcon = page.locator('.part.activitybar .action-item').filter({ has: page.locator('a[aria-label^="Testing"]') });
    await testingIcon.click();
    const sideBar = page.locator('.part.sidebar');
    const skill = testRow(sideBar, 'release-notes');
    await skill.waitFor();
    if ((await skill.getAttribute('aria-expanded')) !== 'true') await skill.click();
    const triggerFile = testRow(sideBar, 'trigger-evals.json');
    await triggerFile.waitFor();
    if ((await triggerFile.getAttribute('aria-expanded')) !== 'true') await triggerFile.click();
    const missed = testRow(sideBar, 'Summarise the sprint');
    await missed.waitFor();
    const outputFile = testRow(sideBar, 'evals.json');
    await outputFile.waitFor();
    if ((await outputFile.getAttribute('aria-expanded')) !== 'true') await outputFile.click();
    await testRow(sideBar, '#1 Draft the release notes').waitFor();
    await screenshot('evals-test-explorer-cases');

    await skill.hover();
    await skill.locator('.action-label[aria-label^="Run Test"]').click();
    await answerDialog(page, 'release-notes is not published yet', 'Publish and Run', () =>
      screenshot('evals-test-explorer-publish-question'),
    );
    await answerDialog(page, 'Run 4 eval cases of release-notes, 3 times each?', 'Run Evals', () =>
      screenshot('evals-test-explorer-cost-question'),
    );
    const link = await quickInput(page, 'Publish release-notes to');
    await link.locator('.monaco-list-row', { hasText: 'Release notes' }).waitFor();
    await page.keyboard.press('Enter');
    const preview = await quickInput(page, 'as a new version of "Release notes"');
    await preview.locator('.monaco-list-row', { hasText: 'release-notes/SKILL.md' }).waitFor();
    await page.keyboard.press('Enter');
    // The publish leaves the Testing view in front: the run shows there.
    await page.locator('.notifications-toasts', { hasText: 'Published a new version of "Release notes"' }).waitFor();

    // Each case shows its rate beside it once its runs are in, and its state.
    // The rate starts the label, so a side bar of the default width shows it; the label is what a screen reader hears.
    const label = (row, text) => row.locator('.monaco-tl-contents > .label', { hasText: text }).waitFor();
    await label(missed, '0/3 triggered · Summarise the sprint · should trigger');
    await label(testRow(sideBar, 'Release notes for merged PRs'), '3/3 triggered · Release notes for merged PRs');
    await label(testRow(sideBar, '#1 Draft the release notes'), '3/3 runs passed · #1 Draft the release notes');
    await missed.locator('.computed-state.codicon-testing-failed-icon').waitFor();
    await testRow(sideBar, 'Capital of France?').locator('.computed-state.codicon-testing-passed-icon').waitFor();
    await screenshot('evals-test-explorer-results', { readme: 'test-explorer' });

    // The failure's message in the editor, at the case's line.
    await page.locator('.part.editor', { hasText: '0/3 triggered; it should trigger in most runs.' }).waitFor();
    // Selecting the failed case in Test Results shows its whole message: the rate, the runs and the transcript. That
    // view is a terminal that may draw its text on a canvas, so the transcript is checked in the screenshot and in
    // test/integration/evalsTestExplorer.test.ts, not read here.
    // VS Code opens Test Results when a run starts, but not always once the run began behind the publish dialogs:
    // the Testing view's "Show Output" opens it either way.
    await sideBar.locator('.action-label[aria-label^="Show Output"]').first().click();
    const failedResult = page.locator('.part.panel .monaco-list-row', { hasText: 'Summarise the sprint' }).first();
    // The results list keeps each case's label from the run's start (VS Code copies a test item once, when a run
    // first reports it), so the rate shows there only as a failure's message, folded into the case's row.
    await failedResult.locator('.test-label-description', { hasText: '0/3 triggered; it should trigger in most runs.' }).waitFor();
    // The click shows the message for the screenshot; it is not asserted (under load the results tree sometimes
    // ignores a click while it lays itself out, and the journey has checked the failure above).
    await failedResult.click();
    await screenshot('evals-test-explorer-failure');
  });
}
