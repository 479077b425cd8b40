import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ChatSession } from '../../core/chat/session';
import { uriExists } from '../shared/uriExists';
import { displayPath } from '../ui/displayPath';
import { showError } from '../ui/showError';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import type { ChatPrompts } from './chatPrompts';

/**
 * "Save to Workspace…": downloads a produced file through the Files API (in memory) and writes it into the
 * first workspace folder under the name the service gave it (made safe by the core). A name that is taken
 * is replaced only when the user says so; otherwise, or without a workspace, a save dialog picks the place.
 * Resolves with where it was saved, or undefined when cancelled or failed (the failure is shown).
 */
export async function saveProducedFile(session: ChatSession, fileId: string, prompts: ChatPrompts, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  try {
    const file = await withCancellableProgress(vscode.l10n.t('Downloading {0}', fileId), (_progress, signal) => session.downloadFile(fileId, { signal }));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    let target: vscode.Uri | undefined = folder ? vscode.Uri.joinPath(folder, file.filename) : undefined;
    if (target && (await uriExists(target))) {
      const answer = await prompts.confirmOverwrite(target);
      if (!answer) return undefined;
      if (answer === 'saveAs') target = await prompts.chooseSaveTarget(target);
    } else if (!target) {
      target = await prompts.chooseSaveTarget(vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), file.filename));
    }
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, file.bytes);
    log.info(`Saved produced file ${fileId} (${file.bytes.byteLength} bytes) to ${target.toString(true)}`);
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', displayPath(target)), open).then((choice) => {
      if (choice === open && target) void vscode.commands.executeCommand('vscode.open', target);
    });
    return target;
  } catch (error) {
    void showError(log, vscode.l10n.t('Could not save the file {0}', fileId), error);
    return undefined;
  }
}
