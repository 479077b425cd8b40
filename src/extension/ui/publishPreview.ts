import * as vscode from 'vscode';
import type { LeftOutReason } from '../../core/bundle/leftOutReason';
import type { PreparedUpload } from '../../core/bundle/prepareUpload';
import { formatBytes } from '../../core/bundle/uploadChecks';
import { formatCount } from '../../core/text/count';
import { findingItems, previewFindingsOf, type FindingItem, type PreviewFinding } from './previewFindings';

/** How the folder's files compare with the linked skill's latest version. */
export type PreviewComparison =
  | { readonly kind: 'new-skill' }
  | { readonly kind: 'unchanged'; readonly version: string }
  /** The paths (relative to the skill folder) added, removed and changed since the latest version. */
  | {
      readonly kind: 'changed';
      readonly version: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
      readonly changed: readonly string[];
    }
  | { readonly kind: 'unknown'; readonly version: string; readonly reason: string };

/** Everything the preview shows before an upload or an export: nothing has been sent or written yet. */
export interface PublishPreview {
  /** What accepting does: publish the files, or export them as a .zip. */
  readonly purpose: PreviewPurpose;
  readonly title: string;
  readonly placeholder: string;
  /** The folder's name, in front of every path of `files`. */
  readonly folderName: string;
  /** The files to upload, with the top-level folder in front (`folderName`), and their sizes. */
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  readonly totalBytes: number;
  readonly limitBytes: number;
  /** What is left out, and why (folders end with `/`). */
  readonly leftOut: readonly { readonly path: string; readonly reason: LeftOutReason }[];
  /** How the files compare with the latest version; undefined when an error blocks the upload (nothing was compared). */
  readonly comparison: PreviewComparison | undefined;
  /** The lint's errors and warnings, errors first: any error blocks the upload, and the preview can only be closed. */
  readonly findings: readonly PreviewFinding[];
}

/** What a preview is for: a publish, or an Export Skill as .zip. */
export type PreviewPurpose = 'publish' | 'export';

/** What accepting a preview row does (go on with the publish or export, or not); rows without one are information. */
export type PreviewAction = 'proceed' | 'cancel';

/** A row of the preview: an answer, a finding to open, or information. */
export type PreviewItem = vscode.QuickPickItem & { readonly action?: PreviewAction; readonly finding?: FindingItem['finding'] };

/** Whether an error among the preview's findings blocks the upload. */
export function isBlocked(preview: PublishPreview): boolean {
  return preview.findings.some((finding) => finding.severity === 'error');
}

/**
 * The rows of the preview quick pick: the answer first (Publish, or Cancel first when nothing changed; only Close
 * when an error blocks the upload), then the comparison with the latest version, the errors and warnings (each
 * opens its file at its line), every file with its size (added and changed ones marked so) and the total against
 * the budget, the files the latest version has and this upload removes, and what is left out with why.
 */
export function previewItems(preview: PublishPreview): PreviewItem[] {
  const count = preview.files.length;
  const changes = preview.comparison?.kind === 'changed' ? preview.comparison : undefined;
  const inFolder = (path: string): string => `${preview.folderName}/${path}`;
  const marks = new Map<string, FileMark>(
    changes
      ? [
          ...changes.added.map((path): [string, FileMark] => [inFolder(path), 'added']),
          ...changes.changed.map((path): [string, FileMark] => [inFolder(path), 'changed']),
        ]
      : [],
  );
  const removed = changes ? changes.removed.map(inFolder) : [];
  const size = formatBytes(preview.totalBytes);
  const publish: PreviewItem =
    preview.purpose === 'publish'
      ? {
          label: `$(cloud-upload) ${
            count === 1 ? vscode.l10n.t('Publish 1 file ({0})', size) : vscode.l10n.t('Publish {0} files ({1})', formatCount(count), size)
          }`,
          action: 'proceed',
          alwaysShow: true,
        }
      : {
          label: `$(file-zip) ${
            count === 1 ? vscode.l10n.t('Export 1 file ({0})', size) : vscode.l10n.t('Export {0} files ({1})', formatCount(count), size)
          }`,
          action: 'proceed',
          alwaysShow: true,
        };
  const cancel: PreviewItem = { label: `$(close) ${vscode.l10n.t('Cancel')}`, action: 'cancel', alwaysShow: true };
  const unchanged = preview.comparison?.kind === 'unchanged';
  if (unchanged) publish.label = `$(cloud-upload) ${vscode.l10n.t('Publish Anyway')}`;
  const answers = isBlocked(preview)
    ? [{ label: `$(close) ${vscode.l10n.t('Close')}`, action: 'cancel' as const, alwaysShow: true }]
    : unchanged
      ? [cancel, publish]
      : [publish, cancel];
  return [
    ...answers,
    ...(preview.comparison ? [separator(vscode.l10n.t('Compared with the latest version')), comparisonItem(preview.comparison)] : []),
    ...findingItems(preview.findings, preview.purpose),
    separator(
      count === 1
        ? vscode.l10n.t('1 file, {0} of {1}', formatBytes(preview.totalBytes), formatBytes(preview.limitBytes))
        : vscode.l10n.t('{0} files, {1} of {2}', formatCount(count), formatBytes(preview.totalBytes), formatBytes(preview.limitBytes)),
    ),
    ...preview.files.map((file) => fileItem(file, marks.get(file.path))),
    ...(removed.length > 0 ? [separator(vscode.l10n.t('Removed ({0})', formatCount(removed.length)))] : []),
    ...removed.map((path): PreviewItem => ({ label: `$(diff-removed) ${path}`, description: vscode.l10n.t('removed') })),
    ...(preview.leftOut.length > 0 ? [separator(vscode.l10n.t('Left out ({0})', formatCount(preview.leftOut.length)))] : []),
    ...preview.leftOut.map((entry): PreviewItem => ({
      label: `$(${entry.path.endsWith('/') ? 'folder' : 'circle-slash'}) ${entry.path}`,
      description: reasonText(entry.reason),
    })),
  ];
}

