// Journey: Skillsmith's editor features on SKILL.md as a person meets them: a hover explaining a frontmatter key,
// key suggestions on a new frontmatter line, the budget code lenses, and a quick fix that clears a problem.
import * as assert from 'node:assert/strict';
import { openWorkspaceFile, pressUntilVisible, runPaletteCommand, showProblems } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'SKILL.md: key hover, key suggestions, budget lenses and a quick fix that clears the problem';

/** Hovers, suggests and reads the lenses in the valid sample skill, then quick-fixes the broken one (and reverts both). */
export async function run({ page, screenshot }) {
  await openWorkspaceFile(page, 'release-notes/SKILL.md');
  const editor = page.locator('.editor-instance .monaco-editor').first();

  const lenses = editor.locator('.codelens-decoration');
  await lenses.filter({ hasText: /^body \d+ \/ 500 lines · ~\d+ \/ 5,000 tokens$/ }).waitFor();
  await lenses.filter({ hasText: /^description \d+ \/ 1,024 chars$/ }).waitFor();

  // Line 3 is `description: …`: the keyboard's "Show Hover" at its first character.
  await goToLine(page, editor, 3);
  const hover = page.locator('.monaco-editor .monaco-hover', { hasText: 'when Claude should use it' }).filter({ visible: true });
  await pressUntilVisible(page, ['Control+K', 'Control+I'], hover);
  assert.match(await hover.innerText(), /Length: \d+ \/ 1,024 characters/);
  await screenshot('skill-md-hover-and-lenses');
  await page.keyboard.press('Escape');

  // A new line after `name: …` (line 2, the frontmatter), then Ctrl+Space: our keys, not the ones already there.
  await goToLine(page, editor, 2);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const suggestions = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await pressUntilVisible(page, 'Control+Space', suggestions.filter({ hasText: 'Skillsmith' }).first());
  // VS Code suggests SKILL.md keys of its own too; ours say where they come from.
  const ours = suggestions.filter({ hasText: 'Skillsmith (claude-api profile)' });
  const labels = (await ours.locator('.label-name').allInnerTexts()).map((label) => label.trim());
  for (const key of ['license', 'compatibility', 'metadata', 'allowed-tools']) {
    assert.ok(labels.includes(key), `"${key}" is suggested: ${labels.join(', ')}`);
  }
  assert.ok(!labels.includes('name') && !labels.includes('description'), `keys already present are not suggested: ${labels.join(', ')}`);
  await screenshot('skill-md-suggest');
  await page.keyboard.press('Escape');
  await runPaletteCommand(page, 'File: Revert File');

  await openWorkspaceFile(page, 'broken-example/SKILL.md');
  const problems = await showProblems(page);
  // Other folders' problems are listed too (every skill folder is linted in the background): this file's only.
  const nameFormat = problems.filter({ hasText: 'name-format' }).filter({ hasText: 'Broken_Example' });
  await nameFormat.first().waitFor();
  // Line 2 is `name: Broken_Example`: with the cursor on the name, Ctrl+. lists the fixes for what is wrong there.
  await goToLine(page, editor, 2);
  await page.keyboard.press('End');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'broken-example' }).first();
  await pressUntilVisible(page, 'Control+.', fix);
  await screenshot('skill-md-quick-fix-menu');
  await fix.click();
  await editor.locator('.view-line', { hasText: 'name: broken-example' }).waitFor();
  await nameFormat.first().waitFor({ state: 'detached' });
  await problems.filter({ hasText: 'description-missing' }).first().waitFor();
  await screenshot('skill-md-quick-fix-applied');
  // VS Code may save a quick fix's edit (files.refactoring.autoSave), so Revert File could bring back the fixed file:
  // undo the fix and save, leaving the workspace as the next journeys expect it.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+z');
  await editor.locator('.view-line', { hasText: 'name: Broken_Example' }).waitFor();
  await page.keyboard.press('Control+s');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
}

/** Puts the cursor at the start of `line` (1-based) with the keyboard. */
async function goToLine(page, editor, line) {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let moved = 1; moved < line; moved += 1) await page.keyboard.press('ArrowDown');
}
