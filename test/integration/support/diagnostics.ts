import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Skillsmith's own diagnostics of `uri` (VS Code's built-in SKILL.md validator may add others). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'skillsmith');
}

/** The rule id of a Skillsmith diagnostic. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The rule ids of Skillsmith's diagnostics of `uri`, sorted. */
export function rulesOf(uri: vscode.Uri): string[] {
  return ours(uri).map(ruleOf).sort();
}

/** Resolves with Skillsmith's diagnostics of `uri` as soon as `predicate` holds for them (now or after a change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const found = ours(uri);
      if (!predicate(found)) return false;
      subscription.dispose();
      resolve(found);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Waits until `uri` has a diagnostic of `rule`, and returns it. */
export async function waitForRule(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  const found = await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((d) => ruleOf(d) === rule));
  const diagnostic = found.find((d) => ruleOf(d) === rule);
  assert.ok(diagnostic);
  return diagnostic;
}

/**
 * Creates the folder `uri` and resolves once the file watcher has reported it: a file written into a folder made a
 * moment before can go unseen by the OS watcher under load, one written after this is seen.
 */
export async function createWatchedFolder(uri: vscode.Uri): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), '*'),
    false,
    true,
    true,
  );
  try {
    const created = new Promise<void>((resolve) => {
      watcher.onDidCreate((found) => {
        if (found.toString() === uri.toString()) resolve();
      });
    });
    await vscode.workspace.fs.createDirectory(uri);
    await created;
  } finally {
    watcher.dispose();
  }
}

/** The workspace folder the tests run in. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri;
}

/** Runs `body` with `skillsmith.lint.<key>` set on the workspace folder of `uri`, then restores the setting and its file. */
export async function withLintSetting(uri: vscode.Uri, key: string, value: unknown, body: () => Promise<void>): Promise<void> {
  const settings = vscode.workspace.getConfiguration('skillsmith.lint', uri);
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? workspaceRoot();
  const settingsFolder = vscode.Uri.joinPath(root, '.vscode');
  const hadSettingsFolder = await vscode.workspace.fs.stat(settingsFolder).then(
    () => true,
    () => false,
  );
  await settings.update(key, value, vscode.ConfigurationTarget.WorkspaceFolder);
  try {
    await body();
  } finally {
    await settings.update(key, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    if (!hadSettingsFolder) await vscode.workspace.fs.delete(settingsFolder, { recursive: true, useTrash: false });
  }
}
