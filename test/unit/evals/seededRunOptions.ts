import type { EvalRunOptions } from '../../../src/core/evals/runEvals';
import type { SuiteEmulator } from '../emulator/support';

/** Run options for the seeded emulator's csv-cleaner skill, 3 runs a case, with `extra` on top. */
export function seededRunOptions(env: SuiteEmulator, extra: Partial<EvalRunOptions> = {}): EvalRunOptions {
  const skill = env.emulator.admin.store.list('custom').find((candidate) => candidate.name === 'csv-cleaner');
  if (!skill) throw new Error('The seeded emulator has a csv-cleaner skill.');
  return {
    skill: { skillId: skill.id, directory: 'csv-cleaner' },
    baseline: { kind: 'none' },
    model: 'claude-sonnet-5-5',
    graderModel: 'claude-haiku-5-5',
    maxTokens: 4096,
    runs: 3,
    ...extra,
  };
}
