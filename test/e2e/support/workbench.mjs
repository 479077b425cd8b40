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
  // Enter runs the focused row: wait until that is the command asked for, not a row the list showed before it filtered.
  const focusedRow = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first();
  await focusedRow.waitFor({ state: 'visible' });
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens `relativePath` of the workspace with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openWorkspaceFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  // The first row must be the file asked for, not a recently opened one listed before the search answers.
  const fileName = relativePath.split('/').pop();
  const folder = relativePath.split('/').slice(0, -1).join('/');
  const firstRow = page.locator('.quick-input-widget .monaco-list-row').first();
  await firstRow.filter({ hasText: fileName }).filter({ hasText: folder }).waitFor({ state: 'visible' });
  await input.press('Enter');
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

/** Opens the Skills container and waits for the Remote Skills tree's groups; returns the side bar's locator. */
export async function openSkillsView(page) {
  await skillsActivityIcon(page).click();
  const sideBar = page.locator('.part.sidebar');
  await treeRow(sideBar, 'Custom').waitFor();
  return sideBar;
}

/** The tree or list row under `container` whose label is exactly `label`. */
export function treeRow(container, label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return container
    .locator('.monaco-list-row')
    .filter({ has: container.page().locator('.label-name', { hasText: exact }) })
    .first();
}

/** Clicks a collapsed tree row and waits until it shows as expanded. */
export async function expandTreeRow(row) {
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor();
}

/** Waits for a hover widget containing `text` and resolves with its whole text (no-break spaces made plain). */
export async function hoverWidget(page, text) {
  const hover = page.locator('.monaco-hover', { hasText: text }).filter({ visible: true }).first();
  await hover.waitFor();
  return (await hover.innerText()).replace(/[\u00a0\u202f]/g, ' ');
}

/** Points the mouse at a row or tab, moving it away first so the element sees it arrive and shows its tooltip. */
export async function hoverAfresh(target) {
  await target.page().mouse.move(0, 0);
  await target.hover();
}

/** The button of the side bar view's title bar whose label starts with `label` (e.g. "Refresh Skills"). */
export function viewTitleAction(page, label) {
  return page.locator(`.part.sidebar .title-actions .action-label[aria-label^="${label}"]`);
}

/**
 * Presses `keys` (one key, or a chord as an array) until `target` shows, at most `attempts` times, pressing Escape between tries. For widgets whose
 * content a language feature computes on request (Ctrl+. asks the code action providers): a request made while
 * the editor is still settling (focus moving back from a panel, diagnostics arriving) can open an empty menu.
 */
export async function pressUntilVisible(page, keys, target, { attempts = 4, timeout = 5_000 } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    for (const key of [keys].flat()) await page.keyboard.press(key);
    try {
      await target.waitFor({ state: 'visible', timeout });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
