import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { version } from '../../../package.json';
import { outcomeOf, type Outcome } from '../../support/outcome';
import { lintReportOf, sarifOf } from '../../support/cliJson';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'skills');
const run = promisify(execFile);

/** Runs the built `skillsmith` with `args` in `cwd`; resolves with the exit code and output, whatever the code. */
function skillsmith(args: string[], cwd = FIXTURES): Promise<Outcome> {
  return outcomeOf(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '' } });
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
    const report = lintReportOf(stdout);
    assert.deepEqual(
      report.skills.map((s) => s.dir),
      ['skills/bad-skill', 'skills/good-skill', 'skills/misnamed-case'],
    );
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
    assert.equal(lintReportOf(stdout).skills[0].diagnostics[0].severity, 'warning');
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
    const sarif = sarifOf(stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run0] = sarif.runs;
    assert.equal(run0.tool.driver.name, 'skillsmith');
    assert.equal(run0.tool.driver.version, version, 'the version in package.json');
    assert.ok(run0.tool.driver.rules.every((r) => r.id && r.help.text.includes('docs/rules.md')));
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

  it('prints the same report, and nothing on stderr, with its V8 tiering flags as the lint module does without them', async () => {
    const cwd = path.dirname(FIXTURES);
    const args = ['skills', '--format', 'json'];
    const withFlags = await outcomeOf(process.execPath, [CLI, 'lint', ...args], { cwd });
    const lintModule = path.join(ROOT, 'dist', 'cli-lintCommand.js');
    const script = `require(${JSON.stringify(lintModule)}).runLintCommand(${JSON.stringify(args)}).then((code) => (process.exitCode = code))`;
    const withoutFlags = await outcomeOf(process.execPath, ['-e', script], { cwd });
    assert.equal(withFlags.stderr, '');
    assert.deepEqual(withFlags, withoutFlags);
    assert.equal(lintReportOf(withFlags.stdout).summary.skills, 3);
  });

  describe('on hostile folders', () => {
    let root: string;
    before(() => {
      root = mkdtempSync(path.join(tmpdir(), 'ss-hostile-'));
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    /** A skill folder `name` under the temp root with this SKILL.md body. */
    const skill = (name: string | Buffer, body: string, frontmatterName = 'hostile'): string => {
      const dir = Buffer.isBuffer(name) ? Buffer.concat([Buffer.from(root + path.sep), name]) : path.join(root, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        Buffer.isBuffer(dir) ? Buffer.concat([dir, Buffer.from('/SKILL.md')]) : path.join(dir, 'SKILL.md'),
        `---\nname: ${frontmatterName}\ndescription: A test skill. Use when testing.\n---\n${body}`,
      );
      return dir.toString();
    };

    it('prints a capped report of a file with 50,000 broken links, says how many it left out, and exits with its verdict (not 2)', async () => {
      const links = '[x](missing.md) '.repeat(50) + '\n';
      skill('many-links', links.repeat(1_000) + `${'name: x\n'.repeat(3)}`);
      for (const format of ['json', 'sarif', 'text']) {
        const { code, stdout, stderr } = await skillsmith(['lint', 'many-links', '--format', format], root);
        assert.equal(stderr, '', format);
        assert.equal(code, 0, `${format}: warnings only`);
        assert.match(stdout, /49,000 more `link-broken` findings in this file are left out \(only the first 1000 are listed\)/, format);
      }
      const report = lintReportOf((await skillsmith(['lint', 'many-links', '--format', 'json'], root)).stdout);
      assert.equal(report.skills[0].diagnostics.filter((d) => d.rule === 'link-broken').length, 1001);
    });

    it('stops quietly when the reader of its output goes away (`skillsmith lint . | head`)', async () => {
      skill('many-links-for-head', '[x](missing.md) '.repeat(50_000));
      const child = spawn(process.execPath, [CLI, 'lint', 'many-links-for-head', '--format', 'text'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.destroy(); // the reader leaves before the report is written
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(stderr, '');
      assert.equal(code, 141);
    });

    it('lints a folder holding a file and a folder whose names are not UTF-8, and reports them', async () => {
      const dir = skill('latin-names', 'See [notes](notes.md).\n', 'latin-names');
      writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9]), Buffer.from('.md')]), 'x');
      mkdirSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0x64, 0xe9, 0x6a, 0xe0])]));
      const { code, stdout, stderr } = await skillsmith(['lint', 'latin-names', '--format', 'json'], root);
      assert.equal(stderr, '');
      assert.equal(code, 1);
      const rules = lintReportOf(stdout).skills[0].diagnostics.map((d) => `${d.rule} ${d.message.split(' ')[0]}`);
      assert.deepEqual(rules, [
        'link-broken `notes.md`',
        'upload-name-not-utf8 `d\uFFFDj\uFFFD/`',
        'upload-name-not-utf8 `r\uFFFDsum\uFFFD.md`',
      ]);
    });

    it('prints the terminal escapes of folder names and frontmatter values as text, not as commands', async () => {
      skill(Buffer.from('evil\x1b[2J\x1b]0;pwned\x07'), 'Body.\n', '"x\\e[31mred\\u009b"');
      const { stdout } = await skillsmith(['lint', '.'], root);
      assert.ok(stdout.includes('evil\\x1B[2J\\x1B]0;pwned\\x07/SKILL.md'), stdout);
      assert.ok(stdout.includes('x\\x1B[31mred\\x9B'), stdout);
      assert.doesNotMatch(stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    });
  });
});
