import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, notFound, tooLarge } from './apiError';
import type { ChatState, EmulatedFile } from './chatState';
import { readBody, sendJson } from './http';
import { parseMultipart, sentFileName } from './upload';

/** The Files API's limit on one upload. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

/** Room for multipart framing on top of the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * `POST /v1/files` (a multipart `file` part: an upload for `container_upload`), `GET /v1/files/{id}` (metadata) and
 * `GET /v1/files/{id}/content` (the bytes; only of files the scripted model produced, as the service allows).
 */
export async function handleFiles(
  req: IncomingMessage,
  segments: readonly string[],
  chat: ChatState,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'POST' && segments.length === 2) return sendJson(res, 200, metadataJson(await uploadFile(req, chat)), requestId);
  const [, , fileId = '', content] = segments;
  const file = chat.findFile(fileId);
  const route = segments.length === 3 ? 'metadata' : segments.length === 4 && content === 'content' ? 'content' : null;
  if (method !== 'GET' || route === null) throw notFound(`No route for ${method} /${segments.join('/')}.`);
  if (!file) throw notFound(`File ${fileId} not found.`);
  if (route === 'metadata') return sendJson(res, 200, metadataJson(file), requestId);
  if (!file.downloadable) throw badRequest(`File ${fileId} cannot be downloaded: only files created by code execution can be.`);
  res.writeHead(200, {
    'content-type': file.mimeType,
    'content-length': file.bytes.length,
    'content-disposition': `attachment; filename="${file.filename}"`,
    'request-id': requestId,
  });
  res.end(file.bytes);
}

/** Reads the multipart body's `file` part (the SDK's `files.upload`) and stores it as an uploaded file. */
async function uploadFile(req: IncomingMessage, chat: ChatState): Promise<EmulatedFile> {
  const body = await readBody(req, MAX_FILE_BYTES + MULTIPART_OVERHEAD);
  if (body === null) throw tooLarge(`The file is larger than the ${MAX_FILE_BYTES} byte (500 MB) limit.`);
  const form = await parseMultipart(body, req.headers['content-type'], 'Upload files as multipart/form-data with a "file" part.');
  const part = form.get('file');
  if (part === null || typeof part === 'string') throw badRequest('file: Field required (a file part with a filename).');
  if (part.name === '' || part.name === 'blob') throw badRequest('file: the part needs a filename.');
  return chat.addFile(sentFileName(part), part.type || 'application/octet-stream', new Uint8Array(await part.arrayBuffer()), false);
}

function metadataJson(file: EmulatedFile): Record<string, unknown> {
  return {
    id: file.id,
    type: 'file',
    filename: file.filename,
    mime_type: file.mimeType,
    size_bytes: file.bytes.length,
    created_at: file.createdAt,
    downloadable: file.downloadable,
  };
}
