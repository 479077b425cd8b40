import * as vscode from 'vscode';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../../../core/bundle/uploadChecks';
import { SKILL_MD } from '../../../core/skill/skillMdName';
import { PROFILES, type Profile } from '../../../core/skill/types';
import type { RemoteSkillItem } from '../../shared/remoteItems';
import type { Prompts } from '../../ui/prompts';
import { hashOfFolder } from './folderHash';
import type { LinkStore, SkillLink } from './linkStore';
import { LINT_SETTINGS } from './lintSettings';
import { isLintable, isSkillMd, SKILL_MD_ANY_CASE_GLOB } from './skillMdName';
import { messageOf } from '../../../core/messageOf';

/** The context key listing the workspace's skill folders (their file system paths), for `resourcePath in …` menus. */
export const SKILL_FOLDERS_CONTEXT = 'skillsmith.skillFolders';

/** The per-folder settings a linter reads (the profile and the upload limit for a resource). */
export type FolderSettings = Pick<SkillFolders, 'profileOf' | 'uploadLimitOf'>;

/** What the one search leaves out (besides `files.exclude`). */
const EXCLUDED = '**/{node_modules,.git}/**';

/** How many folders above a file outside the workspace are searched for the SKILL.md of its skill. */
const MAX_DEPTH_OUTSIDE_WORKSPACE = 6;

/** How long after activation the first search runs: activation itself does no I/O. */
const FIRST_SEARCH_DELAY_MS = 500;

/**
 * The one owner of the workspace's local skill folders (a folder is one when it holds a file named exactly
 * `SKILL.md`): one search (shortly after activation, and again when asked for the list), one watcher that keeps the
 * `skillsmith.skillFolders` context key and `onDidChange` current in between, `resolve` from every entry point of a command, the link of each folder
 * to a remote skill, the draft's content hash against the version published from it, and the per-folder settings
 * (profile, upload limit).
 */
export class SkillFolders implements vscode.Disposable {
  /** Every `SKILL.md` and look-alike of the workspace by URI string, as last searched and watched since. */
  private known: Map<string, vscode.Uri> | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[];

  /** Fires with a folder whose `SKILL.md` appeared or went away since the first search (`list()` gives that one). */
  readonly onDidChange = this.changed.event;

  constructor(
    /** Which remote skill each folder is linked to, and the version published from it. */
    readonly links: LinkStore,
    private readonly prompts: Prompts,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(SKILL_MD_ANY_CASE_GLOB, false, true, false);
    const timer = setTimeout(() => void this.search().catch(() => undefined), FIRST_SEARCH_DELAY_MS);
    this.disposables = [
      this.changed,
      watcher,
      watcher.onDidCreate((uri) => this.saw(uri, true)),
      watcher.onDidDelete((uri) => this.saw(uri, false)),
      { dispose: () => clearTimeout(timer) },
    ];
  }

