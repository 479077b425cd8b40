import * as vscode from 'vscode';
import { KeyedDebounce } from '../../core/async/keyedDebounce';
import type { Diagnostic } from '../../core/skill/types';
import type { FolderListing, FolderListings } from './folderListings';
import { folderOf, lintSkillText } from './lintSkillText';
import type { FolderSettings } from '../services/skillFolders/skillFolders';
import { isLintable } from '../services/skillFolders/skillMdName';
import { DIAGNOSTIC_SOURCE, toVscodeDiagnostic } from '../ui/toVscodeDiagnostic';
import { messageOf } from '../../core/messageOf';

/** How long typing must pause before a document is linted again. */
const DEBOUNCE_MS = 200;

/**
 * Owns the Problems-panel entries of every SKILL.md: lints a document (debounced while typing), drops
 * results for a version that is already stale, and lints files that are not open (workspace lint).
 */
export class SkillDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly typing = new KeyedDebounce(DEBOUNCE_MS);
  /** The latest lint started for each file (URI string): an earlier one that ends later publishes nothing. */
  private readonly latest = new Map<string, number>();
  private started = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly listings: FolderListings,
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: FolderSettings,
  ) {}

  /** Lints `document` once typing has paused; a newer call for the same document replaces this one. */
  schedule(document: vscode.TextDocument): void {
    this.typing.schedule(document.uri.toString(), () => void this.lintDocument(document));
  }

  /** Lints an open document now; the result is dropped if the document changed or closed meanwhile. */
  async lintDocument(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    const run = this.start(document.uri);
    const listing = await this.listings.get(folderOf(document.uri));
    if (!this.finish(document.uri, run) || document.isClosed || document.version !== version) return;
    this.publish(document.uri, this.lintSafely(document.uri, document.getText(), listing));
  }

  /**
   * Lints a file from disk (or its open document), publishes the result and returns it. A lint of the same file
   * started meanwhile (it read a newer listing or text), or a clear, wins: this one's result is not published.
   */
  async lintFile(uri: vscode.Uri): Promise<readonly Diagnostic[]> {
    const run = this.start(uri);
    const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === uri.toString());
    const listing = await this.listings.get(folderOf(uri));
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const diagnostics = this.lintSafely(uri, text, listing);
    if (this.finish(uri, run)) this.publish(uri, diagnostics);
    return diagnostics;
  }

  /** Lints again every file that has diagnostics or is open, e.g. after the profile changed. */
  relintAll(): void {
    const open = vscode.workspace.textDocuments.filter((document) => isLintable(document.uri));
    const openKeys = new Set(open.map((document) => document.uri.toString()));
    open.forEach((document) => this.schedule(document));
    this.collection.forEach((uri) => {
      if (!openKeys.has(uri.toString())) void this.lintFile(uri).catch(() => this.clear(uri));
    });
  }

  /** Removes the diagnostics of `uri` and of every file under it (a closed file, a deleted folder). */
  clear(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    this.typing.cancel(uri.toString());
    const doomed: vscode.Uri[] = [];
    this.collection.forEach((entry) => {
      if (entry.toString() === uri.toString() || entry.toString().startsWith(prefix)) doomed.push(entry);
    });
    doomed.forEach((entry) => this.collection.delete(entry));
    for (const key of [...this.latest.keys()]) if (key === uri.toString() || key.startsWith(prefix)) this.latest.delete(key);
  }

  /** Cancels pending lints and removes every diagnostic. */
  dispose(): void {
    this.typing.cancelAll();
    this.collection.dispose();
  }

  /** Records a lint of `uri` starting; returns its number. */
  private start(uri: vscode.Uri): number {
    this.latest.set(uri.toString(), ++this.started);
    return this.started;
  }

  /** Whether `run`, ending, is still the latest lint of `uri` (none started since, and no clear): it may publish. */
  private finish(uri: vscode.Uri, run: number): boolean {
    if (this.latest.get(uri.toString()) !== run) return false;
    this.latest.delete(uri.toString());
    return true;
  }

  private publish(uri: vscode.Uri, diagnostics: readonly Diagnostic[]): void {
    this.collection.set(
      uri,
      diagnostics.map((diagnostic) => toVscodeDiagnostic(diagnostic, this.extensionUri)),
    );
  }

  /** A linter failure on a strange file is logged and yields no diagnostics; it never breaks the editor. */
  private lintSafely(uri: vscode.Uri, text: string, listing: FolderListing | undefined): Diagnostic[] {
    try {
      return lintSkillText(this.settings, uri, text, listing);
    } catch (error) {
      this.log.error(`Linting ${uri.toString(true)} failed: ${messageOf(error)}`);
      return [];
    }
  }
}
