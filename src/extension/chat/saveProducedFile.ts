import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ChatSession } from '../../core/chat/session';
import type { ChatViewModel, ProducedFile } from '../../core/chat/viewModel';
import { uriExists } from '../shared/uriExists';
import { displayPath } from '../ui/displayPath';
import { showError } from '../ui/showError';
import { showStatus } from '../ui/showStatus';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import type { Prompts } from '../ui/prompts';

/**
 * "Save to Workspace…": downloads a produced file through the Files API (in memory) and writes it into the
 * first workspace folder under the name the service gave it, which the core has made one plain, visible file name
 * (no folder part, no leading dot: `safeFileName`), so it lands in that folder and nowhere else. A target
 * that exists is replaced only when the user says so; without a workspace, a save dialog asks. Says where it
 * saved in the status bar (a notification would cover the chat's Send button). Resolves with where it was saved,
 * or undefined when cancelled or failed (the failure is shown).
 */
export async function saveProducedFile(
  session: ChatSession,
  produced: ProducedFile,
  prompts: Prompts,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const shownName = produced.filename ?? vscode.l10n.t('the produced file');
  try {
    const file = await withCancellableProgress(vscode.l10n.t('Downloading {0}', shownName), (_progress, signal) =>
      session.downloadFile(produced.fileId, { signal }),
    );
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    let target: vscode.Uri | undefined;
    if (!folder) {
      target = await prompts.chooseSaveTarget(vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), file.filename));
    } else {
      target = vscode.Uri.joinPath(folder, file.filename);
      if (await uriExists(target)) {
        const answer = await prompts.confirmOverwrite(target);
        if (!answer) return undefined;
        if (answer === 'saveAs') target = await prompts.chooseSaveTarget(target);
      }
    }
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, file.bytes);
    log.info(`Saved produced file ${produced.fileId} (${file.bytes.byteLength} bytes) to ${target.toString(true)}`);
    showStatus(vscode.l10n.t('Saved {0}.', displayPath(target)));
    return target;
  } catch (error) {
    void showError(log, vscode.l10n.t('Could not save {0}', shownName), error);
    return undefined;
  }
}

/** The produced file with this id as the conversation knows it (with its name), or just its id. */
export function producedFile(conversation: ChatViewModel, fileId: string): ProducedFile {
  for (const turn of conversation.turns) {
    const file = turn.role === 'assistant' ? turn.files.find((candidate) => candidate.fileId === fileId) : undefined;
    if (file) return file;
  }
  return { fileId };
}
