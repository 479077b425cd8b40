import * as vscode from 'vscode';
import type { ExportQuestions } from './prompts';

/** The questions Export Skill as .zip asks, as a person answers them: a modal warning and the save dialog. */
export const exportQuestions: ExportQuestions = {
  async confirmExportWarnings(folderName, warnings) {
    const exportAnyway = vscode.l10n.t('Export Anyway');
    const detail = warnings.map((d) => `${d.file ?? 'SKILL.md'}:${d.range.start.line + 1}: ${d.message} (${d.rule})`).join('\n');
    const message =
      warnings.length === 1
        ? vscode.l10n.t('{0} has 1 security warning. Export anyway?', folderName)
        : vscode.l10n.t('{0} has {1} security warnings. Export anyway?', folderName, warnings.length);
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, exportAnyway)) === exportAnyway;
  },
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
