import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { withoutNpmEnv } from '../../scripts/lib/npmEnv.mjs';
import { provision, REPO_ROOT } from '../../scripts/lib/tools.mjs';
import { outcomeOf, type Outcome } from '../support/outcome';
import { lintReportOf, publishedOf } from '../support/cliJson';

const run = promisify(execFile);
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'skills');
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };

/** What `npm pack ./packages/cli --json` says of the tarball. */
interface PackReport {
  filename: string;
  files: { path: string }[];
}

describe('the skillsmith npm package (npm pack ./packages/cli, installed with npm install -g)', () => {
  let scratch: string;
  let prefix: string;
  let report: PackReport;
  let node24: string;

  /** Runs the installed `skillsmith` as a shell would find it on PATH, under the Node whose binary is `node`. */
  function skillsmith(args: string[], node = process.execPath, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
    const PATH = [path.join(prefix, 'bin'), path.dirname(node), '/usr/bin', '/bin'].join(path.delimiter);
    return outcomeOf(path.join(prefix, 'bin', 'skillsmith'), args, { cwd: scratch, env: { PATH, HOME: scratch, NO_COLOR: '', ...env } });
  }

  before(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'skillsmith-package-'));
    prefix = path.join(scratch, 'prefix');
    ({ node24 } = await provision());
    const npmEnv = { ...withoutNpmEnv(process.env), npm_config_cache: path.join(scratch, 'npm-cache') };
    const packed = await run('npm', ['pack', './packages/cli', '--pack-destination', scratch, '--json'], { cwd: REPO_ROOT, env: npmEnv });
    [report] = JSON.parse(packed.stdout) as PackReport[];
    // An empty cache and --offline: an install that needed anything from a registry would fail here.
    await run(
      'npm',
      ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(scratch, report.filename)],
      { cwd: scratch, env: npmEnv },
    );
    cpSync(FIXTURES, path.join(scratch, 'skills'), { recursive: true });
  });

  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is skillsmith-<version>.tgz holding the bundles, the manifest, the README and the licence, and nothing else', () => {
    assert.equal(report.filename, `skillsmith-${version}.tgz`);
    const subcommands = readdirSync(path.join(REPO_ROOT, 'src', 'cli'))
      .filter((f) => /^[a-z]+Command\.ts$/.test(f))
      .map((f) => `dist/cli-${f.replace(/\.ts$/, '.js')}`);
    const expected = ['LICENSE', 'README.md', 'package.json', 'dist/api.js', 'dist/cli.js', 'dist/yaml.js', ...subcommands];
    assert.deepEqual(report.files.map((f) => f.path).sort(), expected.sort());
  });

  it('installs with no dependencies and the version of the extension', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'skillsmith');
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(existsSync(path.join(installed, 'node_modules')), false);
    const extension = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version, extension.version);
  });

  for (const [label, node] of [
    ['the Node running the tests', () => process.execPath],
    ['Node 24', () => node24],
  ] as const) {
    it(`runs --help and lints, on ${label}`, async () => {
      const help = await skillsmith(['--help'], node());
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /^Usage: skillsmith <command> \[options\]\n/);
      assert.match(help.stdout, /^ {2}lint {7}lint SKILL\.md files and skill folders$/m);

      const good = await skillsmith(['lint', 'skills/good-skill', '--format', 'json'], node());
      assert.equal(good.code, 0, good.stderr);
      assert.deepEqual(lintReportOf(good.stdout).summary, { skills: 1, errors: 0, warnings: 0 });
      const all = await skillsmith(['lint', 'skills'], node());
      assert.equal(all.code, 1);
      assert.match(all.stdout, /^skills\/bad-skill\/SKILL\.md\n {2}3:22 +error .* yaml-syntax$/m);
    });
  }

  it('publishes through the SDK it carries, to the emulator it carries', async () => {
    const emulator = spawn(path.join(prefix, 'bin', 'skillsmith'), ['emulator', '--port', '0'], {
      cwd: scratch,
      env: { PATH: [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        emulator.once('exit', (code) => reject(new Error(`the installed emulator exited (${code}) before listening: ${output}`)));
        emulator.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]);
        });
      });
      const published = await skillsmith(['publish', 'skills/good-skill', '--new', '--format', 'json'], process.execPath, {
        ANTHROPIC_BASE_URL: url,
        ANTHROPIC_API_KEY: 'emulator-local-key',
      });
      assert.equal(published.code, 0, published.stderr);
      assert.match(publishedOf(published.stdout).skill_id, /^skill_/);
    } finally {
      emulator.kill('SIGTERM');
    }
  });
});