/**
 * The preview of `prepared` (a folder's upload, as collected and linted) with nothing compared: its files, what is
 * left out, and its errors and warnings.
 */
export function uncomparedPreview(
  purpose: PreviewPurpose,
  folder: vscode.Uri,
  prepared: PreparedUpload,
  title: string,
  placeholder: string,
): PublishPreview {
  return {
    purpose,
    title,
    placeholder,
    folderName: prepared.folderName,
    files: prepared.collected.files.map((file) => ({ path: `${prepared.folderName}/${file.relativePath}`, bytes: file.size })),
    totalBytes: prepared.totalBytes,
    limitBytes: prepared.limitBytes,
    leftOut: prepared.collected.leftOut.map((entry) => ({ path: entry.relativePath, reason: entry.reason })),
    comparison: undefined,
    findings: previewFindingsOf(folder, prepared.diagnostics, prepared.skillMd),
  };
}

/** The preview of a publish or export (`purpose`) that `errors` errors block: the findings listed, only Close. */
export function blockedPreview(purpose: PreviewPurpose, folder: vscode.Uri, prepared: PreparedUpload, errors: number): PublishPreview {
  const name = prepared.folderName;
  const title = purpose === 'publish' ? vscode.l10n.t('{0} cannot be published', name) : vscode.l10n.t('{0} cannot be exported', name);
  const count = formatCount(errors);
  const placeholder =
    purpose === 'publish'
      ? errors === 1
        ? vscode.l10n.t('Fix the error below (select it to open it), then publish again')
        : vscode.l10n.t('Fix the {0} errors below (select one to open it), then publish again', count)
      : errors === 1
        ? vscode.l10n.t('Fix the error below (select it to open it), then export again')
        : vscode.l10n.t('Fix the {0} errors below (select one to open it), then export again', count);
  return uncomparedPreview(purpose, folder, prepared, title, placeholder);
}

/** How a file of the upload differs from the latest version; unmarked when it is the same. */
type FileMark = 'added' | 'changed';

/** A file's row: its path, marked when it is added or changed, and its size. */
function fileItem(file: { readonly path: string; readonly bytes: number }, mark: FileMark | undefined): PreviewItem {
  const size = formatBytes(file.bytes);
  switch (mark) {
    case 'added':
      return { label: `$(diff-added) ${file.path}`, description: vscode.l10n.t('added · {0}', size) };
    case 'changed':
      return { label: `$(diff-modified) ${file.path}`, description: vscode.l10n.t('changed · {0}', size) };
    case undefined:
      return { label: `$(file) ${file.path}`, description: size };
  }
}

/** The comparison row: say plainly whether this upload changes anything. */
function comparisonItem(comparison: PreviewComparison): PreviewItem {
  switch (comparison.kind) {
    case 'new-skill':
      return { label: `$(sparkle) ${vscode.l10n.t('A new skill: this is its first version')}` };
    case 'unchanged':
      return {
        label: `$(warning) ${vscode.l10n.t('Nothing changed since the latest version')}`,
        detail: vscode.l10n.t('Publishing would add a version with the same files.'),
      };
    case 'changed': {
      const parts = [
        ...(comparison.changed.length > 0 ? [vscode.l10n.t('{0} changed', formatCount(comparison.changed.length))] : []),
        ...(comparison.added.length > 0 ? [vscode.l10n.t('{0} added', formatCount(comparison.added.length))] : []),
        ...(comparison.removed.length > 0 ? [vscode.l10n.t('{0} removed', formatCount(comparison.removed.length))] : []),
      ];
      return { label: `$(diff) ${vscode.l10n.t('Files differ: {0}', parts.join(', '))}` };
    }
    case 'unknown':
      return { label: `$(question) ${vscode.l10n.t('Could not compare with the latest version')}`, detail: comparison.reason };
  }
}

/** The reason a file is left out, in the user's language. */
function reasonText(reason: LeftOutReason): string {
  switch (reason) {
    case 'default-exclude':
      return vscode.l10n.t('left out by default');
    case 'skillignore':
      return vscode.l10n.t('listed in .skillignore');
    case 'symlink':
      return vscode.l10n.t('a symbolic link, never followed');
    case 'secret':
      return vscode.l10n.t('looks like a secret');
    case 'not-utf8':
      return vscode.l10n.t('its name is not valid UTF-8');
    case 'pack-output':
      return vscode.l10n.t('a zip of this skill written by skillsmith pack');
  }
}

function separator(label: string): PreviewItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}
