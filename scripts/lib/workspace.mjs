// The sample workspace of skills, copied so a run may change it freely.
import { cpSync, readdirSync, rmSync } from 'node:fs';
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
 * Puts the copy made by `copyFixtureWorkspace` back as the fixture has it (what a journey wrote, such as an
 * exported zip or scaffolded evals, is removed), keeping the folder itself, which a running workbench has open.
 */
export function resetFixtureWorkspace(target) {
  for (const entry of readdirSync(target)) rmSync(path.join(target, entry), { recursive: true, force: true });
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
}
