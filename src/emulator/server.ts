import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { assertJsonRequest, handleAdmin, type AdminTarget } from './admin';
import { badRequest, EmulatorApiError, notFound, tooLarge } from './apiError';
import { handleChatApi, isChatApiPath } from './chatRoutes';
import { ChatState } from './chatState';
import type { FaultRule } from './faults';
import { isLoopback, readBody, sendError } from './http';
import { newRequestId } from './ids';
import { assertOwnOrigin } from './originGuard';
import { handleSkillsApi } from './routes';
import type { SkillStore } from './store';
import { messageOf } from '../core/messageOf';

/** The beta that switches answers to the older beta shape. */
const SKILLS_BETA = 'skills-2025-10-02';

/** Largest admin request body. */
const ADMIN_BODY_LIMIT = 1024 * 1024;

/** A request as the emulator saw it arrive. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** Everything one request handler needs. */
export interface HandlerDeps extends AdminTarget {
  readonly store: SkillStore;
  /** The containers and files of the Messages routes (a fresh set when absent). */
  readonly chat?: ChatState;
  /** When set, the only key accepted; otherwise any key is. */
  readonly apiKey: string | undefined;
  /** The admin routes answer only when the emulator is bound to loopback. */
  readonly adminEnabled: boolean;
  /** The host the emulator was started on; requests must name it, `localhost` or an IP address in `Host`. */
  readonly boundHost: string;
  /** Waits before answering (injected latency); resolves early when the emulator closes. */
  delay(ms: number): Promise<void>;
  /** Told of every request as it arrives. */
  onRequest(request: SeenRequest): void;
}

/** The `node:http` request handler of the emulator. */
export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const withChat = { ...deps, chat: deps.chat ?? new ChatState() };
  return (req, res) => {
    const requestId = newRequestId();
    handle(req, res, requestId, withChat).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof EmulatorApiError) return sendError(res, error.status, error.message, requestId, { type: error.type });
      sendError(res, 500, `The emulator failed: ${messageOf(error)}`, requestId);
    });
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  deps: HandlerDeps & { readonly chat: ChatState },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = req.method ?? 'GET';
  deps.onRequest({ method, path: url.pathname, headers: req.headers });
  assertOwnOrigin(req, deps.boundHost);
  if (url.pathname.startsWith('/_emulator/')) {
    if (!deps.adminEnabled || !isLoopback(req.socket.remoteAddress)) throw notFound('Not found.');
    assertJsonRequest(req.headers['content-type']);
    const body = await readBody(req, ADMIN_BODY_LIMIT);
    if (body === null) throw tooLarge(`An admin request body may be at most ${ADMIN_BODY_LIMIT.toLocaleString('en-US')} bytes.`);
    return handleAdmin(method, url.pathname, body, deps, res, requestId);
  }
  const fault = deps.faults.take(method, url.pathname);
  if (fault && (await applyFault(fault, res, requestId, deps))) return;
  authenticate(req, deps.apiKey);
  if (!req.headers['anthropic-version']) throw badRequest('anthropic-version: header is required.');
  const beta = String(req.headers['anthropic-beta'] ?? '')
    .split(',')
    .some((name) => name.trim() === SKILLS_BETA);
  if (isChatApiPath(url.pathname)) {
    return handleChatApi({ req, res, url, store: deps.store, chat: deps.chat, beta, requestId, streamFault: fault?.stream });
  }
  await handleSkillsApi({ req, res, store: deps.store, url, beta, requestId });
}

/** Applies an injected fault; true when it answered the request. */
async function applyFault(fault: FaultRule, res: ServerResponse, requestId: string, deps: HandlerDeps): Promise<boolean> {
  if (fault.latencyMs) await deps.delay(fault.latencyMs);
  if (fault.drop) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 4096, 'request-id': requestId });
    res.write('{"data":[', () => res.socket?.destroy());
    return true;
  }
  if (fault.status === undefined) return false;
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  sendError(res, fault.status, `Injected fault: status ${fault.status}.`, requestId, { headers });
  return true;
}

function authenticate(req: IncomingMessage, expected: string | undefined): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const header = req.headers['x-api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? bearer;
  if (!key) throw new EmulatorApiError(401, 'authentication_error', 'x-api-key header is required.');
  if (expected !== undefined && key !== expected) throw new EmulatorApiError(401, 'authentication_error', 'invalid x-api-key');
}
