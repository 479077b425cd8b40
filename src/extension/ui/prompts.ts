import type * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../core/api/types';
import { chatQuestions } from './chatQuestions';
import { commonQuestions } from './commonQuestions';
import { exportQuestions } from './exportQuestions';
import type { PublishPreview } from './publishPreview';
import { publishQuestions } from './publishQuestions';

/** The user's answer to "publish to which skill?". */
export type LinkChoice = { readonly kind: 'existing'; readonly skill: Skill } | { readonly kind: 'new' };

/** What to do with files that look like secrets: leave them out, include them (allowed by name), or cancel (undefined). */
export type SecretsAnswer = 'leave-out' | 'include' | undefined;

/** A skill offered in the chat's skill picker. */
export interface SkillPickItem extends vscode.QuickPickItem {
  readonly skillId: string;
  readonly skillType: 'anthropic' | 'custom';
  readonly title: string;
}

/** What to test when a linked folder changed since its published version: publish it first, or the published version. */
export type PublishFirstAnswer = 'publish' | 'published' | undefined;

/** What to do when a produced file's name is taken in the workspace. */
export type OverwriteAnswer = 'replace' | 'saveAs' | undefined;

/** The questions any feature may ask: confirmations, the API key, folders, versions, free text. */
export interface CommonQuestions {
  /** A modal warning; resolves to true only when the user picks `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** The API key input box; `validate` returns a message for input that is plainly wrong. */
  askApiKey(validate: (input: string) => string | undefined): Promise<string | undefined>;
  /** Says `message` (why there is no key to use) as an error with a "Set API Key…" button; true when the user picks it. */
  offerSetKey(message: string): Promise<boolean>;
  /** A folder to download into. */
  pickFolder(title: string): Promise<vscode.Uri | undefined>;
  /** One of the workspace's skill `folders` (listed in the order given); `title` says what for. */
  pickSkillFolder(title: string, folders: readonly vscode.Uri[]): Promise<vscode.Uri | undefined>;
  /**
   * One of `versions` (listed in the order given, newest first), each labelled with its ordinal from `ordinals`
   * (over every version of the skill); the one whose ref is `latestRef` is marked latest.
   */
  pickVersion(
    title: string,
    versions: readonly SkillVersion[],
    latestRef: string | undefined,
    ordinals: ReadonlyMap<string, number>,
  ): Promise<SkillVersion | undefined>;
  /** Free text the user types (empty is an answer); undefined when dismissed. */
  askText(title: string, prompt: string): Promise<string | undefined>;
  /**
   * What to do with files that look like secrets (`paths`, relative to the folder) left out of an upload or a
   * zip (`into`): leave them out, or include them (the user allows each by name).
   */
  askAboutSecrets(paths: readonly string[], into: 'upload' | 'zip'): Promise<SecretsAnswer>;
}

/** The questions a publish asks. */
export interface PublishQuestions {
  /** The remote skill to publish `skillName` to: one whose versions carry its `name`, or a new one. */
  pickLink(skillName: string, matches: readonly Skill[]): Promise<LinkChoice | undefined>;
  /** The display name of a new skill; `validate` returns a message for a name the service would refuse. */
  askDisplayName(defaultName: string, validate: (input: string) => string | undefined): Promise<string | undefined>;
  /**
   * The preview of an upload or an export (`preview.purpose`); resolves true to go on. Accepting a finding's row
   * opens it at its line (a blocked preview closes then, one that can go on stays open); a blocked preview resolves false.
   */
  preview(preview: PublishPreview): Promise<boolean>;
  /** Says that nothing changed since the version published from the folder (before any other question); true to publish anyway. */
  publishUnchanged(message: string): Promise<boolean>;
  /** Says why an upload failed where another try may work (`message` names the folder and the skill); true to retry. */
  retryPublish(message: string): Promise<boolean>;
}

/** The questions Export Skill as .zip asks. */
export interface ExportQuestions {
  /** Where to save the zip: the save dialog, opened beside `folder` with `<folderName>.zip`. */
  pickZipDestination(folder: vscode.Uri, folderName: string): Promise<vscode.Uri | undefined>;
}

/** The questions the chat asks. */
export interface ChatQuestions {
  /** Skills to add, from `items` (loaded while the picker shows); undefined when cancelled. */
  pickSkills(items: Promise<SkillPickItem[]>, title: string): Promise<readonly SkillPickItem[] | undefined>;
  /** `uri` exists: replace it, save under another name, or cancel. */
  confirmOverwrite(uri: vscode.Uri): Promise<OverwriteAnswer>;
  /** Where to save a file, starting at `suggested`. */
  chooseSaveTarget(suggested: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** `folder` (as the user reads it) changed since it was published to `skill`: publish it first, test the published version, or cancel. */
  askPublishFirst(folder: string, skill: string): Promise<PublishFirstAnswer>;
}

/**
 * Every question Skillsmith asks the user (quick picks, input boxes, modal dialogs), behind one seam so
 * integration tests can answer them without a person. Features get it as `services.prompts`.
 */
export interface Prompts extends CommonQuestions, PublishQuestions, ExportQuestions, ChatQuestions {}

/** The prompts a person answers: native, keyboard-usable surfaces. Frozen: nothing can swap them. */
export const interactivePrompts: Prompts = Object.freeze<Prompts>({
  ...commonQuestions,
  ...publishQuestions,
  ...exportQuestions,
  ...chatQuestions,
});
