/** Where the CLI's API key comes from, and what a command says without one. */
import { NO_KEY_MESSAGE } from '../core/api/noKey';

/** The API key in ANTHROPIC_API_KEY; undefined when it is unset or blank. */
export function apiKeyFrom(env: NodeJS.ProcessEnv): string | undefined {
  return env['ANTHROPIC_API_KEY']?.trim() || undefined;
}

/** The line `skillsmith NAME` prints on stderr without a key (then it exits 2). */
export function noKeyText(name: string): string {
  return `skillsmith ${name}: ${NO_KEY_MESSAGE} Set ANTHROPIC_API_KEY to your key (the key is read from the environment only).\n`;
}
