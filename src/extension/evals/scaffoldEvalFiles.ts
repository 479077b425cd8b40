import * as vscode from 'vscode';
import { OUTPUT_EVALS_FILE, TRIGGER_EVALS_FILE } from '../../core/evals/evalFiles';
import { skillIdentityOf } from '../../core/evals/loadEvals';
import { scaffoldOutputEvals, scaffoldTriggerEvals } from '../../core/evals/scaffoldEvals';
import { uriExists } from '../shared/uriExists';
import { messageOf } from '../../core/messageOf';

/** The skill folder a command was run on: a folder or its SKILL.md from the Explorer, else the active SKILL.md's folder. */
function skillFolderOf(arg: unknown): vscode.Uri | undefined {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  return uri.path.endsWith('/SKILL.md') ? vscode.Uri.joinPath(uri, '..') : uri;
}

/**
 * "Skillsmith: Create Eval Files": writes `evals/evals.json` and `evals/trigger-evals.json` from the skill's
 * frontmatter, leaving any that exist alone, and opens the trigger set. Resolves to the files written.
 */
export async function scaffoldEvalFiles(arg: unknown, log: vscode.LogOutputChannel): Promise<vscode.Uri[]> {
  const folder = skillFolderOf(arg);
  const skillMd = folder && vscode.Uri.joinPath(folder, 'SKILL.md');
  if (!folder || !skillMd || !(await uriExists(skillMd))) {
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
    [TRIGGER_EVALS_FILE, scaffoldTriggerEvals(identity.description)],
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
