import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintReport, ReportedDiagnostic } from '../../../src/cli/lintReport';
import { formatText } from '../../../src/cli/lintText';

/** A one-line diagnostic of `rule` at `line`:`column`. */
function at(line: number, column: number, rule: ReportedDiagnostic['rule']): ReportedDiagnostic {
  return { rule, severity: 'error', message: `${rule} here.`, line, column, endLine: line, endColumn: column + 1 };
}

describe('formatText', () => {
  it("lists a file's findings in the order they appear in it", () => {
    const report: LintReport = {
      version: 1,
      profile: 'claude-api',
      skills: [{ dir: 'demo', file: 'demo/SKILL.md', diagnostics: [at(2, 7, 'name-format'), at(2, 1, 'unknown-key'), at(1, 1, 'description-missing')] }],
      summary: { skills: 1, errors: 3, warnings: 0 },
    };
    const lines = formatText(report, false).split('\n');
    assert.deepEqual(lines.slice(1, 4).map((line) => line.trim().split(/\s+/)[0]), ['1:1', '2:1', '2:7']);
  });
});
