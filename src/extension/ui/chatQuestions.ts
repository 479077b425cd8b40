import * as vscode from 'vscode';
import { displayPath } from './displayPath';
import type { ChatQuestions } from './prompts';

/** The questions the chat asks, as a person answers them: a quick pick, modal warnings and a save dialog. */
export const chatQuestions: ChatQuestions = {
  async pickSkills(items, title) {
    const picked = await vscode.window.showQuickPick(items, {
      title,
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    return picked && picked.length > 0 ? picked : undefined;
  },
  async confirmOverwrite(uri) {
    const replace = vscode.l10n.t('Replace');
    const saveAs = vscode.l10n.t('Save As…');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists in the workspace.', displayPath(uri)),
      { modal: true, detail: vscode.l10n.t('Replace it with the file Claude produced, or save it under another name?') },
      replace,
      saveAs,
    );
    if (answer === replace) return 'replace';
    return answer === saveAs ? 'saveAs' : undefined;
  },
  chooseSaveTarget(suggested) {
    return Promise.resolve(vscode.window.showSaveDialog({ defaultUri: suggested, title: vscode.l10n.t('Save the File Claude Produced') }));
  },
  async askPublishFirst(folder, skill) {
    const publish = vscode.l10n.t('Publish and Test');
    const published = vscode.l10n.t('Test the Published Version');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} changed since it was last published to "{1}".', folder, skill),
      {
        modal: true,
        detail: vscode.l10n.t('Publish it as a new version and test that, or test the version published from here without your changes?'),
      },
      publish,
      published,
    );
    if (answer === publish) return 'publish';
    return answer === published ? 'published' : undefined;
  },
};
