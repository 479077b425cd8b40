/** `skillsmith eval`: a skill's trigger and output evals through the Claude API, for CI. Loaded on first use. */
import * as path from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { DEFAULT_MAX_TOKENS } from '../core/chat/defaultModel';
import { EvalFileError } from '../core/evals/evalFiles';
import { loadEvals, type LoadedEvals } from '../core/evals/loadEvals';
import { CostCapError, type CostEstimate } from '../core/evals/plan';
import { runEvals } from '../core/evals/runEvals';
import { saveResults } from '../core/evals/saveResults';
import type { ConfigurationSummary } from '../core/evals/summary';
import { countOf, formatCount } from '../core/text/count';
import { chooseModel, sdkFromEnvironment } from './apiSubcommand';
import { runWithArgs } from './args';
import { EVAL_ARGS, type EvalArgs } from './evalArgs';
import { evalErrorText } from './evalFileText';
import { jsonReport, junitReport, textReport, type EvalReport } from './evalReport';
import { terminalOutput } from './terminalText';
import type { RunIo } from './runCommand';
import { messageOf } from '../core/messageOf';

/** What `skillsmith eval` reads and writes. */
export type EvalIo = Pick<RunIo, 'stdout' | 'stderr' | 'env' | 'onInterrupt'>;

const processIo: EvalIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt: (stop) => {
    process.once('SIGINT', stop);
    return () => process.off('SIGINT', stop);
  },
};

/**
 * Runs `skillsmith eval`; returns the exit code: 0 every case has a verdict and the thresholds are met; 1 a threshold
 * not met, a case errored (no verdict) or the request cap stopped the run; 2 usage or eval file error; 130 interrupted.
 */
export function runEvalCommand(argv: string[], io: EvalIo = processIo): Promise<number> {
  return runWithArgs(EVAL_ARGS, argv, (args) => evaluate(args, io), io);
}

async function evaluate(args: EvalArgs, io: EvalIo): Promise<number> {
  let evals: LoadedEvals;
  try {
    evals = await loadEvals(path.resolve(args.path));
  } catch (error) {
    return usage(io, evalErrorText(error));
  }
  const sdk = sdkFromEnvironment('eval', args.baseUrl, io);
  if (!sdk) return 2;
  const skillId = args.skillId ?? (await findSkillId(sdk, evals.name, io));
  if (skillId === null) return 2;
  const model = await chooseModel('eval', args.model, sdk, io);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  try {
    const result = await runEvals(sdk, evals, {
      skill: { skillId, directory: evals.name, ...(args.version ? { version: args.version } : {}) },
      otherSkills: args.otherSkills,
      baseline: args.baseline,
      model,
      graderModel: args.graderModel ?? model,
      maxTokens: args.maxTokens ?? DEFAULT_MAX_TOKENS,
      runs: args.runs,
      concurrency: args.concurrency,
      maxRequests: args.maxRequests,
      inputFolder: evals.skillFolder,
      signal: controller.signal,
      onPlan: (estimate) =>
        io.stderr.write(
          `skillsmith eval: ${planText(estimate, evals.triggers.length, evals.outputs.length, args.runs, args.maxRequests)}.\n`,
        ),
    });
    if (result.cancelled) {
      io.stderr.write('skillsmith eval: interrupted; no results written.\n');
      return 130;
    }
    const saved = await saveResults(evals, result.runs, {
      model,
      graderModel: args.graderModel ?? model,
      runsPerCase: args.runs,
      ...(args.out ? { folder: path.resolve(args.out) } : {}),
    });
    const report: EvalReport = {
      evals,
      cases: saved.cases,
      configurations: saved.configurations,
      runs: result.runs,
      resultsFolder: saved.resultsFolder,
      unmet: unmetThresholds(args, saved.configurations[0]),
      requestsSent: result.requestsSent,
      capReached: result.capReached ? args.maxRequests : null,
    };
    const stdout = terminalOutput(io.stdout);
    if (args.format === 'json') stdout.formatted(jsonReport(report));
    else stdout.text(args.format === 'junit' ? junitReport(report) : textReport(report));
    const errored = saved.cases.filter((item) => item.verdict === 'errored').length;
    if (result.capReached)
      io.stderr.write(
        `skillsmith eval: stopped at the cap of ${countOf(args.maxRequests, 'request')} (--max-requests); the runs not sent or not finished errored.\n`,
      );
    if (errored > 0)
      io.stderr.write(
        `skillsmith eval: ${countOf(errored, 'case')} errored: some runs did not complete, so ${errored === 1 ? 'it has' : 'they have'} no verdict.\n`,
      );
    return report.unmet.length > 0 || errored > 0 || result.capReached ? 1 : 0;
  } catch (error) {
    if (error instanceof CostCapError) return usage(io, `${error.message} (--max-requests sets the cap)`);
    if (error instanceof EvalFileError) return usage(io, evalErrorText(error));
    throw error;
  } finally {
    stopListening();
  }
}

