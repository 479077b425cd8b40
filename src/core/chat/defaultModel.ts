import type { ModelInfo } from './session';

/** The model used when nothing else says which (no setting, no `--model`, and the model list is unavailable). */
export const FALLBACK_MODEL = 'claude-sonnet-5-5';

/** The current models Skillsmith knows, newest and largest first: what a model field offers when the service's list cannot be read. */
export const KNOWN_MODELS: readonly string[] = ['claude-opus-5-5', FALLBACK_MODEL, 'claude-haiku-5-5'];

/**
 * `max_tokens` when nothing else says, in the chat panel, `skillsmith run` and the evals alike, so a skill behaves
 * the same in each: room for a skill's tool calls (a generated script is often a few thousand tokens) and a full
 * answer. The panel's 4096 cut such turns off with stop_reason max_tokens.
 */
export const DEFAULT_MAX_TOKENS = 8192;

/**
 * The model to default to from the service's list: the first (newest) active Sonnet, else the first active
 * model, else `FALLBACK_MODEL`. Never a deprecated or retired one.
 */
export function defaultModel(models: readonly ModelInfo[]): string {
  const active = models.filter((model) => model.lifecycle === 'active');
  return (active.find((model) => model.line === 'sonnet') ?? active[0])?.id ?? FALLBACK_MODEL;
}
