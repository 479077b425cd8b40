import Anthropic from '@anthropic-ai/sdk';
import { loggingFetch } from './loggingFetch';
import type { ClientOptions } from './types';

/**
 * The one place an `Anthropic` SDK instance is made: the same key, base URL, workspace header, retries,
 * timeout and request log for the Skills client, the chat and anything else that calls the API.
 * Returns null without a key, so callers can fail with a `no-key` error of their own.
 */
export function createSdk(options: ClientOptions): Anthropic | null {
  if (!options.apiKey) return null;
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseUrl || undefined,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
    fetch: options.log ? loggingFetch(options.log) : undefined,
    defaultHeaders: options.workspaceId ? { 'anthropic-workspace-id': options.workspaceId } : undefined,
  });
}
