import * as vscode from 'vscode';
import type { SkillsClient, SkillVersion } from '../../core/api/types';

/** How many versions the version pick lists (one page; the service lists newest first). */
const VERSIONS_LISTED = 100;

/** The skill's newest versions (up to a hundred), newest first, with the window's progress while they load. */
export async function newestVersions(client: SkillsClient, skillId: string): Promise<SkillVersion[]> {
  const page = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing versions') },
    () => client.listVersions(skillId, { limit: VERSIONS_LISTED }),
  );
  return [...page.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
