import * as vscode from 'vscode';
import { renderSkillTemplate, type SkillExtra } from '../../core/scaffold/skillTemplate';
import { validateNewSkill } from '../../core/scaffold/validateNewSkill';
import type { Profile } from '../../core/skill/types';
import type { Services } from '../services/services';
import { uriExists } from '../shared/uriExists';
import { pickParentFolder } from './pickParentFolder';
import { messageOf } from '../../core/messageOf';

/** Arguments for running "New Skill" without prompts (automation, tests); anything missing is asked for. */
export interface NewSkillArgs {
  readonly parent?: vscode.Uri;
  readonly name?: string;
  readonly description?: string;
  readonly extras?: readonly SkillExtra[];
}

async function askName(parent: vscode.Uri, profile: Profile): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Skill (1/3): name'),
    prompt: vscode.l10n.t('Lowercase letters, digits and single hyphens; it is also the folder name.'),
    placeHolder: 'pdf-form-filler',
    ignoreFocusOut: true,
    validateInput: async (value) =>
      validateNewSkill(value, undefined, profile) ??
      ((await uriExists(vscode.Uri.joinPath(parent, value))) ? vscode.l10n.t('A folder named {0} already exists here.', value) : undefined),
  });
}

async function askDescription(name: string, profile: Profile): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Skill (2/3): description'),
    prompt: vscode.l10n.t('What the skill does and when Claude should use it. Leave empty to fill it in later.'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? validateNewSkill(name, value, profile) : undefined),
  });
}

async function askExtras(): Promise<SkillExtra[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'scripts/', description: vscode.l10n.t('code the skill runs'), extra: 'scripts' as const },
      { label: 'references/', description: vscode.l10n.t('documents read only when needed'), extra: 'references' as const },
    ],
    { title: vscode.l10n.t('New Skill (3/3): optional folders'), canPickMany: true, ignoreFocusOut: true },
  );
  return picked?.map((item) => item.extra);
}

/** Arguments are only trusted as far as their types: a command can be run with anything. */
function parseArgs(arg: unknown): NewSkillArgs {
  if (arg instanceof vscode.Uri) return { parent: arg };
  if (typeof arg !== 'object' || arg === null) return {};
  const raw = arg as Record<string, unknown>;
  return {
    parent: raw.parent instanceof vscode.Uri ? raw.parent : undefined,
    name: typeof raw.name === 'string' ? raw.name : undefined,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    extras: Array.isArray(raw.extras) ? raw.extras.filter((e): e is SkillExtra => e === 'scripts' || e === 'references') : undefined,
  };
}

/**
 * "Skillsmith: New Skill…": asks for a name (validated as it is typed), a description and optional folders, creates the
 * folder with a SKILL.md that lints clean, and opens it. Never overwrites. Resolves to the new folder, or undefined.
 */
export async function createNewSkill(arg: unknown, { folders, log }: Services): Promise<vscode.Uri | undefined> {
  const args = parseArgs(arg);
  const parent = args.parent ?? (await pickParentFolder(folders));
  if (!parent) return undefined;
  const profile = folders.profileOf(parent);

  const name = args.name ?? (await askName(parent, profile));
  if (name === undefined) return undefined;
  const invalid = validateNewSkill(name, args.description, profile);
  if (invalid) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot create the skill: {0}', invalid));
    return undefined;
  }
  const description = args.description ?? (args.name === undefined ? await askDescription(name, profile) : undefined);
  if (description === undefined && args.name === undefined) return undefined;
  const extras = args.extras ?? (args.name === undefined ? await askExtras() : []);
  if (extras === undefined) return undefined;

  const folder = vscode.Uri.joinPath(parent, name);
  if (await uriExists(folder)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('A folder named {0} already exists in {1}; nothing was created.', name, parent.fsPath),
    );
    return undefined;
  }
  const files = renderSkillTemplate({ name, description, extras });
  try {
    for (const file of files) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file.path), new TextEncoder().encode(file.content));
    }
  } catch (error) {
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const reason = messageOf(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}. Nothing was left behind.', folder.fsPath, reason));
    return undefined;
  }
  log.info(`Created skill ${name} at ${folder.fsPath} (${files.length} files)`);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'SKILL.md'));
  return folder;
}
