import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import type { PreparedUpload } from '../../core/bundle/prepareUpload';
import { isSecurityRule } from '../../core/skill/rules';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import { isSameDiagnostic, toVscodeDiagnostic } from '../ui/toVscodeDiagnostic';
import type { Prompts } from '../ui/prompts';

/** What the gate needs: where blocking findings go, the rule docs' home, and the question it may ask. */
export interface LintGateContext {
  /** The "skillsmith-publish" collection: the `claude-api` errors that blocked a publish. */
  readonly problems: vscode.DiagnosticCollection;
  readonly extensionUri: vscode.Uri;
  readonly prompts: Prompts;
}

/**
 * How the gate ended: go on with this prepared upload (secrets allowed by name listed; its warnings go in the
 * preview), stop (`blocked`: said why already), or stop after the preview lists the security errors that block it.
 */
export type GateResult =
  | { readonly kind: 'pass'; readonly prepared: PreparedUpload; readonly allowedSecrets: readonly string[] }
  | { readonly kind: 'blocked-by-findings'; readonly prepared: PreparedUpload }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'cancelled' };

/**
 * The lint gate of a publish, under the `claude-api` profile whatever the editor's profile is. Errors block and
 * are put in the Problems panel (only those the editor does not show already); when a security rule is among them
 * the preview lists them (`blocked-by-findings`), otherwise the panel opens and a message says why. When the only
 * errors are files that look like secrets, the user decides once: publish without them, or upload them too
 * (allowed by name, `prepareAllowing` collects again). Warnings do not stop here: the preview lists them.
 */
export async function passLintGate(
  context: LintGateContext,
  folder: vscode.Uri,
  prepared: PreparedUpload,
  prepareAllowing: (secrets: readonly string[]) => Promise<PreparedUpload>,
): Promise<GateResult> {
  context.problems.clear();
  let allowedSecrets: readonly string[] = [];
  const others = prepared.errors.filter((error) => error.rule !== 'upload-secret');
  if (others.length === 0 && prepared.errors.length > 0) {
    const secrets = prepared.collected.leftOut.filter((entry) => entry.reason === 'secret').map((entry) => entry.relativePath);
    const answer = await context.prompts.askAboutSecrets(secrets, 'upload');
    if (!answer) return { kind: 'cancelled' };
    if (answer === 'include') {
      allowedSecrets = secrets;
      prepared = await prepareAllowing(secrets);
    } else {
      prepared = { ...prepared, errors: [], diagnostics: prepared.diagnostics.filter((diagnostic) => diagnostic.rule !== 'upload-secret') };
    }
  }
  if (prepared.errors.length === 0) return { kind: 'pass', prepared, allowedSecrets };
  putInProblems(context, folder, prepared);
  if (prepared.errors.some((error) => isSecurityRule(error.rule))) return { kind: 'blocked-by-findings', prepared };
  await showBlocking(prepared);
  return { kind: 'blocked' };
}

/**
 * Puts the blocking errors in the Problems panel, each on its file (SKILL.md, or the script or reference a security
 * finding is in, so the user can go to each one).
 */
function putInProblems(context: LintGateContext, folder: vscode.Uri, prepared: PreparedUpload): void {
  const byFile = new Map<string, { uri: vscode.Uri; errors: Diagnostic[] }>();
  for (const error of prepared.errors) {
    const uri = vscode.Uri.joinPath(folder, ...(error.file ?? prepared.skillMd?.slice(folder.fsPath.length + 1) ?? SKILL_MD).split('/'));
    const entry = byFile.get(uri.toString()) ?? { uri, errors: [] };
    entry.errors.push(error);
    byFile.set(uri.toString(), entry);
  }
  for (const { uri, errors } of byFile.values()) {
    const shown = vscode.languages.getDiagnostics(uri);
    const missing = errors.filter((error) => !shown.some((diagnostic) => isSameDiagnostic(diagnostic, error)));
    context.problems.set(
      uri,
      missing.map((error) => toVscodeDiagnostic(error, context.extensionUri)),
    );
  }
}

/** Opens the Problems panel and says why nothing was published. */
async function showBlocking(prepared: PreparedUpload): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const count = prepared.errors.length;
  void vscode.window.showErrorMessage(
    count === 1
      ? vscode.l10n.t(
          'Not published: {0} has 1 problem to fix first (see the Problems panel): {1}',
          prepared.folderName,
          prepared.errors[0]?.message ?? '',
        )
      : vscode.l10n.t(
          'Not published: {0} has {1} problems to fix first (see the Problems panel). The first: {2}',
          prepared.folderName,
          formatCount(count),
          prepared.errors[0]?.message ?? '',
        ),
  );
}
