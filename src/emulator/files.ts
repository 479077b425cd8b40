import type { ServerResponse } from 'node:http';
import { notFound } from './apiError';
import type { ChatState, EmulatedFile } from './chatState';
import { sendJson } from './http';

/** `GET /v1/files/{id}` (metadata) and `GET /v1/files/{id}/content` (the bytes), for files the scripted model produced. */
export function handleFiles(method: string, segments: readonly string[], chat: ChatState, res: ServerResponse, requestId: string): void {
  const [, , fileId = '', content] = segments;
  const file = chat.findFile(fileId);
  const route = segments.length === 3 ? 'metadata' : segments.length === 4 && content === 'content' ? 'content' : null;
  if (method !== 'GET' || route === null) throw notFound(`No route for ${method} /${segments.join('/')}.`);
  if (!file) throw notFound(`File ${fileId} not found.`);
  if (route === 'metadata') return sendJson(res, 200, metadataJson(file), requestId);
  res.writeHead(200, {
    'content-type': file.mimeType,
    'content-length': file.bytes.length,
    'content-disposition': `attachment; filename="${file.filename}"`,
    'request-id': requestId,
  });
  res.end(file.bytes);
}

function metadataJson(file: EmulatedFile): Record<string, unknown> {
  return {
    id: file.id,
    type: 'file',
    filename: file.filename,
    mime_type: file.mimeType,
    size_bytes: file.bytes.length,
    created_at: file.createdAt,
    downloadable: true,
  };
}
