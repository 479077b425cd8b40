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
import { HeardEvents, isAtOrUnder, outermost, type HeardKind } from './heardEvents';
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
 * `SKILL.md`): one search (shortly after activation, and again when asked for the list), and in between the file
 * events (the OS watcher's and VS Code's own file operations'), each checked against the disk, keep the
 * `skillsmith.skillFolders` context key and `onDidChange` current; `resolve` from every entry point of a command, the
 * link of each folder to a remote skill, the draft's content hash against the version published from it, and the
 * per-folder settings (profile, upload limit).
 */
export class SkillFolders implements vscode.Disposable {
  /** Every `SKILL.md` and look-alike of the workspace by URI string, as last searched and watched since. */
  private known: Map<string, vscode.Uri> | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[];
  /** The file events not yet checked against the disk. */
  private readonly pending = new HeardEvents();
  /** Whether a check of `pending` is queued and not started. */
  private checkQueued = false;
  /** The searches and checks, one at a time in order, so an older look at the disk never overwrites a newer one. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Fires with a folder whose `SKILL.md` appeared or went away since the first search (`list()` gives that one). */
  readonly onDidChange = this.changed.event;

  constructor(
    /** Which remote skill each folder is linked to, and the version published from it. */
    readonly links: LinkStore,
    private readonly prompts: Prompts,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Every path, not only SKILL.md: a folder's create or delete may be the only event its SKILL.md gets.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const timer = setTimeout(() => void this.search().catch(() => undefined), FIRST_SEARCH_DELAY_MS);
    const heard = (kind: HeardKind) => (uri: vscode.Uri) => this.heard(uri, kind);
    this.disposables = [
      this.changed,
      watcher,
      watcher.onDidCreate(heard('created')),
      watcher.onDidChange(heard('changed')),
      watcher.onDidDelete(heard('deleted')),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach(heard('created'))),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(heard('deleted'))),
      vscode.workspace.onDidRenameFiles((event) =>
        event.files.forEach(({ oldUri, newUri }) => {
          this.heard(oldUri, 'deleted');
          this.heard(newUri, 'created');
        }),
      ),
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

  /** Resolves once every file event heard so far is checked against the disk (and `onDidChange` fired for what changed). */
  async settled(): Promise<void> {
    await this.queue;
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

  /** Runs `job` after every search and check before it. */
  private serially<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The one search: every `SKILL.md` and look-alike outside `node_modules` and `.git`; fires for what changed since the last. */
  private search(): Promise<Map<string, vscode.Uri>> {
    return this.serially(async () => {
      const found = await this.find(SKILL_MD_ANY_CASE_GLOB, 'the workspace');
      await this.replaceKnown(found);
      return found;
    });
  }

  /** Every `SKILL.md` and look-alike that `pattern` matches outside `node_modules` and `.git`; `where` names it in the log. */
  private async find(pattern: vscode.GlobPattern, where: string): Promise<Map<string, vscode.Uri>> {
    try {
      const files = await vscode.workspace.findFiles(pattern, EXCLUDED);
      return new Map(files.filter(isLintable).map((file) => [file.toString(), file] as const));
    } catch (error) {
      this.log.warn(`Could not search ${where} for skill folders: ${messageOf(error)}`);
      throw error;
    }
  }

  /** Notes a file event and queues one check of everything heard (the first search finds what came before it). */
  private heard(uri: vscode.Uri, kind: HeardKind): void {
    if (!this.pending.note(uri, kind) || this.checkQueued) return;
    this.checkQueued = true;
    void this.serially(() => this.check());
  }

  /**
   * Checks what the events heard name against the disk: a `SKILL.md` is stat-ed, and so is that of a changed folder; a
   * created folder is searched; a path that is gone (or is a file now) and held known `SKILL.md` files has its parent
   * searched. Fires for what changed.
   */
  private async check(): Promise<void> {
    this.checkQueued = false;
    const { files, paths, changed } = this.pending.take();
    const known = this.known;
    if (!known) return;
    const types = await Promise.all(paths.map(typeOf));
    const roots = paths.flatMap((path, index) => {
      if (types[index] === vscode.FileType.Directory) return [path];
      return [...known.keys()].some((file) => isAtOrUnder(file, path)) ? [parentToSearch(path)] : [];
    });
    const searched = outermost(roots);
    const next = new Map(known);
    for (const root of searched) {
      const found = await this.find(new vscode.RelativePattern(root, SKILL_MD_ANY_CASE_GLOB), displayName(root));
      for (const file of [...next.keys()]) if (isAtOrUnder(file, root)) next.delete(file);
      for (const [key, file] of found) next.set(key, file);
    }
    const changedTypes = await Promise.all(changed.map(typeOf));
    const inChanged = changed
      .filter((_, index) => changedTypes[index] === vscode.FileType.Directory)
      .map((folder) => vscode.Uri.joinPath(folder, SKILL_MD));
    const outside = [...files, ...inChanged].filter((file) => !searched.some((root) => isAtOrUnder(file.toString(), root)));
    const fileTypes = await Promise.all(outside.map(typeOf));
    outside.forEach((file, index) => {
      if (fileTypes[index] === vscode.FileType.File) next.set(file.toString(), file);
      else next.delete(file.toString());
    });
    await this.replaceKnown(next);
  }

  /** Makes `found` the known files; fires for each folder whose `SKILL.md` came or went, and publishes the context key. */
  private async replaceKnown(found: Map<string, vscode.Uri>): Promise<void> {
    const before = this.known;
    this.known = found;
    if (before) {
      const gone = [...before.values()].filter((file) => !found.has(file.toString()));
      const come = [...found.values()].filter((file) => !before.has(file.toString()));
      if (gone.length === 0 && come.length === 0) return;
      for (const file of [...gone, ...come]) if (isSkillMd(file)) this.changed.fire(folderOf(file));
    }
    await this.publishContext(found);
  }

  private publishContext(found: ReadonlyMap<string, vscode.Uri>): Thenable<unknown> {
    const paths = [...found.values()].filter(isSkillMd).map((file) => folderOf(file).fsPath);
    return vscode.commands.executeCommand('setContext', SKILL_FOLDERS_CONTEXT, paths);
  }
}

/** What is at `uri` now (a file or a folder, links followed), or undefined when nothing is. */
async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  return vscode.workspace.fs.stat(uri).then(
    (stat) => stat.type & ~vscode.FileType.SymbolicLink,
    () => undefined,
  );
}

/** Where to look again after `path` went away: its parent, unless that is outside the workspace (a root went). */
function parentToSearch(path: vscode.Uri): vscode.Uri {
  const parent = vscode.Uri.joinPath(path, '..');
  return vscode.workspace.getWorkspaceFolder(parent) ? parent : path;
}

/** `folder` as the log names it: relative to the workspace. */
function displayName(folder: vscode.Uri): string {
  return vscode.workspace.asRelativePath(folder, false);
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
