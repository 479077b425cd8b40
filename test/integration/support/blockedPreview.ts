import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { PreviewFinding } from '../../../src/extension/ui/previewFindings';
import { previewItems, type PreviewItem, type PublishPreview } from '../../../src/extension/ui/publishPreview';

/**
 * Asserts that `preview` is blocked by an error of `rule` on `file` at the 0-based `line`, offers only Close, and
 * lists that error as a row labelled `label` with the rule as its description. Returns the error and its row.
 */
export function assertBlockedBy(
  preview: PublishPreview,
  rule: string,
  file: vscode.Uri,
  line: number,
  label: string,
): { readonly error: PreviewFinding; readonly row: PreviewItem } {
  const error = preview.findings.find((finding) => finding.rule === rule);
  assert.ok(error, preview.findings.map((finding) => finding.rule).join(', '));
  assert.equal(error.severity, 'error');
  assert.equal(error.uri.toString(), file.toString());
  assert.equal(error.range.start.line, line, 'on the line of the finding');
  const rows = previewItems(preview);
  assert.deepEqual(
    rows.filter((row) => row.action !== undefined).map((row) => row.label),
    ['$(close) Close'],
    `a blocked ${preview.purpose} offers only Close`,
  );
  const row = rows.find((item) => item.finding === error);
  assert.ok(row, 'the finding has a row');
  assert.equal(row.label, label);
  assert.equal(row.description, rule);
  return { error, row };
}
