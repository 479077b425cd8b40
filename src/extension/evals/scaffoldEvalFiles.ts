import * as vscode from 'vscode';
import { OUTPUT_EVALS_FILE, TRIGGER_EVALS_FILE } from '../../core/evals/evalFiles';
import { skillIdentityOf } from '../../core/evals/loadEvals';
import { scaffoldOutputEvals, scaffoldTriggerEvals } from '../../core/evals/scaffoldEvals';
import type { Services } from '../services/services';
import { uriExists } from '../shared/uriExists';
import { messageOf } from '../../core/messageOf';

/**
 * "Skillsmith: Create Eval Files": writes `evals/evals.json` and `evals/trigger-evals.json` from the skill's
 * frontmatter, leaving any that exist alone, and opens the trigger set. Resolves to the files written.
 */
export async function scaffoldEvalFiles({ folders, log }: Services, arg: unknown): Promise<vscode.Uri[]> {
  const folder = await folders.resolve(arg, vscode.l10n.t('Create eval files for which skill?'));
  if (!folder) return [];
  const skillMd = vscode.Uri.joinPath(folder, 'SKILL.md');
  if (!(await folders.isSkillFolder(folder))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a SKILL.md, or run this on a skill folder, to create its eval files.'));
    return [];
  }
  let identity: { name: string; description: string };
  try {
    identity = skillIdentityOf(new TextDecoder().decode(await vscode.workspace.fs.readFile(skillMd)), skillMd.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot create eval files: {0}', messageOf(error)));
    return [];
  }
  const files: [string, string][] = [
    [TRIGGER_EVALS_FILE, scaffoldTriggerEvals(identity.name, identity.description)],
    [OUTPUT_EVALS_FILE, scaffoldOutputEvals(identity.name, identity.description)],
  ];
  const written: vscode.Uri[] = [];
  for (const [relative, text] of files) {
    const target = vscode.Uri.joinPath(folder, relative);
    if (await uriExists(target)) continue;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    written.push(target);
  }
  log.info(`Eval files for ${identity.name}: ${written.length} written`);
  if (written.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has both eval files.', identity.name));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, TRIGGER_EVALS_FILE));
  return written;
}
