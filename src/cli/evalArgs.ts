/** Reads the arguments of `skillsmith eval`. */
import type { ChosenSkill } from '../core/chat/viewModel';
import type { Baseline } from '../core/evals/plan';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_REQUESTS, DEFAULT_RUNS } from '../core/evals/runEvals';
import { commandArgs, UsageError, wholeNumber } from './args';
import { parseSkillSpec } from './runArgs';

/** What `skillsmith eval` was asked to do. */
export interface EvalArgs {
  /** A skill folder or an eval file. */
  readonly path: string;
  /** Undefined: the custom skill whose display name is the folder's frontmatter name. */
  readonly skillId?: string;
  readonly version?: string;
  readonly runs: number;
  readonly baseline: Baseline;
  readonly format: 'text' | 'json' | 'junit';
  readonly minTriggerRate?: number;
  readonly minPassRate?: number;
  readonly model?: string;
  readonly graderModel?: string;
  readonly maxTokens?: number;
  readonly concurrency: number;
  readonly maxRequests: number;
  readonly otherSkills: readonly ChosenSkill[];
  readonly out?: string;
  readonly baseUrl?: string;
}

/** The help text of `skillsmith eval`. */
export const EVAL_USAGE = `Usage: skillsmith eval PATH [--skill-id ID] [--version V] [--runs N] [--baseline none|without-skill|VERSION]
                      [--format text|json|junit] [--min-trigger-rate R] [--min-pass-rate R]

Runs a skill's evals through the Claude API with the published skill in the container: trigger evals
(evals/trigger-evals.json, [{"query", "should_trigger"}]) and output evals (evals/evals.json, skill-creator's
format). PATH is a skill folder or one eval file inside it. Results are written as skill-creator's
grading.json and benchmark.json under PATH/evals/results/ (git-ignored, left out of uploads).

Options:
  --skill-id ID           the published skill (default: the custom skill named like the folder's SKILL.md)
  --version V             the version under test (default latest)
  --runs N                runs per case (default 3)
  --baseline B            none (default), without-skill (output cases without the skill), or a version to compare with
  --format NAME           text (default), json, or junit (for CI test reports)
  --min-trigger-rate R    exit 1 when fewer than R (0-1) of the trigger runs behave as expected
  --min-pass-rate R       exit 1 when the mean pass rate of the output runs is below R (0-1)
  --model ID              the model (default: a current model from the service's list)
  --grader-model ID       the model that grades expectations (default: --model)
  --max-tokens N          max_tokens of each request (default 8192)
  --concurrency N         requests at a time (default 8)
  --max-requests N        the most requests sent, continuations and graders included (default 1000)
  --other-skill SPEC      another skill beside it in every request, so near-misses compete (repeatable)
  --out DIR               where to write the results (default PATH/evals/results)
  --base-url URL          the API's base URL (default: ANTHROPIC_BASE_URL, else the SDK's)
  -h, --help              show this help

The key comes from ANTHROPIC_API_KEY. Before the first request the number of requests (and the worst case,
with every continuation after pause_turn) and an estimate of tokens go to stderr. A case whose runs did not all
complete errs: it has no verdict and never passes. Exit status: 0 every case has a verdict and all thresholds
are met, 1 a threshold not met, a case errored or the run stopped at --max-requests, 2 usage or eval file error.`;

/** The arguments of `skillsmith eval`: one PATH, the skill under test, the runs, thresholds and request options. */
export const EVAL_ARGS = commandArgs({
  name: 'eval',
  usage: EVAL_USAGE,
  options: {
    'skill-id': { type: 'string' },
    version: { type: 'string' },
    runs: { type: 'string' },
    baseline: { type: 'string', default: 'none' },
    'min-trigger-rate': { type: 'string' },
    'min-pass-rate': { type: 'string' },
    model: { type: 'string' },
    'grader-model': { type: 'string' },
    'max-tokens': { type: 'string' },
    concurrency: { type: 'string' },
    'max-requests': { type: 'string' },
    'other-skill': { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    'base-url': { type: 'string' },
  },
  formats: ['text', 'json', 'junit'],
  read: ({ values, positionals, format }): EvalArgs => {
    const [path] = positionals;
    if (path === undefined || positionals.length !== 1) throw new UsageError('Give one PATH: a skill folder or an eval file.');
    const runs = wholeNumber('runs', values.runs, 1, 100);
    const maxTokens = wholeNumber('max-tokens', values['max-tokens'], 1);
    const concurrency = wholeNumber('concurrency', values.concurrency, 1, 64);
    const maxRequests = wholeNumber('max-requests', values['max-requests'], 1);
    const minTriggerRate = rate('min-trigger-rate', values['min-trigger-rate']);
    const minPassRate = rate('min-pass-rate', values['min-pass-rate']);
    const otherSkills = values['other-skill'].map((spec) => parseSkillSpec(spec, 'other-skill'));
    const baselineText = values.baseline.trim();
    if (baselineText === '') throw new UsageError('--baseline needs none, without-skill or a version.');
    const baseline: Baseline =
      baselineText === 'none'
        ? { kind: 'none' }
        : baselineText === 'without-skill'
          ? { kind: 'without-skill' }
          : { kind: 'version', version: baselineText };
    return {
      path,
      skillId: values['skill-id']?.trim() || undefined,
      version: values.version?.trim() || undefined,
      runs: runs ?? DEFAULT_RUNS,
      baseline,
      format,
      minTriggerRate,
      minPassRate,
      model: values.model?.trim() || undefined,
      graderModel: values['grader-model']?.trim() || undefined,
      maxTokens,
      concurrency: concurrency ?? DEFAULT_CONCURRENCY,
      maxRequests: maxRequests ?? DEFAULT_MAX_REQUESTS,
      otherSkills,
      out: values.out?.trim() || undefined,
      baseUrl: values['base-url']?.trim() || undefined,
    };
  },
});

/** The rate `raw` of `--flag`, from 0 to 1; undefined when not given; throws `UsageError` otherwise. */
function rate(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`--${flag} must be a number from 0 to 1, not '${raw}'.`);
  return value;
}
