/** Reads the arguments of `skillsmith run`. */
import type { ApiForm } from '../core/chat/session';
import type { ChosenSkill } from '../core/chat/viewModel';
import { readArgs } from './apiSubcommand';

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
  readonly help: boolean;
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

/** The parsed arguments, or a message saying what is wrong with them. */
export function parseRunArgs(args: readonly string[]): RunArgs | { readonly error: string } {
  const parsed = readArgs(
    args,
    {
      skill: { type: 'string', multiple: true, default: [] },
      model: { type: 'string' },
      'max-tokens': { type: 'string' },
      system: { type: 'string' },
      'max-continuations': { type: 'string' },
      beta: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
    },
    ['text', 'json'],
  );
  if ('error' in parsed) return parsed;
  const { values, positionals, help, format } = parsed;
  const skills: ChosenSkill[] = [];
  for (const spec of values.skill ?? []) {
    const skill = parseSkillSpec(spec);
    if ('error' in skill) return skill;
    skills.push(skill);
  }
  const maxTokens = positiveInteger(values['max-tokens'], '--max-tokens', 1);
  if (typeof maxTokens === 'object') return maxTokens;
  const maxContinuations = positiveInteger(values['max-continuations'], '--max-continuations', 0);
  if (typeof maxContinuations === 'object') return maxContinuations;
  const prompt = positionals.join(' ');
  if (!help && prompt.trim() === '') return { error: 'Give the prompt as the last argument (or - to read it from standard input).' };
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
    help,
  };
}

/**
 * A skill from `[anthropic:|custom:]ID[@VERSION]`. Without a prefix, an id starting with `skill_` is a custom
 * skill and anything else (`xlsx`) an Anthropic one.
 */
export function parseSkillSpec(spec: string): ChosenSkill | { readonly error: string } {
  const prefix = /^(anthropic|custom):/.exec(spec);
  const rest = prefix ? spec.slice(prefix[0].length) : spec;
  const at = rest.indexOf('@');
  const skillId = (at < 0 ? rest : rest.slice(0, at)).trim();
  const version = at < 0 ? undefined : rest.slice(at + 1).trim();
  if (skillId === '' || version === '') return { error: `--skill '${spec}' needs an id, and a version after @ if there is an @.` };
  const type = (prefix?.[1] as ChosenSkill['type'] | undefined) ?? (skillId.startsWith('skill_') ? 'custom' : 'anthropic');
  return version === undefined ? { type, skillId } : { type, skillId, version };
}

function positiveInteger(raw: string | undefined, flag: string, min: number): number | undefined | { readonly error: string } {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min ? value : { error: `${flag} must be a whole number of at least ${min}, not '${raw}'.` };
}
