/** Reads the arguments of `skillsmith tune`. */
import { formatCount } from '../core/text/count';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_REQUESTS, DEFAULT_RUNS } from '../core/evals/runEvals';
import { DEFAULT_HOLDOUT } from '../core/evals/tune/split';
import { commandArgs, UsageError, wholeNumber } from './args';

/** What `skillsmith tune` was asked to do. */
export interface TuneArgs {
  /** The skill folder. */
  readonly path: string;
  readonly candidates: readonly string[];
  readonly rounds: number;
  readonly runs: number;
  readonly holdout: number;
  readonly seed: number;
  readonly apply: boolean;
  readonly format: 'text' | 'json';
  readonly model?: string;
  readonly maxTokens: number;
  readonly concurrency: number;
  readonly maxRequests: number;
  readonly out?: string;
  readonly baseUrl?: string;
}

/** `max_tokens` of tuning requests when not given: a trigger answer and a few descriptions are short. */
export const TUNE_MAX_TOKENS = 2048;

/** The help text of `skillsmith tune`. */
export const TUNE_USAGE = `Usage: skillsmith tune PATH [--candidate TEXT]... [--rounds N] [--runs N] [--holdout 0.4] [--seed S]
                      [--apply] [--format text|json]

Tunes the description of the skill in PATH on its trigger evals (evals/trigger-evals.json) through the Claude
API. The cases are split into train and holdout (stratified by should_trigger, seeded). The current description
is measured first, then your candidates and, each round, descriptions a model proposes from the train cases the
best one got wrong. Each description runs on a temporary skill (the same files, that description) which is
deleted, versions first, whatever happens; your skill and its versions are never touched. A description that is
not lint-clean for claude-api (over 1,024 characters, an XML tag) is dropped with the reason. The winner is the
best on holdout (ties: the shorter). A table per round goes to stdout; tuning.json to PATH/evals/results/.

Options:
  --candidate TEXT        a description to try (repeatable)
  --rounds N              rounds of model proposals, 0 for your candidates only (default 1)
  --runs N                runs per case (default ${DEFAULT_RUNS})
  --holdout R             the share of each kind of case held out, 0.1-0.9 (default ${DEFAULT_HOLDOUT})
  --seed S                the split's seed, a whole number (default 0)
  --apply                 write the winner into SKILL.md's frontmatter description (nothing else changes)
  --format NAME           text (default) or json
  --model ID              the model (default: a current model from the service's list)
  --max-tokens N          max_tokens of each request (default ${TUNE_MAX_TOKENS})
  --concurrency N         requests at a time (default ${DEFAULT_CONCURRENCY})
  --max-requests N        the most requests sent, continuations included (default ${formatCount(DEFAULT_MAX_REQUESTS)});
                          a tuning planned over it is refused
  --out DIR               where to write tuning.json (default PATH/evals/results)
  --base-url URL          the API's base URL (default: ANTHROPIC_BASE_URL, else the SDK's)
  -h, --help              show this help

The key comes from ANTHROPIC_API_KEY. Exit status: 0 tuned (the winner may be the current description), 1 no
candidate to measure or the request cap was reached, 2 usage, eval file or skill error, 130 interrupted (the
temporary skills are deleted first).`;

/** The arguments of `skillsmith tune`: one PATH, the candidates, the rounds, runs and split, and request options. */
export const TUNE_ARGS = commandArgs({
  name: 'tune',
  usage: TUNE_USAGE,
  options: {
    candidate: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string' },
    runs: { type: 'string' },
    holdout: { type: 'string' },
    seed: { type: 'string' },
    apply: { type: 'boolean', default: false },
    model: { type: 'string' },
    'max-tokens': { type: 'string' },
    concurrency: { type: 'string' },
    'max-requests': { type: 'string' },
    out: { type: 'string' },
    'base-url': { type: 'string' },
  },
  formats: ['text', 'json'],
  read: ({ values, positionals, format }): TuneArgs => {
    const [path] = positionals;
    if (path === undefined || positionals.length !== 1) throw new UsageError('Give one PATH: the skill folder.');
    const holdoutText = values.holdout;
    const holdout = holdoutText === undefined ? DEFAULT_HOLDOUT : Number(holdoutText);
    if (holdoutText !== undefined && (holdoutText.trim() === '' || !(holdout >= 0.1 && holdout <= 0.9)))
      throw new UsageError(`--holdout must be a number from 0.1 to 0.9, not '${holdoutText}'.`);
    return {
      path,
      candidates: values.candidate,
      rounds: wholeNumber('rounds', values.rounds, 0, 10) ?? 1,
      runs: wholeNumber('runs', values.runs, 1, 20) ?? DEFAULT_RUNS,
      holdout,
      seed: wholeNumber('seed', values.seed, 0, 2 ** 32 - 1) ?? 0,
      apply: values.apply,
      format,
      model: values.model?.trim() || undefined,
      maxTokens: wholeNumber('max-tokens', values['max-tokens'], 1) ?? TUNE_MAX_TOKENS,
      concurrency: wholeNumber('concurrency', values.concurrency, 1, 64) ?? DEFAULT_CONCURRENCY,
      maxRequests: wholeNumber('max-requests', values['max-requests'], 1) ?? DEFAULT_MAX_REQUESTS,
      out: values.out?.trim() || undefined,
      baseUrl: values['base-url']?.trim() || undefined,
    };
  },
});