  /** Every skill folder of the workspace now (searched again, so a folder made a moment ago is in), sorted by path. */
  async list(): Promise<vscode.Uri[]> {
    const folders = [...(await this.search()).values()].filter(isSkillMd).map(folderOf);
    return folders.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Every `SKILL.md` of the workspace now, and every mis-cased look-alike (`skill.md`), which the linter reports. */
  async skillMdFiles(): Promise<vscode.Uri[]> {
    return [...(await this.search()).values()];
  }

  /** Whether `folder` holds a `SKILL.md` now. */
  async isSkillFolder(folder: vscode.Uri): Promise<boolean> {
    return vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, SKILL_MD)).then(
      (stat) => (stat.type & vscode.FileType.File) !== 0,
      () => false,
    );
  }

  /**
   * The skill folder a command is about, from whatever it was run on: a folder (Explorer), a `SKILL.md` or any file
   * in a skill folder (Explorer, editor title, a Testing item's file), a test item (its file), a skill of the remote
   * tree (the user picks among the folders, those linked to it first), or nothing (the active editor's file, else
   * the user's pick). Undefined when there is none (after saying so) or the user cancels. `title` says what for.
   */
  async resolve(arg: unknown, title: string): Promise<vscode.Uri | undefined> {
    if (isRemoteSkill(arg)) return this.pick(title, arg.skill.id);
    const given = arg === undefined ? vscode.window.activeTextEditor?.document.uri : uriOf(arg);
    if (given?.scheme === 'file') {
      const stat = await vscode.workspace.fs.stat(given).then(
        (found) => found,
        () => undefined,
      );
      if (stat && (stat.type & vscode.FileType.Directory) !== 0) return given;
      if (stat && isSkillMd(given)) return folderOf(given);
      const holding = await this.holding(given);
      if (holding) return holding;
    }
    return this.pick(title);
  }

  /**
   * The skill folder that holds `file`: the nearest folder above it with a `SKILL.md`, looked for up to its workspace
   * folder (6 levels up for a file outside the workspace). Asks the disk, so a folder made a moment ago is found.
   */
  async holding(file: vscode.Uri): Promise<vscode.Uri | undefined> {
    const root = vscode.workspace.getWorkspaceFolder(file)?.uri;
    let folder = vscode.Uri.joinPath(file, '..');
    for (let depth = 0; root !== undefined || depth < MAX_DEPTH_OUTSIDE_WORKSPACE; depth++) {
      if (await this.isSkillFolder(folder)) return folder;
      const parent = vscode.Uri.joinPath(folder, '..');
      if (folder.toString() === root?.toString() || parent.toString() === folder.toString()) return undefined;
      folder = parent;
    }
    return undefined;
  }

  /** The link of `folder` to a remote skill, or undefined. */
  link(folder: vscode.Uri): SkillLink | undefined {
    return this.links.get(folder);
  }

  /** The content hash of what an upload of `folder` would carry now, with the secrets allowed when it was published. */
  draftHash(folder: vscode.Uri): Promise<string> {
    return hashOfFolder(folder.fsPath, this.link(folder)?.published?.allowedSecrets);
  }

  /** Whether `folder` differs from the version published from it; undefined when none was published from it. */
  async changedSincePublished(folder: vscode.Uri): Promise<boolean | undefined> {
    const published = this.link(folder)?.published;
    return published ? (await this.draftHash(folder)) !== published.hash : undefined;
  }

  /**
   * The lint profile in force for a skill folder or a file in one (`skillsmith.lint.profile`, read for that
   * resource, so each workspace folder may set its own); the default when unset or invalid.
   */
  profileOf(uri: vscode.Uri): Profile {
    const value = vscode.workspace.getConfiguration(LINT_SETTINGS, uri).get<string>('profile');
    return PROFILES.find((profile) => profile === value) ?? PROFILES[0];
  }

  /**
   * The upload limit for a skill folder or a file in one, in bytes (`skillsmith.lint.uploadLimitMB`, read for
   * that resource); the service's 30 MB when unset or not a positive number.
   */
  uploadLimitOf(uri: vscode.Uri): number {
    const megabytes = vscode.workspace.getConfiguration(LINT_SETTINGS, uri).get<number>('uploadLimitMB');
    return typeof megabytes === 'number' && Number.isFinite(megabytes) && megabytes > 0
      ? Math.round(megabytes * 1024 * 1024)
      : DEFAULT_UPLOAD_LIMIT_BYTES;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The user's pick among the skill folders (those linked to `linkedTo` first); the only one without asking, unless `linkedTo`. */
  private async pick(title: string, linkedTo?: string): Promise<vscode.Uri | undefined> {
    const folders = await this.list();
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No skill folder (a folder with a SKILL.md) was found in this workspace.'));
      return undefined;
    }
    if (linkedTo === undefined) return folders.length === 1 ? folders[0] : this.prompts.pickSkillFolder(title, folders);
    const linked = (folder: vscode.Uri): boolean => this.link(folder)?.skillId === linkedTo;
    return this.prompts.pickSkillFolder(title, [...folders.filter(linked), ...folders.filter((folder) => !linked(folder))]);
  }

  /** The one search: every `SKILL.md` and look-alike outside `node_modules` and `.git`; fires for what changed since the last. */
  private async search(): Promise<Map<string, vscode.Uri>> {
    let files: vscode.Uri[];
    try {
      files = await vscode.workspace.findFiles(SKILL_MD_ANY_CASE_GLOB, EXCLUDED);
    } catch (error) {
      this.log.warn(`Could not search the workspace for skill folders: ${messageOf(error)}`);
      throw error;
    }
    const found = new Map(files.filter(isLintable).map((file) => [file.toString(), file] as const));
    const before = this.known;
    this.known = found;
    if (before) {
      const gone = [...before.values()].filter((file) => !found.has(file.toString()));
      const come = [...found.values()].filter((file) => !before.has(file.toString()));
      for (const file of [...gone, ...come]) if (isSkillMd(file)) this.changed.fire(folderOf(file));
    }
    await this.publishContext(found);
    return found;
  }

  /** Records a `SKILL.md` (or look-alike) the watcher saw appear or go away (the first search finds those before it). */
  private saw(file: vscode.Uri, exists: boolean): void {
    if (!this.known || !isLintable(file) || this.known.has(file.toString()) === exists) return;
    if (exists) this.known.set(file.toString(), file);
    else this.known.delete(file.toString());
    void this.publishContext(this.known);
    if (isSkillMd(file)) this.changed.fire(folderOf(file));
  }

  private publishContext(found: ReadonlyMap<string, vscode.Uri>): Thenable<unknown> {
    const paths = [...found.values()].filter(isSkillMd).map((file) => folderOf(file).fsPath);
    return vscode.commands.executeCommand('setContext', SKILL_FOLDERS_CONTEXT, paths);
  }
}

/** The folder of a `SKILL.md`. */
function folderOf(skillMd: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(skillMd, '..');
}

/** The URI a command argument stands for: itself, or a test item's (Testing view). */
function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const uri = typeof arg === 'object' && arg !== null && 'uri' in arg ? arg.uri : undefined;
  return uri instanceof vscode.Uri ? uri : undefined;
}

/** Whether a command was run on a skill of the remote skills tree (only its skill's id is read). */
function isRemoteSkill(arg: unknown): arg is Pick<RemoteSkillItem, 'skill'> {
  if (typeof arg !== 'object' || arg === null || !('skill' in arg) || 'version' in arg) return false;
  const skill = arg.skill;
  return typeof skill === 'object' && skill !== null && 'id' in skill && typeof skill.id === 'string';
}
