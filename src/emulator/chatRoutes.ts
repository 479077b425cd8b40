import type { IncomingMessage, ServerResponse } from 'node:http';
import { notFound } from './apiError';
import type { ChatState } from './chatState';
import { handleFiles } from './files';
import { sendJson } from './http';
import { handleMessages } from './messages';
import { listModelsJson, modelJsonById } from './models';
import type { StreamFault } from './sse';
import type { SkillStore } from './store';

/** What the Messages, Models and Files routes need. */
export interface ChatRouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly store: SkillStore;
  readonly chat: ChatState;
  readonly beta: boolean;
  readonly requestId: string;
  readonly streamFault?: StreamFault;
}

/** True for the paths `handleChatApi` answers. */
export function isChatApiPath(pathname: string): boolean {
  return /^\/v1\/(messages|models|files)(\/|$)/.test(pathname);
}

/** `POST /v1/messages`, `GET /v1/models[/{id}]`, `POST /v1/files`, `GET /v1/files/{id}[/content]`. */
export async function handleChatApi(ctx: ChatRouteContext): Promise<void> {
  const segments = ctx.url.pathname.split('/').filter(Boolean);
  const method = ctx.req.method ?? 'GET';
  const [, resource] = segments;
  if (resource === 'messages' && segments.length === 2 && method === 'POST') return handleMessages(ctx);
  if (resource === 'models' && method === 'GET' && segments.length === 2)
    return sendJson(ctx.res, 200, listModelsJson(ctx.url.searchParams), ctx.requestId);
  if (resource === 'models' && method === 'GET' && segments.length === 3)
    return sendJson(ctx.res, 200, modelJsonById(segments[2] ?? ''), ctx.requestId);
  if (resource === 'files') return handleFiles(ctx.req, segments, ctx.chat, ctx.res, ctx.requestId);
  throw notFound(`No route for ${method} ${ctx.url.pathname}.`);
}
