/** What `run` and `eval` share: the SDK made from the environment, and the model choice. */
import type Anthropic from '@anthropic-ai/sdk';
import { createSdk } from '../core/api/createSdk';
import { defaultModel, FALLBACK_MODEL } from '../core/chat/defaultModel';
import { listModels } from '../core/chat/serviceCalls';
import { messageOf } from '../core/messageOf';
import { apiKeyFrom, noKeyText } from './apiKey';
import type { TextSink } from './textSink';
import { terminalOutput } from './terminalText';

/** Where an API subcommand reads its key and writes its complaints. */
export interface ApiIo {
  readonly stderr: TextSink;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The SDK for `skillsmith NAME`, with the key from ANTHROPIC_API_KEY and the base URL from `baseUrl`, else
 * ANTHROPIC_BASE_URL; null after saying what to set when there is no key.
 */
export function sdkFromEnvironment(name: string, baseUrl: string | undefined, io: ApiIo): Anthropic | null {
  const apiKey = apiKeyFrom(io.env);
  if (!apiKey) {
    io.stderr.write(noKeyText(name));
    return null;
  }
  return createSdk({ apiKey, baseUrl: baseUrl ?? (io.env['ANTHROPIC_BASE_URL']?.trim() || undefined) });
}

/** `given`, else a current model from the service's list; the fallback (with a note) when the list is unavailable. */
export async function chooseModel(name: string, given: string | undefined, sdk: Anthropic, io: ApiIo): Promise<string> {
  if (given) return given;
  try {
    return defaultModel(await listModels(sdk));
  } catch (error) {
    terminalOutput(io.stderr).text(
      `skillsmith ${name}: could not list the models (${messageOf(error)}); using ${FALLBACK_MODEL}. Pass --model to choose.\n`,
    );
    return FALLBACK_MODEL;
  }
}
