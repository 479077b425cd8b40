// Journey: a custom skill expands to its versions (newest first, the latest marked), a version to its files,
// and a file opens read-only from `skillsmith-remote:`; the skill's and the version's tooltips say what they are.
import * as assert from 'node:assert/strict';
import { expandTreeRow, hoverAfresh, hoverWidget, openSkillsView, treeRow } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'a remote skill expands to versions and files, and a file opens read-only';

/** The seed's "Release notes" skill: three versions of a `release-notes/` folder. */
const SKILL = 'Release notes';

/** Walks the tree down to a file of the newest version of the skill, checking every level on the way. */
export async function run({ page, screenshot }) {
  const sideBar = await openSkillsView(page);
  const skill = treeRow(sideBar, SKILL);
  await expandTreeRow(skill);

  // Versions sit one level below the skill; the newest (first) is the latest.
  const versions = sideBar.locator('.monaco-list-row[aria-level="3"]');
  await versions.first().waitFor();
  await versions.nth(2).waitFor();
  const descriptions = await versions.evaluateAll((rows) => rows.map((row) => row.querySelector('.label-description')?.textContent ?? ''));
  assert.equal(descriptions.length, 3, `three versions, got ${descriptions.join(' | ')}`);
  assert.match(descriptions[0] ?? '', /^latest · /, 'the first version is the latest');
  assert.ok(
    descriptions.slice(1).every((text) => !text.includes('latest')),
    'only the first is marked',
  );
  assert.deepEqual(
    await versions.locator('.label-name').allInnerTexts(),
    ['v3', 'v2', 'v1'],
    'each version is named by its ordinal, newest first',
  );
  const created = descriptions.map((text) => Date.parse(text.replace(/^latest · /, '').replace(/\s+/g, ' ')));
  assert.ok(
    created.every((time) => !Number.isNaN(time)),
    `each version's description is its creation date and time: ${descriptions.join(' | ')}`,
  );
  assert.deepEqual(
    created,
    [...created].sort((a, b) => b - a),
    'newest first',
  );
  await screenshot('remote-skill-versions');

  await hoverAfresh(skill);
  const tooltip = await hoverWidget(page, 'Latest version');
  const skillId = /ID: (skill_\w+)/.exec(tooltip)?.[1];
  assert.ok(skillId, `the tooltip shows the skill's id: ${tooltip}`);
  for (const field of ['ID: skill_', 'Source: custom', 'Latest version: ', 'Created: ', 'Updated: ']) {
    assert.ok(tooltip.includes(field), `the tooltip shows "${field}": ${tooltip}`);
  }
  await screenshot('remote-skill-tooltip');
  await page.keyboard.press('Escape');

  // The version's tooltip: its SKILL.md name and description (wrapping at spaces like prose), and its id.
  await hoverAfresh(versions.first());
  const versionTip = page.locator('.monaco-hover', { hasText: /Version:\sskver_/ }).filter({ visible: true });
  await versionTip.waitFor();
  const description = 'Writes release notes from merged pull requests. Use when preparing a release.';
  assert.ok((await versionTip.innerText()).includes(description), `the description, with ordinary spaces: ${await versionTip.innerText()}`);
  await screenshot('remote-version-tooltip');
  await page.keyboard.press('Escape');

  await expandTreeRow(versions.first());
  const folder = treeRow(sideBar, 'release-notes');
  await expandTreeRow(folder);
  const skillMd = treeRow(sideBar, 'SKILL.md');
  await skillMd.click();

  const tab = page.locator('.tabs-container .tab.active', { hasText: 'SKILL' });
  await tab.waitFor();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'name: release-notes' }).waitFor();
  await editor.locator('.view-line', { hasText: 'Example skill served' }).click();
  await page.keyboard.type('typed text');
  await page.locator('.monaco-editor-overlaymessage', { hasText: 'read-only' }).waitFor();
  assert.equal(await editor.locator('.view-lines', { hasText: 'typed text' }).count(), 0, 'typing changes nothing');
  await screenshot('remote-file-read-only');

  // Breadcrumbs read as the tree does: the skill's name, the version's date, then the files.
  const crumbs = (await page.locator('.breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts()).map((text) =>
    text.replace(/[\u00a0\u202f]/g, ' ').trim(),
  );
  const newest = (await versions.first().locator('.label-name').innerText()).replace(/[\u00a0\u202f]/g, ' ');
  // The file's crumbs end at SKILL.md; the outline may add a symbol crumb after it once Markdown symbols load.
  const fileEnd = crumbs.lastIndexOf('SKILL.md') + 1;
  assert.deepEqual(crumbs.slice(fileEnd - 4, fileEnd), [SKILL, newest, 'release-notes', 'SKILL.md'], `breadcrumbs: ${crumbs.join(' › ')}`);
  assert.ok(!crumbs.some((crumb) => /skill_|skver_/.test(crumb)), `no ids in the breadcrumbs: ${crumbs.join(' › ')}`);

  await hoverAfresh(tab);
  const where = await hoverWidget(page, 'SKILL.md');
  assert.ok(where.includes(`/${SKILL}/`), `the tab's tooltip names the skill as the tree does: ${where}`);
  await screenshot('remote-file-breadcrumbs');
}
