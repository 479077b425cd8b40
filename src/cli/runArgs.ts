/** Reads the arguments of `skillsmith run`. */
import type { ApiForm } from '../core/chat/session';
import type { ChosenSkill } from '../core/chat/viewModel';
import { commandArgs, UsageError, wholeNumber } from './args';

/** What `skillsmith run` was asked to do. */
export interface RunArgs {
  /** The prompt, or `-` to read it from standard input. */
  readonly prompt: string;
  readonly skills: readonly ChosenSkill[];
  /** Undefined: pick a current model from the service's list. */
  readonly model?: string;
  readonly maxTokens?: number;
  readonly system?: string;
  readonly apiForm: ApiForm;
  readonly maxContinuations?: number;
  readonly baseUrl?: string;
  readonly format: 'text' | 'json';
}

/** The help text of `skillsmith run`. */
export const RUN_USAGE = `Usage: skillsmith run [--skill ID[@VERSION]]... [--model M] [--format text|json] "prompt"

Sends one prompt to the Claude API with skills in a code execution container and streams the
answer to stdout; tool calls and their output go to stderr. For smoke tests of skills in CI.

Options:
  --skill SPEC            a skill for the container (repeatable, at most 8): a custom skill id
                          (skill_…) or an Anthropic skill (xlsx, pdf, …), optionally @VERSION
                          (default latest); prefix anthropic: or custom: to say which
  --model ID              the model (default: a current model from the service's list)
  --max-tokens N          max_tokens of each request (default 8192)
  --system TEXT           a system prompt
  --max-continuations N   how often to continue after pause_turn (default 3)
  --beta                  use the older beta form (beta messages, code_execution_20250825)
  --base-url URL          the API's base URL (default: ANTHROPIC_BASE_URL, else the SDK's)
  --format NAME           text (default) or json (the final conversation as JSON on stdout)
  -h, --help              show this help

The key comes from ANTHROPIC_API_KEY. A prompt of - is read from standard input.
Exit status: 0 the answer finished, 1 it ended in an error, 2 usage error, 130 interrupted.`;

/** The arguments of `skillsmith run`: skills, model and request options, the format and the prompt. */
export const RUN_ARGS = commandArgs({
  name: 'run',
  usage: RUN_USAGE,
  options: {
    skill: { type: 'string', multiple: true, default: [] },
    model: { type: 'string' },
    'max-tokens': { type: 'string' },
    system: { type: 'string' },
    'max-continuations': { type: 'string' },
    beta: { type: 'boolean', default: false },
    'base-url': { type: 'string' },
  },
  formats: ['text', 'json'],
  read: ({ values, positionals, format }): RunArgs => {
    const skills = values.skill.map((spec) => parseSkillSpec(spec));
    const maxTokens = wholeNumber('max-tokens', values['max-tokens'], 1);
    const maxContinuations = wholeNumber('max-continuations', values['max-continuations'], 0);
    const prompt = positionals.join(' ');
    if (prompt.trim() === '') throw new UsageError('Give the prompt as the last argument (or - to read it from standard input).');
    return {
      prompt,
      skills,
      model: values.model?.trim() || undefined,
      maxTokens,
      system: values.system,
      apiForm: values.beta ? 'beta' : 'ga',
      maxContinuations,
      baseUrl: values['base-url']?.trim() || undefined,
      format,
    };
  },
});

/**
 * A skill from `[anthropic:|custom:]ID[@VERSION]` given to `--flag`. Without a prefix, an id starting with `skill_`
 * is a custom skill and anything else (`xlsx`) an Anthropic one. Throws `UsageError` without an id.
 */
export function parseSkillSpec(spec: string, flag = 'skill'): ChosenSkill {
  const prefix = /^(anthropic|custom):/.exec(spec);
  const rest = prefix ? spec.slice(prefix[0].length) : spec;
  const at = rest.indexOf('@');
  const skillId = (at < 0 ? rest : rest.slice(0, at)).trim();
  const version = at < 0 ? undefined : rest.slice(at + 1).trim();
  if (skillId === '' || version === '') throw new UsageError(`--${flag} '${spec}' needs an id, and a version after @ if there is an @.`);
  const type = (prefix?.[1] as ChosenSkill['type'] | undefined) ?? (skillId.startsWith('skill_') ? 'custom' : 'anthropic');
  return version === undefined ? { type, skillId } : { type, skillId, version };
}
