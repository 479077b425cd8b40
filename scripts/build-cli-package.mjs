// The `prepack` of packages/cli (run by `npm pack ./packages/cli` and `npm publish ./packages/cli`): builds the
// `skillsmith` command's production bundles into packages/cli/dist and puts the licence beside its manifest, so the
// tarball carries everything the command runs (the SDK, yaml, diff and jszip inlined) and depends on nothing.
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './lib/process.mjs';
import { REPO_ROOT } from './lib/tools.mjs';

const PACKAGE_DIR = path.join(REPO_ROOT, 'packages', 'cli');
const outdir = path.join(PACKAGE_DIR, 'dist');

rmSync(outdir, { recursive: true, force: true });
await runCommand(process.execPath, ['esbuild.js', '--production', '--cli-outdir', outdir], { cwd: REPO_ROOT });
copyFileSync(path.join(REPO_ROOT, 'LICENSE'), path.join(PACKAGE_DIR, 'LICENSE'));
