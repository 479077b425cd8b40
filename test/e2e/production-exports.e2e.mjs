// Journey: in the installed .vsix (ExtensionMode.Production) Skillsmith's activate() hands another extension
// nothing, so nothing can switch off its confirmations. The exports probe (test/e2e/probe) is that extension.
import * as assert from 'node:assert/strict';
import { runPaletteCommand } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'another installed extension gets nothing from Skillsmith and cannot replace its prompts';

/** Runs the probe's command and reads its notification. */
export async function run({ page, screenshot }) {
  await runPaletteCommand(page, 'Exports Probe: Show Skillsmith Exports');
  const said = page.locator('.notification-toast', { hasText: 'Skillsmith exports' });
  await said.waitFor();
  const text = await said.innerText();
  assert.match(text, /Skillsmith exports nothing; confirmations replaced: no/, text);
  await screenshot('production-exports');
}