/** The thresholds the configuration under test does not meet, as sentences. */
export function unmetThresholds(
  args: Pick<EvalArgs, 'minTriggerRate' | 'minPassRate'>,
  tested: ConfigurationSummary | undefined,
): string[] {
  const unmet: string[] = [];
  const triggerRate = tested?.triggerRate ?? Number.NaN;
  const passRate = tested && tested.outputRuns > 0 ? tested.passRate.mean : Number.NaN;
  if (args.minTriggerRate !== undefined && !(triggerRate >= args.minTriggerRate))
    unmet.push(`trigger rate ${Number.isNaN(triggerRate) ? 'n/a (no trigger cases)' : triggerRate.toFixed(2)} < ${args.minTriggerRate}`);
  if (args.minPassRate !== undefined && !(passRate >= args.minPassRate))
    unmet.push(`pass rate ${Number.isNaN(passRate) ? 'n/a (no output cases)' : passRate.toFixed(2)} < ${args.minPassRate}`);
  return unmet;
}

/** Pages of the skills list read when looking for the skill by name; a list that never ends stops here. */
export const MAX_SKILL_LIST_PAGES = 100;

/** The custom skill whose display name is `name` (how an upload without a display name is named); null after saying why. */
async function findSkillId(sdk: Anthropic, name: string, io: EvalIo): Promise<string | null> {
  const matches: string[] = [];
  try {
    let page = await sdk.skills.list({ source: 'custom', limit: 100 });
    for (let pages = 1; ; pages++) {
      for (const skill of page.data) if (skill.display_name === name) matches.push(skill.id);
      if (!page.hasNextPage()) break;
      if (pages >= MAX_SKILL_LIST_PAGES) {
        io.stderr.write(`skillsmith eval: the skills list did not end after ${MAX_SKILL_LIST_PAGES} pages; pass --skill-id.\n`);
        return null;
      }
      page = await page.getNextPage();
    }
  } catch (error) {
    terminalOutput(io.stderr).text(`skillsmith eval: could not list the skills (${messageOf(error)}); pass --skill-id.\n`);
    return null;
  }
  if (matches.length === 1) return matches[0] ?? null;
  terminalOutput(io.stderr).text(
    matches.length === 0
      ? `skillsmith eval: no custom skill is named ${name}; publish it first or pass --skill-id.\n`
      : `skillsmith eval: ${formatCount(matches.length)} custom skills are named ${name} (${matches.join(', ')}); pass --skill-id.\n`,
  );
  return null;
}

/**
/**
 * "16 requests, up to 52 if every run continues after pause_turn (cap 1,000); about 12,400 input tokens (7,500 of them
 * from the prompt cache, at a tenth of the price) and up to 16,000 output tokens, 52,000 if every run continues (4 trigger cases and 1 output case,
 * 2 runs each)".
 */
function planText(estimate: CostEstimate, triggers: number, outputs: number, runs: number, cap: number): string {
  const cases = `${countOf(triggers, 'trigger case')} and ${countOf(outputs, 'output case')}, ${countOf(runs, 'run')} each`;
  const requests = `${countOf(estimate.requests, 'request')}, up to ${formatCount(estimate.worstCaseRequests)} if every run continues after pause_turn (cap ${formatCount(cap)})`;
  const cached =
    estimate.cacheReadTokens > 0
      ? ` (${formatCount(estimate.cacheReadTokens)} of them from the prompt cache, at a tenth of the price)`
      : '';
  return `${requests}; about ${countOf(estimate.inputTokens, 'input token')}${cached} and up to ${countOf(estimate.outputTokens, 'output token')}, ${formatCount(estimate.maxOutputTokens)} if every run continues (${cases})`;
}

function usage(io: EvalIo, message: string): number {
  terminalOutput(io.stderr).text(`skillsmith eval: ${message}\n`);
  return 2;
}
