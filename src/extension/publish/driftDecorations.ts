import * as vscode from 'vscode';
import { displayPath } from '../ui/displayPath';
import { rememberedVersionLabel } from '../ui/labels';
import type { LinkStore, SkillLink } from '../services/skillFolders/linkStore';
import { messageOf } from '../../core/messageOf';

/** How a linked folder stands against the version published from it. */
export interface Drift {
  /** The folder's files differ from what was published from here. */
  readonly edited: boolean;
  /** The skill's latest version is not the one published from here. */
  readonly remoteNewer: boolean;
}

/** Where the decorations get their facts: the folder's content hash now, and a skill's latest version. */
export interface DriftSources {
  hashOfFolder(folder: vscode.Uri): Promise<string>;
  /** The skill's latest version (id or label), or undefined when it cannot be known now (signed out, offline). */
  latestVersionOf(skillId: string): Promise<string | null | undefined>;
  readonly log: vscode.LogOutputChannel;
}

/**
 * Badges on linked skill folders in the Explorer: "edited since the version published from here" (↑),
 * "the remote has a newer version than that" (↓), or both (⇅). Nothing is read during activation: a folder
 * is checked the first time VS Code asks about it, then again on save, on file operations in it, after a
 * publish and after the tree reloads.
 */
export class DriftDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly drift = new Map<string, Drift>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();

  /** Fires with the folders whose badge may have changed. */
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(
    private readonly links: LinkStore,
    private readonly sources: DriftSources,
  ) {}

  /** The drift last worked out for `folder`, or undefined when it is not linked or not checked yet. */
  driftOf(folder: vscode.Uri): Drift | undefined {
    return this.drift.get(keyOf(folder));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const link = this.links.get(uri);
    if (!link?.published) return undefined;
    const drift = this.drift.get(keyOf(uri));
    if (!drift) {
      void this.check(uri);
      return undefined;
    }
    return decorationOf(drift, link, uri);
  }

  /** Checks the linked folder that holds `uri` (a saved or created file), if any. */
  checkContaining(uri: vscode.Uri): Promise<void> {
    const folder = this.links
      .all()
      .map(([linked]) => linked)
      .find((linked) => isInside(uri, linked));
    return folder ? this.check(folder) : Promise.resolve();
  }

  /** Checks every linked folder (after the tree reloaded or the connection changed). */
  async checkAll(): Promise<void> {
    await Promise.all(this.links.all().map(([folder]) => this.check(folder)));
  }

  /** Works out the drift of one folder and fires when its badge changed. Checks of one folder never overlap. */
  check(folder: vscode.Uri): Promise<void> {
    const key = keyOf(folder);
    const running = this.pending.get(key);
    const next = (running ?? Promise.resolve()).then(() => this.recompute(folder, key));
    this.pending.set(key, next);
    void next.finally(() => {
      if (this.pending.get(key) === next) this.pending.delete(key);
    });
    return next;
  }

  private async recompute(folder: vscode.Uri, key: string): Promise<void> {
    const link = this.links.get(folder);
    const before = this.drift.get(key);
    if (!link?.published) {
      this.drift.delete(key);
    } else {
      const [edited, remoteNewer] = await Promise.all([this.isEdited(folder, link), this.isRemoteNewer(link)]);
      this.drift.set(key, { edited, remoteNewer });
    }
    const after = this.drift.get(key);
    if (before?.edited !== after?.edited || before?.remoteNewer !== after?.remoteNewer || !before) this.changed.fire([folder]);
  }

  private async isEdited(folder: vscode.Uri, link: SkillLink): Promise<boolean> {
    try {
      return (await this.sources.hashOfFolder(folder)) !== link.published?.hash;
    } catch (error) {
      this.sources.log.warn(`Could not read ${folder.fsPath} to compare it with what was published: ${messageOf(error)}`);
      return false;
    }
  }

  private async isRemoteNewer(link: SkillLink): Promise<boolean> {
    try {
      const latest = await this.sources.latestVersionOf(link.skillId);
      if (latest === undefined || latest === null || !link.published) return false;
      return latest !== link.published.id && latest !== link.published.ref;
    } catch (error) {
      this.sources.log.warn(`Could not look up the latest version of ${link.skillId}: ${messageOf(error)}`);
      return false;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The badge and its tooltip, which names the folder as the workspace does and the version by its label. */
function decorationOf(drift: Drift, link: SkillLink, folder: vscode.Uri): vscode.FileDecoration | undefined {
  const version = link.published ? rememberedVersionLabel(link.published) : '';
  const where = displayPath(folder);
  const lines: string[] = [];
  if (drift.edited) lines.push(vscode.l10n.t('{0}: edited since {1} of "{2}" was published from it', where, version, link.title));
  if (drift.remoteNewer) lines.push(vscode.l10n.t('"{0}" has a newer version than {1}, published from {2}', link.title, version, where));
  if (lines.length === 0) return undefined;
  const badge = drift.edited && drift.remoteNewer ? '⇅' : drift.edited ? '↑' : '↓';
  const color = new vscode.ThemeColor(drift.remoteNewer ? 'list.warningForeground' : 'gitDecoration.modifiedResourceForeground');
  return new vscode.FileDecoration(badge, lines.join('\n'), color);
}

function keyOf(folder: vscode.Uri): string {
  return folder.with({ path: folder.path.replace(/\/+$/, '') }).toString();
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const root = folder.path.replace(/\/+$/, '');
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(`${root}/`);
}
