// The sample workspace of skills, copied so a run may change it freely.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './tools.mjs';

/** The sample workspace in the repository. */
const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

/** Copies the sample workspace to `<parentDir>/workspace` and returns that path. */
export function copyFixtureWorkspace(parentDir) {
  const target = path.join(parentDir, 'workspace');
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
  return target;
}

/**
 * The integration tests' workspace: a multi-root workspace file, `<parentDir>/tests.code-workspace`, whose first root
 * is a copy of the sample workspace (`copyFixtureWorkspace`) and whose second, `<parentDir>/second-root`, starts empty
 * (tests of resource-scoped settings put a skill folder there, with settings of its own). Returns the file's path.
 */
export function makeTestWorkspace(parentDir) {
  const first = copyFixtureWorkspace(parentDir);
  const second = path.join(parentDir, 'second-root');
  mkdirSync(second);
  const file = path.join(parentDir, 'tests.code-workspace');
  writeFileSync(file, `${JSON.stringify({ folders: [{ path: first }, { path: second }], settings: {} }, null, 2)}\n`);
  return file;
}

/**
 * Puts the copy made by `copyFixtureWorkspace` back as the fixture has it (what a journey wrote, such as an
 * exported zip or scaffolded evals, is removed), keeping the folder itself, which a running workbench has open.
 */
export function resetFixtureWorkspace(target) {
  for (const entry of readdirSync(target)) rmSync(path.join(target, entry), { recursive: true, force: true });
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
}
