import * as vscode from 'vscode';
import { diffFileSets, isBinary } from '../../core/bundle/diffFileSets';
import type { FileSet } from '../../core/bundle/fileSet';
import { openChanges, type ChangeEntry } from './openChanges';

/** One side of a comparison: its files, and the URI that opens each of them. */
export interface ComparedSide {
  readonly files: FileSet;
  /** The URI of a file of `files`, by its path relative to the skill folder. */
  uriOf(path: string): vscode.Uri;
}

/** What a comparison found, by path relative to the skill folder (for the tests and the log). */
export interface Comparison {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  /** Added, removed or changed files that are binary: listed, not shown as text. */
  readonly binary: readonly string[];
}

/**
 * Compares two sides and shows the result: the multi-file diff editor with the added, removed and changed
 * text files (binary ones are listed in a message instead), or a message when nothing differs.
 */
export async function compareFileSets(title: string, before: ComparedSide, after: ComparedSide): Promise<Comparison> {
  const diff = diffFileSets(before.files, after.files);
  const binary = new Set([
    ...diff.changed.filter((file) => file.binary).map((file) => file.path),
    ...diff.added.filter((file) => isBinary(file.data)).map((file) => file.path),
    ...diff.removed.filter((file) => isBinary(file.data)).map((file) => file.path),
  ]);
  const comparison: Comparison = {
    added: diff.added.map((file) => file.path),
    removed: diff.removed.map((file) => file.path),
    changed: diff.changed.map((file) => file.path),
    binary: [...binary].sort(),
  };
  const entries: ChangeEntry[] = [
    ...comparison.changed.map((path) => ({
      resource: after.uriOf(path),
      original: before.uriOf(path),
      modified: after.uriOf(path),
      label: path,
    })),
    ...comparison.added.map((path) => ({ resource: after.uriOf(path), original: undefined, modified: after.uriOf(path), label: path })),
    ...comparison.removed.map((path) => ({ resource: before.uriOf(path), original: before.uriOf(path), modified: undefined, label: path })),
  ].filter((entry) => !binary.has(entry.label));
  if (entries.length === 0 && binary.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No differences: {0}', title));
    return comparison;
  }
  if (binary.size > 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Binary files that differ (not shown as text): {0}', comparison.binary.join(', ')),
    );
  }
  if (entries.length > 0) await openChanges(title, entries);
  return comparison;
}
