import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIPv4 } from 'node:net';
import { errorTypeOf } from './apiError';

/** Writes a JSON answer with the service's headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'request-id': requestId,
    ...headers,
  });
  res.end(text);
}

/** Writes an error in the service's format: `{type:'error', error:{type, message}, request_id}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  requestId: string,
  options: { type?: string; headers?: Record<string, string> } = {},
): void {
  const body = { type: 'error', error: { type: options.type ?? errorTypeOf(status), message }, request_id: requestId };
  sendJson(res, status, body, requestId, options.headers);
}

/**
 * Reads a request body up to `limit` bytes. A longer body is drained (so the client sees the answer rather than
 * a reset connection) and gives null.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

/** Whether an address is loopback: `localhost`, IPv6 `::1`, or an IPv4 address in 127/8 (also IPv4-mapped); never a host name. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1' || address === 'localhost') return true;
  const ipv4 = address.replace(/^::ffff:/i, '');
  return isIPv4(ipv4) && ipv4.startsWith('127.');
}
