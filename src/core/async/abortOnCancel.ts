/** The part of a cancellation token (VS Code's `CancellationToken`, or any other) that `abortOnCancel` needs. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** An `AbortSignal` that follows a cancellation token, and the disposal of that link. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** Stops listening to the token (the signal stays as it is). */
  dispose(): void;
}

/**
 * Ties a cancellation token to an `AbortController`: when the token is cancelled (already, or later), the
 * signal aborts, so whatever request was handed the signal is cancelled on the wire.
 */
export function abortOnCancel(token: CancellationLike): LinkedSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
    return { signal: controller.signal, dispose: () => undefined };
  }
  const subscription = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => subscription.dispose() };
}
