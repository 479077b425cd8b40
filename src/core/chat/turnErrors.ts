import { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { CLAUDE_API, toSkillsApiError } from '../api/errors';
import { asSentence } from '../text/sentence';
import type { TurnError } from './viewModel';

/** What happened to a turn's request when it failed, besides the error itself. */
export interface FailureContext {
  /** The request id of the response, when the service answered before it failed. */
  readonly requestId: string | null;
  /** True when part of the answer had arrived (and stays shown). */
  readonly midStream: boolean;
}

const KEPT = 'What arrived so far is kept; send again to retry.';

/** A turn's error from anything the SDK or fetch threw: a message that says what to do, and the request id. */
export function turnErrorFrom(error: unknown, context: FailureContext): TurnError {
  if (error instanceof APIError && error.status === undefined && !(error instanceof APIConnectionError)) {
    const type = error.type ?? 'error';
    const said = error.apiMessage ? `: ${asSentence(error.apiMessage)}` : '.';
    return {
      kind: type === 'overloaded_error' ? 'overloaded' : 'server',
      message: `The service sent an error in the middle of the answer (${type})${said} ${KEPT}`,
      requestId: error.requestID ?? context.requestId ?? undefined,
    };
  }
  const known = toSkillsApiError(error, CLAUDE_API);
  const requestId = known.requestId ?? context.requestId ?? undefined;
  if (context.midStream && known.kind === 'offline')
    return { kind: 'offline', message: `The connection broke off in the middle of the answer. ${KEPT}`, requestId };
  if (context.midStream && known.kind === 'timeout')
    return { kind: 'timeout', message: `The Claude API did not answer in time. ${KEPT}`, requestId };
  return { kind: known.kind, message: known.message, requestId };
}

/** The error of a stream that ended without `message_stop`: the connection closed early. */
export function cutStreamError(requestId: string | null): TurnError {
  return {
    kind: 'offline',
    message: `The connection closed before the answer was complete. ${KEPT}`,
    requestId: requestId ?? undefined,
  };
}
