/**
 * Keeps web pages out of the emulator. A page the user visits can send requests to `127.0.0.1:PORT` (with a foreign
 * `Origin`) or reach it under a hostile DNS name that resolves to loopback (DNS rebinding: a foreign `Host`). Both are
 * refused on every route before any route runs; clients such as the SDK, curl and the extension send neither.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { forbidden } from './apiError';

/**
 * Throws 403 `permission_error` unless the request names this emulator in `Host` (`localhost`, an IP address, or the
 * host it was started with, at the port it listens on) and carries no `Origin` other than its own.
 */
export function assertOwnOrigin(req: IncomingMessage, boundHost: string): void {
  const host = req.headers.host ?? '';
  if (!isOwnHost(host, boundHost, req.socket.localPort)) {
    throw forbidden(
      `The Host header "${host}" does not name this emulator, so the request was refused (DNS rebinding protection). Address it as http://127.0.0.1:${req.socket.localPort}.`,
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host.toLowerCase()}`) {
    throw forbidden(`Requests from web pages (Origin ${origin}) are refused: the emulator answers only local clients such as the SDK.`);
  }
}

function isOwnHost(host: string, boundHost: string, localPort: number | undefined): boolean {
  if (host === '' || /[\s/\\@?#]/.test(host)) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if ((url.port || '80') !== String(localPort)) return false;
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || isIP(name) !== 0 || name === boundHost.toLowerCase();
}
