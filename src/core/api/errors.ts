import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { messageOf } from '../messageOf';
import { asSentence } from '../text/sentence';
import { NO_KEY_MESSAGE } from './noKey';
import type { ApiErrorKind } from './types';

/** The one error every `SkillsClient` method rejects with: `message` says what to do next. */
export class SkillsApiError extends Error {
  override readonly name = 'SkillsApiError';

  constructor(
    /** What went wrong, for code to branch on. */
    readonly kind: ApiErrorKind,
    message: string,
    /** The HTTP status, when the service answered. */
    readonly status?: number,
    /** The service's `request-id`, for the log and for support. */
    readonly requestId?: string,
    /** How long the service asked to wait before trying again (429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * The error of a client made without a key. Neutral on purpose: the editor and the CLI each add how to
 * set a key in their own terms.
 */
export function noKeyError(): SkillsApiError {
  return new SkillsApiError('no-key', NO_KEY_MESSAGE);
}

/** The error of a request cancelled by its `AbortSignal` (or of a workflow stopped between requests). */
export function cancelledError(): SkillsApiError {
  return new SkillsApiError('cancelled', 'The request was cancelled.');
}

/** Which API a request went to, as messages name it, and what to advise when it answers 403 or 404. */
export interface ApiContext {
  /** As in "Could not reach the Skills API." */
  readonly name: string;
  /** The advice after a 403. */
  readonly forbidden: string;
  /** The advice after a 404. */
  readonly notFound: string;
}

/** The Skills API: listing, downloading, publishing and deleting skills. */
export const SKILLS_API: ApiContext = {
  name: 'the Skills API',
  forbidden: 'Some credentials cannot download or change skills; use a key with access to this workspace.',
  notFound: 'It may have been deleted; refresh the list.',
};

/** The Claude API's Messages endpoint, as the chat, `skillsmith run` and the evals call it with skills. */
export const CLAUDE_API: ApiContext = {
  name: 'the Claude API',
  forbidden: 'Use a key with access to these skills and this model.',
  notFound: "Check the model id and the skills' ids and versions.",
};

/** Turns anything the SDK (or fetch) throws into a `SkillsApiError` worded for `api` (the Skills API by default). */
export function toSkillsApiError(error: unknown, api: ApiContext = SKILLS_API): SkillsApiError {
  if (error instanceof SkillsApiError) return error;
  if (error instanceof APIUserAbortError || isAbortError(error)) {
    return cancelledError();
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new SkillsApiError('timeout', `${capitalized(api.name)} did not answer in time. Check your connection and try again.`);
  }
  if (error instanceof APIConnectionError || isDroppedConnection(error)) {
    return new SkillsApiError('offline', `Could not reach ${api.name}. Check your network connection and the API base URL.`);
  }
  if (isApiError(error) && typeof error.status === 'number') {
    return fromStatus(api, error.status, error.apiMessage, error.requestID ?? undefined, error.headers);
  }
  return new SkillsApiError('unknown', `Unexpected error talking to ${api.name}: ${messageOf(error)}`);
}

/** `instanceof APIError`, narrowing to the SDK's declared fields (a bare `instanceof` on `unknown` gives them as `any`). */
function isApiError(error: unknown): error is APIError {
  return error instanceof APIError;
}

function fromStatus(
  api: ApiContext,
  status: number,
  apiMessage: string | null,
  requestId: string | undefined,
  headers: Headers | undefined,
): SkillsApiError {
  const said = apiMessage ? `: ${asSentence(apiMessage)}` : '.';
  const make = (kind: ApiErrorKind, message: string, retryAfter?: number): SkillsApiError =>
    new SkillsApiError(kind, message, status, requestId, retryAfter);
  const name = capitalized(api.name);
  switch (status) {
    case 401:
      return make('auth', `The API key was rejected (401)${said} Set a current key for this workspace and try again.`);
    case 403:
      return make('permission', `This key is not allowed to do that (403)${said} ${api.forbidden}`);
    case 404:
      return make('not-found', `Not found (404)${said} ${api.notFound}`);
    case 409:
      return make('conflict', `The request conflicts with another change (409)${said} Refresh and try again.`);
    case 413:
      return make(
        'too-large',
        `The upload is too large (413)${said} A skill must stay under 30 MB in total; remove large files and try again.`,
      );
    case 429: {
      const wait = retryAfterSeconds(headers);
      const when = wait === undefined ? 'in a little while' : `in ${Math.max(1, Math.ceil(wait))} s`;
      return make('rate-limited', `Rate limited by ${api.name} (429). Try again ${when}.`, wait);
    }
    case 529:
      return make('overloaded', `${name} is overloaded (529). Try again in a few minutes.`);
  }
  if (status >= 500) return make('server', `${name} had a server error (${status}). Try again in a moment.`);
  if (status === 400 || status === 422) return make('bad-request', `${name} refused the request (${status})${said}`);
  return make('unknown', `${name} answered ${status}${said}`);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Seconds from `retry-after` (seconds or an HTTP date) or `retry-after-ms`; undefined when absent. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  const raw = headers?.get('retry-after');
  if (raw) {
    const seconds = Number.parseFloat(raw);
    if (!Number.isNaN(seconds)) return seconds;
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) return Math.max(0, (date - Date.now()) / 1000);
  }
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** fetch's error when the connection drops while a body is being read. */
function isDroppedConnection(error: unknown): boolean {
  return error instanceof TypeError && /terminated|other side closed|socket/i.test(`${error.message} ${String(error.cause)}`);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
