import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestSeams } from '../../../src/extension/exports';

/** Activates Skillsmith (a no-op once it is active) and returns its test seams. */
export async function activateSeams(): Promise<TestSeams> {
  const extension = vscode.extensions.getExtension<TestSeams>('skillsmith.skillsmith');
  assert.ok(extension, 'Skillsmith is installed in the test host');
  return extension.activate();
}
