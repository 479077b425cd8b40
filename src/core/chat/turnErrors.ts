import { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { toSkillsApiError } from '../api/errors';
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
    const said = error.apiMessage ? `: ${sentence(error.apiMessage)}` : '.';
    return {
      kind: type === 'overloaded_error' ? 'overloaded' : 'server',
      message: `The service sent an error in the middle of the answer (${type})${said} ${KEPT}`,
      requestId: error.requestID ?? context.requestId ?? undefined,
    };
  }
  const known = toSkillsApiError(error);
  const requestId = known.requestId ?? context.requestId ?? undefined;
  const apiMessage = error instanceof APIError && error.apiMessage ? `: ${sentence(error.apiMessage)}` : '.';
  const status = known.status;
  switch (known.kind) {
    case 'offline':
      return {
        kind: 'offline',
        message: context.midStream
          ? `The connection broke off in the middle of the answer. ${KEPT}`
          : 'Could not reach the Claude API. Check your network connection and the base URL setting.',
        requestId,
      };
    case 'timeout':
      return { kind: 'timeout', message: `The Claude API did not answer in time. ${context.midStream ? KEPT : 'Try again.'}`, requestId };
    case 'permission':
      return { kind: 'permission', message: `This key may not do that (${status})${apiMessage} Use a key with access to these skills and this model.`, requestId };
    case 'not-found':
      return { kind: 'not-found', message: `Not found (${status})${apiMessage} Check the model id and the skills' ids and versions.`, requestId };
    case 'bad-request':
      return { kind: 'bad-request', message: `The Claude API refused the request (${status})${apiMessage}`, requestId };
    case 'rate-limited':
      return { kind: 'rate-limited', message: known.message.replace('the Skills API', 'the Claude API'), requestId };
    case 'overloaded':
      return { kind: 'overloaded', message: 'The Claude API is overloaded (529). Try again in a few minutes.', requestId };
    case 'server':
      return { kind: 'server', message: `The Claude API had a server error (${status}). Try again in a moment.`, requestId };
    default:
      return { kind: known.kind, message: known.message, requestId };
  }
}

/** The error of a stream that ended without `message_stop`: the connection closed early. */
export function cutStreamError(requestId: string | null): TurnError {
  return {
    kind: 'offline',
    message: `The connection closed before the answer was complete. ${KEPT}`,
    requestId: requestId ?? undefined,
  };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
