import * as vscode from 'vscode';
import type { ExportQuestions } from './prompts';

/** The questions Export Skill as .zip asks of its own, as a person answers them: the save dialog. */
export const exportQuestions: ExportQuestions = {
  pickZipDestination(folder, folderName) {
    return Promise.resolve(
      vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, '..', `${folderName}.zip`),
        filters: { [vscode.l10n.t('Zip archive')]: ['zip'] },
        saveLabel: vscode.l10n.t('Export'),
        title: vscode.l10n.t('Export {0} as .zip', folderName),
      }),
    );
  },
};
