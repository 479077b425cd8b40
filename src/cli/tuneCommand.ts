/** `skillsmith tune`: the description of a skill tuned on its trigger evals through the Claude API. Loaded on first use. */
import * as path from 'node:path';
import { createSkillsClient } from '../core/api/client';
import { EvalFileError } from '../core/evals/evalFiles';
import { CostCapError } from '../core/evals/plan';
import { applyDescription } from '../core/evals/tune/applyDescription';
import { saveTuning, tuningJson } from '../core/evals/tune/saveTuning';
import { TuneError, tuneDescription, type TuneEvent, type TuneResult } from '../core/evals/tune/tuneDescription';
import { messageOf } from '../core/messageOf';
import { countOf, formatCount } from '../core/text/count';
import { chooseModel, sdkFromEnvironment } from './apiSubcommand';
import { runWithArgs } from './args';
import type { EvalIo } from './evalCommand';
import { evalErrorText } from './evalFileText';
import { oneLine, terminalOutput } from './terminalText';
import { TUNE_ARGS, type TuneArgs } from './tuneArgs';
import { tuneText } from './tuneReport';

const processIo: EvalIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // Every Ctrl-C is caught until the tuning has deleted its temporary skills: a second one must not cut that short.
  onInterrupt: (stop) => {
    process.on('SIGINT', stop);
    return () => process.off('SIGINT', stop);
  },
};

/** Runs `skillsmith tune`; returns the exit code (see `TUNE_USAGE`). */
export function runTuneCommand(argv: string[], io: EvalIo = processIo): Promise<number> {
  return runWithArgs(TUNE_ARGS, argv, (args) => tune(args, io), io);
}

async function tune(args: TuneArgs, io: EvalIo): Promise<number> {
  const sdk = sdkFromEnvironment('tune', args.baseUrl, io);
  if (!sdk) return 2;
  const client = createSkillsClient({
    apiKey: io.env['ANTHROPIC_API_KEY']?.trim(),
    baseUrl: args.baseUrl ?? (io.env['ANTHROPIC_BASE_URL']?.trim() || undefined),
  });
  const model = await chooseModel('tune', args.model, sdk, io);
  const controller = new AbortController();
  let interrupted = false;
  const stopListening = io.onInterrupt(() => {
    if (!interrupted) io.stderr.write('skillsmith tune: interrupted; deleting the temporary skills…\n');
    interrupted = true;
    controller.abort();
  });
  const folder = path.resolve(args.path);
  let result: TuneResult;
  try {
    result = await tuneDescription(sdk, client, folder, {
      candidates: args.candidates,
      rounds: args.rounds,
      runs: args.runs,
      holdout: args.holdout,
      seed: args.seed,
      model,
      maxTokens: args.maxTokens,
      concurrency: args.concurrency,
      maxRequests: args.maxRequests,
      signal: controller.signal,
      onEvent: (event) => io.stderr.write(progressLine(event, args)),
    });
  } catch (error) {
    if (error instanceof CostCapError)
      return usage(io, `${error.message.replace('This eval run', 'This tuning')} (--max-requests sets the cap)`);
    if (error instanceof TuneError || error instanceof EvalFileError) return usage(io, evalErrorText(error));
    io.stderr.write(`skillsmith tune: the tuning stopped: ${messageOf(error)} The temporary skills were deleted.\n`);
    return 1;
  } finally {
    stopListening();
  }
  if (result.cancelled) {
    io.stderr.write(
      result.leftBehind.length === 0
        ? 'skillsmith tune: interrupted; every temporary skill was deleted.\n'
        : `skillsmith tune: interrupted; could not delete ${result.leftBehind.map((item) => item.skillId).join(', ')}: delete them by hand.\n`,
    );
    return 130;
  }
  const resultsFile = await saveTuning(
    folder,
    tuningJson(result, args.runs, args.seed, args.holdout),
    args.out ? path.resolve(args.out) : undefined,
  );
  let applied = false;
  if (args.apply && !result.noCandidates && result.winner !== result.current) {
    try {
      await applyDescription(result.skillMdFile, result.skillMd, result.winner.description);
      applied = true;
    } catch (error) {
      io.stderr.write(`skillsmith tune: ${messageOf(error)}\n`);
    }
  }
  const relative = path.relative(process.cwd(), resultsFile);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? resultsFile : relative;
  const stdout = terminalOutput(io.stdout);
  if (args.format === 'json')
    stdout.formatted(
      `${JSON.stringify({ ...tuningJson(result, args.runs, args.seed, args.holdout), applied, results_file: resultsFile }, null, 2)}\n`,
    );
  else stdout.text(tuneText(result, shown, applied));
  return result.noCandidates || result.capReached || (args.apply && !applied && result.winner !== result.current) ? 1 : 0;
}

/** A line of progress for stderr. */
function progressLine(event: TuneEvent, args: TuneArgs): string {
  switch (event.type) {
    case 'plan':
      return `skillsmith tune: ${formatCount(event.split.train.length)} train and ${countOf(event.split.holdout.length, 'holdout case')}, ${countOf(args.runs, 'run')} each; at most ${countOf(event.estimate.requests, 'request')} (up to ${formatCount(event.estimate.worstCaseRequests)} with continuations, cap ${formatCount(args.maxRequests)}), about ${countOf(event.estimate.inputTokens, 'input token')}.\n`;
    case 'measuring':
      return `skillsmith tune: measuring ${event.source === 'current' ? 'the current description' : `${event.source === 'user' ? 'your' : "the model's"} candidate "${oneLine(event.description, 60)}"`}…\n`;
    case 'dropped':
      return `skillsmith tune: dropped "${oneLine(event.description, 60)}": ${oneLine(event.reason, 160)}\n`;
    case 'proposals':
      return event.problem === null
        ? `skillsmith tune: round ${event.round}: the model proposed ${countOf(event.count, 'description')}.\n`
        : `skillsmith tune: round ${event.round}: the model proposed nothing usable (${event.problem}).\n`;
    case 'measured':
      return '';
  }
}

function usage(io: EvalIo, message: string): number {
  io.stderr.write(`skillsmith tune: ${message}\n`);
  return 2;
}
