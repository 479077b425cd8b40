import * as vscode from 'vscode';
import type { Skill } from '../../core/api/types';
import { skillLabel } from './labels';
import { openFinding } from './previewFindings';
import type { LinkChoice, PublishQuestions } from './prompts';
import { isBlocked, previewItems, type PreviewItem, type PublishPreview } from './publishPreview';

/** The questions a publish asks, as a person answers them: quick picks, an input box, modal warnings. */
export const publishQuestions: PublishQuestions = {
  async pickLink(skillName: string, matches: readonly Skill[]) {
    type Item = vscode.QuickPickItem & { readonly choice?: LinkChoice };
    const items: Item[] = [
      ...(matches.length > 0 ? [{ label: vscode.l10n.t('Skills named {0}', skillName), kind: vscode.QuickPickItemKind.Separator }] : []),
      ...matches.map((skill): Item => ({
        label: `$(symbol-module) ${skillLabel(skill)}`,
        description: skill.id,
        detail: vscode.l10n.t('Add a new version to this skill'),
        choice: { kind: 'existing', skill },
      })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      {
        label: `$(add) ${vscode.l10n.t('New skill…')}`,
        detail: vscode.l10n.t('Create a custom skill from this folder'),
        choice: { kind: 'new' },
      },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Publish {0} to…', skillName),
      placeHolder:
        matches.length > 0
          ? vscode.l10n.t('Pick the skill to add a version to, or create a new one')
          : vscode.l10n.t('No custom skill is named {0} yet: create one', skillName),
    });
    return picked?.choice;
  },
  async askDisplayName(defaultName: string, validate: (input: string) => string | undefined) {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('New Skill'),
      prompt: vscode.l10n.t('The display name of the new skill in the Claude API'),
      value: defaultName,
      validateInput: validate,
    });
  },
  async publishUnchanged(message: string) {
    const publish = vscode.l10n.t('Publish Anyway');
    const detail = vscode.l10n.t('Publishing would add a version with the same files.');
    return (await vscode.window.showInformationMessage(message, { modal: true, detail }, publish)) === publish;
  },
  async retryPublish(message: string) {
    const retry = vscode.l10n.t('Retry');
    return (await vscode.window.showErrorMessage(message, retry)) === retry;
  },
  preview(preview: PublishPreview) {
    return new Promise<boolean>((resolve) => {
      const pick = vscode.window.createQuickPick<PreviewItem>();
      const blocked = isBlocked(preview);
      pick.title = preview.title;
      pick.placeholder = preview.placeholder;
      pick.items = previewItems(preview);
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      pick.ignoreFocusOut = true;
      let answer = false;
      pick.onDidAccept(() => {
        const [item] = pick.selectedItems;
        if (item?.finding) {
          if (blocked) pick.hide();
          void openFinding(item.finding, !blocked);
          return;
        }
        if (item?.action === undefined) return;
        answer = item.action === 'proceed' && !blocked;
        pick.hide();
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve(answer);
      });
      pick.show();
    });
  },
};
