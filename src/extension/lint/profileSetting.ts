import * as vscode from 'vscode';
import { PROFILES, type Profile } from '../../core/skill/types';

/** The setting section that chooses the lint profile. */
export const PROFILE_SETTING = 'skillsmith.lint.profile';

/** The lint profile in force for `uri` (a resource-scoped setting); the default when unset or invalid. */
export function profileFor(uri: vscode.Uri): Profile {
  const value = vscode.workspace.getConfiguration('skillsmith.lint', uri).get<string>('profile');
  return PROFILES.find((profile) => profile === value) ?? PROFILES[0];
}
