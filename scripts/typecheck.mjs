// `npm run typecheck`: every TypeScript project of the repository, strict, no emit. The Node side and the
// browser side have their own tsconfig so neither sees the other's globals (no DOM in the host, no Node in the webview).
import path from 'node:path';
import { runEchoed } from './lib/process.mjs';
import { REPO_ROOT } from './lib/tools.mjs';

/** Each project's tsconfig, relative to the repository root. */
export const PROJECTS = ['tsconfig.json', 'src/webview/tsconfig.json', 'bench/chatFrames/page/tsconfig.json', 'test/webview/tsconfig.json'];

const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = 0;
for (const project of PROJECTS) {
  const { code } = await runEchoed(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: REPO_ROOT });
  if (code !== 0) {
    failed += 1;
    console.log(`typecheck: ${project} has errors`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
