import * as vscode from 'vscode';
import { displayPath } from '../ui/displayPath';

/** A skill offered in the picker. */
export interface SkillPickItem extends vscode.QuickPickItem {
  readonly skillId: string;
  readonly skillType: 'anthropic' | 'custom';
  readonly title: string;
}

/** What to test when a linked folder changed since its published version: publish it first, or the published version. */
export type PublishFirstAnswer = 'publish' | 'published' | undefined;

/** What to do when a produced file's name is taken in the workspace. */
export type OverwriteAnswer = 'replace' | 'saveAs' | undefined;

/**
 * The questions the chat asks, behind one seam so integration tests can answer them (the defaults are a
 * quick pick, a modal warning and a save dialog).
 */
export interface ChatPrompts {
  /** Skills to add, from `items` (loaded while the picker shows); undefined when cancelled. */
  pickSkills(items: Promise<SkillPickItem[]>, title: string): Promise<readonly SkillPickItem[] | undefined>;
  /** `uri` exists: replace it, save under another name, or cancel. */
  confirmOverwrite(uri: vscode.Uri): Promise<OverwriteAnswer>;
  /** Where to save a file, starting at `suggested`. */
  chooseSaveTarget(suggested: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** `folder` (as the user reads it) changed since it was published to `skill`: publish it first, test the published version, or cancel. */
  askPublishFirst(folder: string, skill: string): Promise<PublishFirstAnswer>;
}

/** The prompts a person answers (frozen: nothing can switch a question off). */
export const interactiveChatPrompts: ChatPrompts = Object.freeze<ChatPrompts>({
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
});
