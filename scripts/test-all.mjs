// `npm test`: every layer in order, stopping at the first failure. Prints each phase's result and a final
// `N passed, N failed` line summing the test phases (a failing non-test phase counts as one failure).
import path from 'node:path';
import { runEchoed } from './lib/process.mjs';
import { parseResultLine, resultLine } from './lib/summary.mjs';
import { PROVISION_SCRIPT, provisionEnv, REPO_ROOT } from './lib/tools.mjs';

const node = process.execPath;
const script = (name) => path.join('scripts', name);

/** The phases: `counts` phases print a result line that is added to the total. */
const PHASES = [
  { name: 'provision', command: 'bash', args: [PROVISION_SCRIPT], env: provisionEnv(), counts: false },
  { name: 'typecheck', command: node, args: [script('typecheck.mjs')], counts: false },
  { name: 'lint', command: node, args: [path.join('tools', 'eslint', 'node_modules', 'eslint', 'bin', 'eslint.js')], counts: false },
  { name: 'format', command: node, args: [path.join('node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.'], counts: false },
  { name: 'build', command: node, args: ['esbuild.js'], counts: false },
  { name: 'unit', command: node, args: [script('run-unit.mjs')], counts: true },
  { name: 'process', command: node, args: [script('run-process.mjs')], counts: true },
  { name: 'package', command: node, args: [script('run-package.mjs')], counts: true },
  { name: 'integration', command: node, args: [script('run-integration.mjs')], counts: true },
  { name: 'e2e', command: node, args: [script('run-e2e.mjs')], counts: true },
];

const totals = { passed: 0, failed: 0 };
const report = [];
let failedPhase;
for (const phase of PHASES) {
  if (failedPhase) {
    report.push(`  - ${phase.name}: not run (${failedPhase} failed)`);
    continue;
  }
  console.log(`\n=== ${phase.name} ===`);
  const started = Date.now();
  const { code, output } = await runEchoed(phase.command, phase.args, { cwd: REPO_ROOT, env: phase.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = phase.counts ? parseResultLine(output) : undefined;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
  }
  if (code === 0) {
    report.push(`  ✔ ${phase.name} (${seconds} s${counts ? `, ${resultLine(counts.passed, counts.failed)}` : ''})`);
  } else {
    failedPhase = phase.name;
    if (!counts?.failed) totals.failed += 1;
    report.push(
      `  ✘ ${phase.name} FAILED with exit code ${code} after ${seconds} s${counts ? ` (${resultLine(counts.passed, counts.failed)})` : ''}`,
    );
  }
}

console.log(`\n=== summary ===\n${report.join('\n')}`);
if (failedPhase) console.log(`\nnpm test failed in phase "${failedPhase}": see its output above.`);
console.log(resultLine(totals.passed, totals.failed));
process.exitCode = failedPhase ? 1 : 0;
