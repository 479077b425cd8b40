// Quick inputs, context menus, saving and the multi-file diff editor, for the publish and compare journeys.
import { readFileSync } from 'node:fs';

/** The visible quick input, once its title contains `title`. */
export async function quickInput(page, title) {
  const widget = page.locator('.quick-input-widget').filter({ visible: true });
  await widget.locator('.quick-input-title', { hasText: title }).waitFor();
  return widget;
}

/** Runs a palette command whose first step is a quick input of its own (so the palette never closes in between). */
export async function startPaletteCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Enter runs the focused row: wait until that is the command asked for, not a row listed before the filter applied.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor();
  await input.press('Enter');
}

/** Right-clicks `target` and runs its context menu entry `label`. */
export async function runContextMenu(page, target, label) {
  await target.click({ button: 'right' });
  const entry = page.locator('.monaco-menu .action-item', { hasText: label }).filter({ visible: true }).first();
  await entry.waitFor();
  // The menu may still be laying out its entries as their `when` clauses settle, and a click then can land on
  // nothing: hover the entry (which focuses it) and press Enter, then see the menu close.
  await entry.hover();
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden' });
}

/** Waits until the active tab's title contains `title` and the editor area shows a line containing `text`. */
export async function diffEditorShows(page, title, text) {
  await page.locator('.tabs-container .tab.active', { hasText: title }).waitFor();
  await page.locator('.part.editor .view-line', { hasText: text }).first().waitFor();
}

/** Adds `text` at the end of the open editor's last line, saves, and waits until `file` on disk holds it. */
export async function appendAndSave(page, text, file) {
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+S');
  await fileHolds(page, file, text);
}

/** Polls `file` until it contains `text` (the save lands on disk a moment after Ctrl+S); fails after the step timeout. */
async function fileHolds(page, file, text) {
  const deadline = Date.now() + 20_000;
  while (!readFileSync(file, 'utf8').includes(text)) {
    if (Date.now() > deadline) throw new Error(`${file} was not saved with "${text}"`);
    await page.waitForTimeout(100);
  }
}
