import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { version } from '../../../package.json';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'skills');
const run = promisify(execFile);

/** Runs the built `skillsmith` with `args` in `cwd`; resolves with the exit code and output, whatever the code. */
async function skillsmith(args: string[], cwd = FIXTURES): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('skillsmith lint (built dist/cli.js)', () => {
  before(async () => {
    await run(process.execPath, ['esbuild.js'], { cwd: ROOT });
  });

  it('exits 0 on a good skill and prints a JSON report with paths relative to the working folder', async () => {
    const { code, stdout } = await skillsmith(['lint', 'good-skill', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      version: 1,
      profile: 'claude-api',
      skills: [{ dir: 'good-skill', file: 'good-skill/SKILL.md', diagnostics: [] }],
      summary: { skills: 1, errors: 0, warnings: 0 },
    });
  });

  it('exits 1 on errors, with 1-based lines and columns, searching folders recursively from any working folder', async () => {
    const { code, stdout } = await skillsmith(['lint', 'skills', '--format=json'], path.dirname(FIXTURES));
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.skills.map((s: { dir: string }) => s.dir), ['skills/bad-skill', 'skills/good-skill', 'skills/misnamed-case']);
    assert.deepEqual(report.skills[0].diagnostics[0], {
      rule: 'yaml-syntax',
      severity: 'error',
      message: report.skills[0].diagnostics[0].message,
      line: 3,
      column: 22,
      endLine: 3,
      endColumn: 23,
    });
    assert.deepEqual(report.summary, { skills: 3, errors: 2, warnings: 2 });
  });

  it('applies the chosen profile', async () => {
    const { code, stdout } = await skillsmith(['lint', 'misnamed-case/skill.md', '--profile', 'spec', '--format', 'json']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).skills[0].diagnostics[0].severity, 'warning');
  });

  it('prints text grouped by file, without colour when not on a terminal', async () => {
    const { code, stdout } = await skillsmith(['lint', 'bad-skill']);
    assert.equal(code, 1);
    assert.ok(stdout.startsWith('bad-skill/SKILL.md\n  3:22'));
    assert.doesNotMatch(stdout, /\x1b\[/);
    assert.match(stdout, /1 error, 2 warnings in 1 skill \(profile claude-api\)/);
  });

  it('prints SARIF 2.1.0 with rules and physical locations', async () => {
    const { stdout } = await skillsmith(['lint', 'bad-skill', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run0] = sarif.runs;
    assert.equal(run0.tool.driver.name, 'skillsmith');
    assert.equal(run0.tool.driver.version, version, 'the version in package.json');
    assert.ok(run0.tool.driver.rules.every((r: { id: string; help: { text: string } }) => r.id && r.help.text.includes('docs/rules.md')));
    const [first] = run0.results;
    assert.equal(first.ruleId, 'yaml-syntax');
    assert.equal(run0.tool.driver.rules[first.ruleIndex].id, 'yaml-syntax');
    assert.equal(first.level, 'error');
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'bad-skill/SKILL.md' },
      region: { startLine: 3, startColumn: 22, endLine: 3, endColumn: 23 },
    });
  });

  it('exits 2 on a usage error or an unreadable path, and 0 with --help', async () => {
    const usage = await skillsmith(['lint', '--format', 'xml']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Unknown format 'xml'/);
    const missing = await skillsmith(['lint', 'no-such-folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such-folder does not exist/);
    const help = await skillsmith(['lint', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: skillsmith lint/);
  });
});
