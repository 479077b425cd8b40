import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import type { Skill } from '../../core/api/types';
import { skillLabel } from '../ui/labels';
import { openFinding } from './previewFindings';
import { isBlocked, previewItems, type PreviewItem, type PublishPreview } from './previewItems';

/** The user's answer to "publish to which skill?". */
export type LinkChoice = { readonly kind: 'existing'; readonly skill: Skill } | { readonly kind: 'new' };

/**
 * The questions publish asks, behind one seam so integration tests can answer them without a person
 * (the defaults are quick picks and input boxes: native, keyboard-usable surfaces).
 */
export interface PublishPrompts {
  /** The remote skill to publish `folderName` to: one whose versions carry its `name`, or a new one. */
  pickLink(skillName: string, matches: readonly Skill[]): Promise<LinkChoice | undefined>;
  /** The display name of a new skill; `validate` returns a message for a name the service would refuse. */
  askDisplayName(defaultName: string, validate: (input: string) => string | undefined): Promise<string | undefined>;
  /**
   * What to do with files that look like secrets (`paths`, relative to the folder): publish without them,
   * upload them too (the user allows each by name), or cancel (undefined).
   */
  askAboutSecrets(paths: readonly string[]): Promise<'leave-out' | 'upload' | undefined>;
  /**
   * The preview of an upload; resolves true to send it. Accepting a finding's row opens it at its line (a blocked
   * preview closes then, one that can publish stays open); a blocked preview resolves false.
   */
  preview(preview: PublishPreview): Promise<boolean>;
  /** Says that nothing changed since the version published from the folder (before any other question); true to publish anyway. */
  publishUnchanged(message: string): Promise<boolean>;
  /** Says why an upload failed where another try may work (`message` names the folder and the skill); true to retry. */
  retryPublish(message: string): Promise<boolean>;
}

/** The prompts a person answers. Frozen: nothing can swap them. */
export const interactivePublishPrompts: PublishPrompts = Object.freeze({
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
  async askAboutSecrets(paths: readonly string[]) {
    const leaveOut = vscode.l10n.t('Publish Without Them');
    const upload = vscode.l10n.t('Upload Them Too');
    const answer = await vscode.window.showWarningMessage(
      paths.length === 1
        ? vscode.l10n.t('1 file looks like a secret and is left out of the upload.')
        : vscode.l10n.t('{0} files look like secrets and are left out of the upload.', formatCount(paths.length)),
      {
        modal: true,
        detail: [
          ...paths,
          '',
          vscode.l10n.t('Upload them only if they hold no credentials. List them in .skillignore to stop this question.'),
        ].join('\n'),
      },
      leaveOut,
      upload,
    );
    return answer === leaveOut ? 'leave-out' : answer === upload ? 'upload' : undefined;
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
        answer = item.action === 'publish' && !blocked;
        pick.hide();
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve(answer);
      });
      pick.show();
    });
  },
});
