/** A response body read in pieces, stopped at a size cap, when it stalls, or when the user cancels. */
import { formatBytes } from '../bundle/uploadChecks';
import { cancelledError, SkillsApiError } from './errors';
import type { StallRule } from './types';

/**
 * The default stall rule: under 16 KiB in 30 s. A body that drips a byte a second is stopped after 30 s; any
 * connection a person would wait for passes.
 */
export const DEFAULT_STALL: StallRule = { windowMs: 30_000, minBytes: 16 * 1024 };

/** How a body is read: at most `maxBytes`, `stall` for a slow body, `signal` to cancel. */
export interface BodyLimits {
  readonly maxBytes: number;
  readonly stall?: StallRule;
  readonly signal?: AbortSignal;
  /** What is downloaded, for the messages ("the skill version"). */
  readonly what: string;
  /** Why nothing larger is read, a sentence for the message of a body over the cap. */
  readonly capReason: string;
}

/**
 * Reads `response`'s body into memory, never more than `maxBytes`: a `content-length` over the cap is refused
 * before anything is read, and a body that sends more is stopped at the cap. Rejects with `SkillsApiError`:
 * `too-large` past the cap, `timeout` when the body stalls (`stall`), `cancelled` when `signal` aborts.
 */
export async function readBoundedBody(response: Response, limits: BodyLimits): Promise<Uint8Array> {
  const { maxBytes, signal } = limits;
  const stall = limits.stall ?? DEFAULT_STALL;
  const declared = Number.parseInt(response.headers.get('content-length') ?? '', 10);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(limits);
  }
  if (!response.body) return new Uint8Array(0);
  // A fetch body is a stream of bytes (the Fetch standard); undici types it `ReadableStream<any>`.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let failure: SkillsApiError | undefined;
  const stop = (error: SkillsApiError): void => {
    failure ??= error;
    reader.cancel().catch(() => undefined);
  };
  const onAbort = (): void => stop(cancelledError());
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let total = 0;
  let inWindow = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armStallCheck = (): void => {
    timer = setTimeout(() => {
      if (inWindow < stall.minBytes) return stop(stalled(limits, stall));
      inWindow = 0;
      armStallCheck();
    }, stall.windowMs);
  };
  armStallCheck();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        if (failure) return { done: true as const, value: undefined };
        throw error;
      });
      if (failure) throw failure;
      if (done) break;
      total += value.byteLength;
      inWindow += value.byteLength;
      if (total > maxBytes) {
        const error = tooLarge(limits);
        stop(error);
        throw error;
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  return joinChunks(chunks, total);
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(limits: BodyLimits): SkillsApiError {
  return new SkillsApiError(
    'too-large',
    `The download of ${limits.what} was stopped: it is larger than ${formatBytes(limits.maxBytes)}. ${limits.capReason}`,
  );
}

function stalled(limits: BodyLimits, stall: StallRule): SkillsApiError {
  const seconds = Math.max(1, Math.round(stall.windowMs / 1000));
  return new SkillsApiError(
    'timeout',
    `The download of ${limits.what} stalled (less than ${formatBytes(stall.minBytes)} in ${seconds} s) and was stopped. Check your connection and try again.`,
  );
}
