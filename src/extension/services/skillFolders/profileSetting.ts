import * as vscode from 'vscode';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../../../core/bundle/uploadChecks';
import { PROFILES, type Profile } from '../../../core/skill/types';

/** The settings section of the linter: a change to any of its settings lints again. */
export const LINT_SETTINGS = 'skillsmith.lint';

/** The lint profile in force for `uri` (a resource-scoped setting); the default when unset or invalid. */
export function profileFor(uri: vscode.Uri): Profile {
  const value = vscode.workspace.getConfiguration(LINT_SETTINGS, uri).get<string>('profile');
  return PROFILES.find((profile) => profile === value) ?? PROFILES[0];
}

/** `skillsmith.lint.uploadLimitMB` for `uri`, in bytes; the service's 30 MB when unset or not a positive number. */
export function uploadLimitBytesFor(uri: vscode.Uri): number {
  const megabytes = vscode.workspace.getConfiguration(LINT_SETTINGS, uri).get<number>('uploadLimitMB');
  return typeof megabytes === 'number' && Number.isFinite(megabytes) && megabytes > 0
    ? Math.round(megabytes * 1024 * 1024)
    : DEFAULT_UPLOAD_LIMIT_BYTES;
}
