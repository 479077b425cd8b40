import * as vscode from 'vscode';
import { versionReference } from '../../../core/api/versionReference';
import { skillLabel, versionLabel } from '../../ui/labels';
import type { VersionNode } from '../nodes/versionNode';

/** Copies the `{type, skill_id, version}` JSON that names the version in a Messages request's `container.skills`; returns it. */
export async function copyVersionReference(node: VersionNode): Promise<string> {
  const reference = JSON.stringify(versionReference(node.version, node.parent.skill.source));
  await vscode.env.clipboard.writeText(reference);
  vscode.window.setStatusBarMessage(
    vscode.l10n.t(
      'Copied the reference to version {0} of "{1}"',
      versionLabel(node.version, node.parent.ordinals),
      skillLabel(node.parent.skill),
    ),
    3000,
  );
  return reference;
}
