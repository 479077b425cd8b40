// Small, readable steps on the VS Code web workbench for the browser journeys.

/** The Skills container's icon in the activity bar. */
export function skillsActivityIcon(page) {
  return page.locator('.part.activitybar .action-item a[aria-label^="Skills"]');
}

/**
 * Waits until the workbench is up and Skillsmith's contributions are in it (its activity-bar icon shows):
 * before that, the palette does not list its commands yet.
 */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
  await skillsActivityIcon(page).waitFor({ state: 'visible' });
}

/** Opens the command palette (F1), types `title` and runs the entry with exactly that label. */
export async function runPaletteCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens `relativePath` of the workspace with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openWorkspaceFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible' });
  await input.press('Enter');
  const fileName = relativePath.split('/').pop();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Shows the Problems panel by clicking the problem counts in the status bar; returns the locator of its rows. */
export async function showProblems(page) {
  await page.locator('.part.statusbar [id="status.problems"]').click();
  const panel = page.locator('.part.panel .markers-panel');
  await panel.waitFor({ state: 'visible' });
  return panel.locator('.monaco-list-row');
}
