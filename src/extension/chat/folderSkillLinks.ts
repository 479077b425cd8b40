import * as vscode from 'vscode';
import type { SkillFolders } from '../services/skillFolders/skillFolders';
import type { PublishOutcome } from '../shared/publishOutcome';
import { displayPath } from '../ui/displayPath';
import type { Prompts } from '../ui/prompts';
import type { LinkedSkill, SkillLinks } from './skillLinks';

/**
 * The chat's view of the links: a linked folder is tested as its remote skill at the version published from
 * it; when the folder changed since, the user publishes it first (through the publish command and its
 * preview, as the evals do) or tests the version published from here.
 */
export function folderSkillLinks(folders: SkillFolders, prompts: Prompts, log: vscode.LogOutputChannel): SkillLinks {
  return {
    async linkedSkill(target) {
      const folder = await folders.resolve(target, vscode.l10n.t('Test which skill in chat?'));
      if (!folder) return { kind: 'cancelled' };
      const link = folders.link(folder);
      if (!link) return { kind: 'unlinked', folder };
      const linked = (version: string): LinkedSkill => ({
        kind: 'linked',
        skill: { type: 'custom', skillId: link.skillId, title: link.title, version },
      });
      const published = link.published;
      if (!published) return linked('latest');
      if ((await folders.changedSincePublished(folder)) !== true) return linked(published.ref);
      const answer = await prompts.askPublishFirst(displayPath(folder), link.title);
      if (answer === 'published') return linked(published.ref);
      if (answer !== 'publish') return { kind: 'cancelled' };
      const outcome = await vscode.commands.executeCommand<PublishOutcome | undefined>('skillsmith.publish.folder', folder);
      if (outcome?.kind === 'published') return linked(outcome.version.ref);
      log.info(`Chat: ${folder.fsPath} not tested: the publish ended ${outcome ? outcome.kind : 'without an outcome'}`);
      return { kind: 'cancelled' };
    },
  };
}
