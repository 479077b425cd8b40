/** The deterministic checks of an output case, run locally against the turn: no judge. */
import * as vm from 'node:vm';
import type { AssistantTurn } from '../chat/viewModel';
import { countOf } from '../text/count';
import { skillUses } from './skillActivity';
import type { EvalCheck } from './types';

/** One graded statement in skill-creator's `grading.json` shape. */
export interface GradedExpectation {
  readonly text: string;
  readonly passed: boolean;
  readonly evidence: string;
  /** True when no verdict could be reached (a grader that skipped it, a pattern that ran too long): the run errs. */
  readonly unjudged?: boolean;
}

/** How long a `matches` pattern may run on an answer before the check gives up (a pattern such as `(a+)+b`). */
export const MATCH_TIMEOUT_MS = 500;

/** The answer's text: every text block of the turn, in order. */
export function answerText(turn: AssistantTurn): string {
  return turn.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

/** Runs each check against the turn; the skill's scripts are looked up under `/skills/<directory>/`. */
export function runChecks(checks: readonly EvalCheck[], turn: AssistantTurn, directory: string): GradedExpectation[] {
  const answer = answerText(turn);
  return checks.map((check) => {
    switch (check.type) {
      case 'contains': {
        const passed = answer.includes(check.value);
        return {
          text: `The answer contains "${check.value}"`,
          passed,
          evidence: passed ? 'Found in the answer.' : 'Not found in the answer.',
        };
      }
      case 'matches': {
        const text = `The answer matches /${check.pattern}/${check.flags ?? ''}`;
        const match = boundedExec(new RegExp(check.pattern, check.flags), answer);
        if (match === 'timeout') {
          return {
            text,
            passed: false,
            unjudged: true,
            evidence: `The pattern ran longer than ${MATCH_TIMEOUT_MS} ms on the answer (${countOf(answer.length, 'character')}) and was stopped: simplify it (nested repeats such as (a+)+ backtrack without end).`,
          };
        }
        return { text, passed: match !== null, evidence: match ? `Matched "${match[0].slice(0, 200)}".` : 'No match in the answer.' };
      }
      case 'file_exists': {
        const names = turn.files.map((file) => file.filename ?? file.fileId);
        const passed = names.some((name) => name === check.name || name.endsWith(`/${check.name}`));
        return {
          text: `A file named "${check.name}" was produced`,
          passed,
          evidence: names.length === 0 ? 'The turn produced no files.' : `Produced: ${names.join(', ')}.`,
        };
      }
      case 'script_ran': {
        const ran = skillUses(turn).get(directory)?.scriptsRun ?? [];
        const passed = ran.includes(check.script.replace(/^\.\//, ''));
        return {
          text: `The script ${check.script} ran`,
          passed,
          evidence: ran.length === 0 ? 'No script of the skill ran.' : `Ran: ${ran.join(', ')}.`,
        };
      }
    }
  });
}

/** `pattern.exec(text)`, stopped after `MATCH_TIMEOUT_MS` (V8 interrupts a backtracking match at the deadline). */
function boundedExec(pattern: RegExp, text: string): RegExpExecArray | null | 'timeout' {
  try {
    return vm.runInNewContext('pattern.exec(text)', { pattern, text }, { timeout: MATCH_TIMEOUT_MS }) as RegExpExecArray | null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    throw error;
  }
}
