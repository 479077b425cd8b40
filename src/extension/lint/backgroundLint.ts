import * as vscode from 'vscode';
import { forEachConcurrently } from '../../core/async/forEachConcurrently';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { FolderListings } from './folderListings';
import type { SkillDiagnostics } from './skillDiagnostics';

/** Where the background lint finds the workspace's SKILL.md files, and hears that a skill folder came or went. */
export interface SkillMdSource {
  /** Every `SKILL.md` of the workspace and its mis-cased look-alikes. */
  skillMdFiles(): Promise<vscode.Uri[]>;
  /** Fires with a folder whose `SKILL.md` appeared or went away. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/** At most this many files are linted in one pass: a workspace with more is linted up to here (and says so in the log). */
const MAX_FILES = 5_000;
/** Files read and linted at once: enough to hide the reads' latency, few enough to leave the extension host free. */
const CONCURRENCY = 8;
/** How long after activation the first pass starts: activation itself does no I/O. */
const FIRST_PASS_DELAY_MS = 1_000;

/**
 * Fills the Problems panel for every skill folder of the workspace, not only for the open `SKILL.md` files: when
 * the workspace opens, when a skill folder appears, and when a file of one changes, its `SKILL.md` is linted from
 * disk (an open one is linted as it is typed, by `lintTriggers`). Bounded (`MAX_FILES` a pass), cancellable (a new
 * pass cancels the one running; closing the window cancels both) and cheap (the linter does thousands a second).
 */
export class BackgroundLint implements vscode.Disposable {
  private pass: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly source: SkillMdSource,
    private readonly diagnostics: SkillDiagnostics,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Lints every `SKILL.md` of the workspace that no editor has open; resolves with how many were linted. */
  async lintAll(): Promise<number> {
    this.pass?.cancel();
    const pass = new vscode.CancellationTokenSource();
    this.pass = pass;
    try {
      const started = Date.now();
      const found = await this.source.skillMdFiles();
      if (found.length > MAX_FILES) this.log.warn(`Background lint: ${found.length} SKILL.md files; the first ${MAX_FILES} are linted.`);
      const files = found.slice(0, MAX_FILES).filter((file) => !isOpen(file));
      const aborted = new AbortController();
      const stop = pass.token.onCancellationRequested(() => aborted.abort());
      let linted = 0;
      try {
        await forEachConcurrently(
          files,
          CONCURRENCY,
          async (file) => {
            if (await this.lintClosed(file)) linted++;
          },
          aborted.signal,
        );
      } finally {
        stop.dispose();
      }
      this.log.info(
        `Background lint: ${linted} of ${files.length} closed SKILL.md files in ${Date.now() - started} ms${pass.token.isCancellationRequested ? ' (cancelled)' : ''}`,
      );
      return linted;
    } finally {
      if (this.pass === pass) this.pass = undefined;
      pass.dispose();
    }
  }

  /** Lints the `SKILL.md` of `folder` from disk unless an editor has it open (then it is linted as it is typed). */
  async lintFolder(folder: vscode.Uri): Promise<void> {
    await this.lintClosed(vscode.Uri.joinPath(folder, SKILL_MD));
  }

  /**
   * Lints `file` from disk when no editor has it open and it is a file of the workspace that still exists; true when
   * it was linted. Anything else closed (a remote version's SKILL.md, a file outside the workspace) loses its entries.
   */
  async lintClosed(file: vscode.Uri): Promise<boolean> {
    if (isOpen(file)) return false;
    if (file.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(file)) {
      this.diagnostics.clear(file);
      return false;
    }
    try {
      await this.diagnostics.lintFile(file);
      return true;
    } catch {
      // Gone (deleted or renamed since it was found): whatever it had goes too.
      this.diagnostics.clear(file);
      return false;
    }
  }

  dispose(): void {
    this.pass?.cancel();
  }
}

/**
 * When the background lint runs: a first pass shortly after activation and another when the workspace's folders
 * change; a folder whose `SKILL.md` appeared, or one of whose files was created, changed or deleted, is linted again;
 * a `SKILL.md` closed in the editor is linted from disk, so its problems stay in the panel.
 */
export function backgroundLintTriggers(background: BackgroundLint, source: SkillMdSource, listings: FolderListings): vscode.Disposable[] {
  const first = setTimeout(() => void background.lintAll(), FIRST_PASS_DELAY_MS);
  return [
    { dispose: () => clearTimeout(first) },
    vscode.workspace.onDidChangeWorkspaceFolders(() => void background.lintAll()),
    source.onDidChange((folder) => void background.lintFolder(folder)),
    listings.onDidChange((folder) => void background.lintFolder(folder)),
  ];
}

function isOpen(file: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((document) => !document.isClosed && document.uri.toString() === file.toString());
}
