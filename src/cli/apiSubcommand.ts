/** What `run` and `eval` share: the SDK made from the environment, and the model choice. */
import type Anthropic from '@anthropic-ai/sdk';
import { createSdk } from '../core/api/createSdk';
import { defaultModel, FALLBACK_MODEL } from '../core/chat/defaultModel';
import { listModels } from '../core/chat/serviceCalls';
import type { TextSink } from './textSink';

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
  const apiKey = io.env['ANTHROPIC_API_KEY']?.trim();
  if (!apiKey) {
    io.stderr.write(`skillsmith ${name}: set ANTHROPIC_API_KEY to an Anthropic API key (the key is read from the environment only).\n`);
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
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(`skillsmith ${name}: could not list the models (${reason}); using ${FALLBACK_MODEL}. Pass --model to choose.\n`);
    return FALLBACK_MODEL;
  }
}
