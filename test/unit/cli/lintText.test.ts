import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportedDiagnostic, ReportedSkill } from '../../../src/cli/lintReport';
import { textWriter } from '../../../src/cli/lintText';

/** A one-line diagnostic of `rule` at `line`:`column`. */
function at(line: number, column: number, rule: ReportedDiagnostic['rule'], message = `${rule} here.`): ReportedDiagnostic {
  return { rule, severity: 'error', message, line, column, endLine: line, endColumn: column + 1 };
}

/** The text output of `skills`. */
function text(skills: ReportedSkill[], colour = false): string {
  const chunks: string[] = [];
  const writer = textWriter('claude-api', colour, (chunk) => chunks.push(chunk));
  for (const skill of skills) writer.skill(skill);
  writer.end({ skills: skills.length, errors: skills.reduce((n, s) => n + s.diagnostics.length, 0), warnings: 0 });
  return chunks.join('');
}

describe('the text output', () => {
  it("lists a file's findings in the order they appear in it", () => {
    const lines = text([
      {
        dir: 'demo',
        file: 'demo/SKILL.md',
        diagnostics: [at(2, 7, 'name-format'), at(2, 1, 'unknown-key'), at(1, 1, 'description-missing')],
      },
    ]).split('\n');
    assert.deepEqual(
      lines.slice(1, 4).map((line) => line.trim().split(/\s+/)[0]),
      ['1:1', '2:1', '2:7'],
    );
  });

  it('prints the control characters of folder names and frontmatter values as visible escapes, never raw', () => {
    const folder = 'evil\x1b[2J\x1b]0;pwned\x07';
    const out = text([
      {
        dir: folder,
        file: `${folder}/SKILL.md`,
        diagnostics: [at(2, 7, 'name-format', '`name` is `a\x1b[31mred\u202e\x9b1m\r\nfake` here.')],
      },
    ]);
    assert.doesNotMatch(out, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/, 'no control character other than line feeds');
    assert.ok(out.startsWith('evil\\x1B[2J\\x1B]0;pwned\\x07/SKILL.md\n'), out);
    assert.ok(out.includes('`a\\x1B[31mred\\u202E\\x9B1m\\x0D\\x0Afake`'), out);
  });

  it('keeps its own colours on a terminal', () => {
    assert.match(text([{ dir: 'demo', file: 'demo/SKILL.md', diagnostics: [at(1, 1, 'name-format')] }], true), /\x1b\[31merror/);
  });
});
