import * as vscode from 'vscode';
import type { SkillsClient, SkillVersion } from '../../core/api/types';
import { versionOrdinals } from '../../core/api/versionLabel';

/** Every version of a skill, newest first, and each one's ordinal (v1 the oldest): what version labels are made of. */
export interface SkillVersions {
  readonly versions: readonly SkillVersion[];
  readonly ordinals: ReadonlyMap<string, number>;
}

/** The most a page asks for: one request covers nearly every skill. */
const PAGE_SIZE = 100;

/** Lists every version of the skill (the ordinals need them all), with the window's progress while they load. */
export async function listSkillVersions(client: SkillsClient, skillId: string): Promise<SkillVersions> {
  const versions = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing versions') },
    async () => {
      const all: SkillVersion[] = [];
      for await (const version of client.iterateVersions(skillId, { limit: PAGE_SIZE })) all.push(version);
      return all;
    },
  );
  const ordinals = versionOrdinals(versions);
  return { versions: [...versions].sort((a, b) => (ordinals.get(b.id) ?? 0) - (ordinals.get(a.id) ?? 0)), ordinals };
}
