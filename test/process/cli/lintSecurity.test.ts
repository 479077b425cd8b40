import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { writeGeneratedFixtures } from '../../support/generatedFixtures';
import { lintReportOf, sarifOf } from '../../support/cliJson';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const LABELLED = path.join(ROOT, 'test', 'fixtures', 'security', 'labelled');
const run = promisify(execFile);

/** Runs the built `skillsmith` with `args` in the labelled set's folder; resolves with the exit code and output. */
async function skillsmith(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: LABELLED, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('skillsmith lint: the security scan (built dist/cli.js)', () => {
  before(async () => {
    writeGeneratedFixtures();
    await run(process.execPath, ['esbuild.js'], { cwd: ROOT });
  });

  it('reports a finding in a script on that script in JSON, with its line and column', async () => {
    const { code, stdout } = await skillsmith(['lint', 'threat-exfil-curl-env', '--format', 'json']);
    assert.equal(code, 1);
    const [skill] = lintReportOf(stdout).skills;
    const found = skill.diagnostics.find((d) => d.rule === 'security-exfiltration');
    assert.deepEqual(found && { file: found.file, line: found.line, column: found.column }, {
      file: 'threat-exfil-curl-env/scripts/report.sh',
      line: 2,
      column: 47,
    });
  });

  it('puts the script in the SARIF location and the OWASP id, CWE and security-severity on the rule', async () => {
    const { stdout } = await skillsmith(['lint', 'threat-reverse-shell-bash', '--format', 'sarif']);
    const sarif = sarifOf(stdout);
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'security-reverse-shell');
    assert.ok(result, 'a security-reverse-shell result');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'threat-reverse-shell-bash/scripts/debug.sh');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
    const rule = sarif.runs[0].tool.driver.rules[result.ruleIndex];
    assert.deepEqual(rule.properties, { tags: ['security', 'OWASP-AST01', 'external/cwe/cwe-506'], 'security-severity': '9.5' });
    const plain = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'name-format');
    assert.ok(plain, 'the name-format rule');
    assert.equal(plain.properties, undefined);
  });

  it('--only security keeps the security rules and nothing else', async () => {
    const { stdout } = await skillsmith(['lint', '.', '--only', 'security', '--format', 'json']);
    const rules = new Set(lintReportOf(stdout).skills.flatMap((s) => s.diagnostics.map((d) => d.rule)));
    assert.ok(rules.has('upload-secret') && rules.has('security-hidden-text'));
    assert.deepEqual(
      [...rules].filter((r) => !r.startsWith('security-') && r !== 'upload-secret' && r !== 'upload-symlink'),
      [],
    );
  });

  it('prints each file under its own heading in text', async () => {
    const { stdout } = await skillsmith(['lint', 'threat-secret-aws']);
    assert.match(
      stdout,
      /^threat-secret-aws\/config\.ini\n {2}2:21 {4}error {3}Line 2 of `config\.ini` looks like an AWS access key ID, so publish and pack refuse the folder\./m,
    );
    assert.ok(!stdout.includes('AKIAZ7VQ3NP4XL2TW6RD'), 'the key itself is never printed');
  });

  it('publish --dry-run and pack refuse a folder holding a key by content, and never say it has no problems', async () => {
    const dry = await skillsmith(['publish', 'threat-secret-anthropic', '--dry-run']);
    assert.equal(dry.code, 1);
    assert.doesNotMatch(dry.stdout + dry.stderr, /No problems found/);
    assert.match(dry.stdout + dry.stderr, /looks like an Anthropic API key/);
    const output = path.join(LABELLED, '..', 'never-written.zip');
    const pack = await skillsmith(['pack', 'threat-secret-anthropic', '-o', output]);
    assert.equal(pack.code, 1);
    assert.equal(existsSync(output), false);
  });
});
