import * as vscode from 'vscode';
import { isLintable } from './skillMdName';

/** What a file event says happened to its path. */
export type HeardKind = 'created' | 'changed' | 'deleted';

/** What the file events since the last look at the disk name: `SKILL.md` files (or look-alikes) and other paths. */
export interface Heard {
  /** `SKILL.md` files and look-alikes created, changed or deleted: each is looked at on the disk. */
  readonly files: readonly vscode.Uri[];
  /** Other paths created or deleted (a folder, or a file in one), outermost only: each is looked at on the disk. */
  readonly paths: readonly vscode.Uri[];
  /**
   * Other paths changed: a folder's delete and create in one batch arrive as its change, maybe without its SKILL.md's
   * create, so the `SKILL.md` of each that is a folder is looked at.
   */
  readonly changed: readonly vscode.Uri[];
}

/** Folders whose events are not skill folders' (the one search leaves them out too). */
const IGNORED_SEGMENT = /(^|\/)(node_modules|\.git)(\/|$)/;

/**
 * The file events heard since the last look at the disk, collected so that one look answers a burst of them. The
 * order and kind of the events only say where to look: they arrive late, coalesced or not at all under load, so what
 * a path is comes from the disk, never from the last event about it.
 */
export class HeardEvents {
  private files = new Map<string, vscode.Uri>();
  private paths = new Map<string, vscode.Uri>();
  private changed = new Map<string, vscode.Uri>();

  /** Notes an event about `uri`; false when there is nothing to look at (outside the workspace, or ignored). */
  note(uri: vscode.Uri, kind: HeardKind): boolean {
    const root = vscode.workspace.getWorkspaceFolder(uri);
    if (!root || IGNORED_SEGMENT.test(uri.path.slice(root.uri.path.length))) return false;
    const into = isLintable(uri) ? this.files : kind === 'changed' ? this.changed : this.paths;
    into.set(uri.toString(), uri);
    return true;
  }

  /** Everything heard since the last `take`, which starts afresh. */
  take(): Heard {
    const heard = { files: [...this.files.values()], paths: outermost([...this.paths.values()]), changed: [...this.changed.values()] };
    this.files = new Map();
    this.paths = new Map();
    this.changed = new Map();
    return heard;
  }
}

/** Whether `uri` (a URI string) is `folder` or lies under it. */
export function isAtOrUnder(uri: string, folder: vscode.Uri): boolean {
  const prefix = folder.toString();
  return uri === prefix || uri.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** `uris` without those at or under another of them. */
export function outermost(uris: readonly vscode.Uri[]): vscode.Uri[] {
  const sorted = [...uris].sort((a, b) => a.toString().length - b.toString().length);
  const kept: vscode.Uri[] = [];
  for (const uri of sorted) if (!kept.some((outer) => isAtOrUnder(uri.toString(), outer))) kept.push(uri);
  return kept;
}
