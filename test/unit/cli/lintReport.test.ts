import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RelativePaths, relativePath, skillJson, type ReportedDiagnostic, type ReportedSkill } from '../../../src/cli/lintReport';

describe('lint report paths', () => {
  const cwd = path.join(path.sep, 'work', 'repo');
  const targets = [
    cwd,
    path.join(cwd, 'skills'),
    path.join(cwd, 'skills', 'a'),
    path.join(cwd, 'skills', 'a', 'SKILL.md'),
    path.join(cwd, 'skills', 'b'),
    path.join(cwd, 'skills', 'b', 'SKILL.md'),
    path.join(cwd, 'skills', 'b', 'skill.md'),
    path.join(cwd, 'skills', 'b'),
    `${path.join(cwd, 'skills')}${path.sep}.`,
    path.join(cwd, 'skills', 'b'),
    `${path.join(cwd, 'skills')}${path.sep}..`,
    path.join(cwd, 'skills', 'b'),
    `${path.join(cwd, 'skills')}${path.sep}`,
    path.join(cwd, 'skills', 'b'),
    `${path.join(cwd, 'skills', 'b')}${path.sep}`,
    `${path.join(cwd, 'skills', 'c')}${path.sep}`,
    `${cwd}${path.sep}skills${path.sep}${path.sep}d`,
    `${cwd}${path.sep}skills${path.sep}.${path.sep}e`,
    `${cwd}${path.sep}skills${path.sep}x${path.sep}..${path.sep}f`,
    `${cwd}${path.sep}skills${path.sep}..`,
    `${cwd}${path.sep}.`,
    path.join(path.sep, 'work'),
    path.join(path.sep, 'work', 'other', 'skills', 'g'),
    path.join(path.sep, 'elsewhere', 'h', 'SKILL.md'),
    path.sep,
    path.join(path.sep, 'top'),
    '.',
    '..',
    'skills',
    path.join('skills', 'a'),
    path.join('skills', 'a', 'SKILL.md'),
    path.join('..', 'sibling', 'i'),
    `.${path.sep}skills${path.sep}j`,
  ];

  it('makes a path relative to the working folder, with forward slashes', () => {
    assert.equal(relativePath(cwd, path.join(cwd, 'skills', 'a')), 'skills/a');
    assert.equal(relativePath(cwd, cwd), '.');
    assert.equal(relativePath(cwd, path.join(path.sep, 'work', 'other', 'b')), '../other/b');
    assert.equal(relativePath(cwd, `${cwd}${path.sep}skills${path.sep}x${path.sep}..${path.sep}f`), 'skills/f');
    assert.equal(relativePath(cwd, path.join('..', 'sibling')), '../sibling');
  });

  it('remembers folders without changing any answer, in any order and more than once', () => {
    const forward = new RelativePaths(cwd);
    const backward = new RelativePaths(cwd);
    const expected = targets.map((t) => relativePath(cwd, t));
    assert.deepEqual(
      targets.map((t) => forward.of(t)),
      expected,
    );
    assert.deepEqual(
      [...targets].reverse().map((t) => backward.of(t)),
      [...expected].reverse(),
    );
    assert.deepEqual(
      targets.map((t) => forward.of(t)),
      expected,
    );
  });

  it('names a file from its folder exactly as path.relative would', () => {
    const paths = new RelativePaths(cwd);
    for (const folder of targets) {
      for (const file of [
        path.join(folder, 'SKILL.md'),
        `${folder}${path.sep}skill.md`,
        path.join(folder, '..', 'SKILL.md'),
        path.join(cwd, 'x', 'SKILL.md'),
      ]) {
        assert.equal(paths.fileIn(folder, paths.of(folder), file), relativePath(cwd, file), `${folder} ${file}`);
      }
    }
    const inside = new RelativePaths(path.join(cwd, 'SKILL.md')); // a working folder that happens to be named so
    assert.equal(inside.fileIn(cwd, inside.of(cwd), path.join(cwd, 'SKILL.md')), '.');
  });
});

describe('lint report JSON', () => {
  const skill = (overrides: Partial<ReportedSkill>): ReportedSkill => ({
    dir: 'skills/a',
    file: 'skills/a/SKILL.md',
    diagnostics: [],
    ...overrides,
  });
  /** A diagnostic with its fields in the order the report gives them. */
  const diagnostic = (message: string, rule: ReportedDiagnostic['rule'] = 'link-broken', line = 3): ReportedDiagnostic => ({
    rule,
    severity: rule === 'link-broken' ? 'warning' : 'error',
    message,
    line,
    column: 1,
    endLine: line,
    endColumn: 12,
  });

  it('writes each skill exactly as JSON.stringify does', () => {
    const skills = [
      skill({}),
      skill({ file: null }),
      skill({ dir: 'we"ird\\path\n\u0000\u2028é😀', file: 'tab\there/SKILL.md' }),
      skill({ diagnostics: [diagnostic('plain')] }),
      skill({
        diagnostics: [diagnostic('`quoted` "x" \\ \r\n \u001b[31m \ud800 lone surrogate'), diagnostic('two', 'yaml-syntax', 1000000)],
      }),
    ];
    for (const s of skills) assert.equal(skillJson(s), JSON.stringify(s));
  });
});
