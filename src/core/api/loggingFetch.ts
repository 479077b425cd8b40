/** A `fetch` that reports one line per request to `log`: method, path, status, request id, milliseconds. */
export function loggingFetch(log: (line: string) => void): typeof fetch {
  return async (input, init) => {
    if (!isHttp(input)) return fetch(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const path = pathOf(input);
    const started = performance.now();
    const elapsed = (): string => `${Math.round(performance.now() - started)} ms`;
    try {
      const response = await fetch(input, init);
      const requestId = response.headers.get('request-id') ?? '-';
      log(`${method} ${path} ${response.status} ${requestId} ${elapsed()}`);
      return response;
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'error';
      log(`${method} ${path} failed (${reason}) ${elapsed()}`);
      throw error;
    }
  };
}

/** Whether a request goes over HTTP (the SDK also probes fetch with a `data:` URL, which is not worth a line). */
function isHttp(input: string | URL | Request): boolean {
  return /^https?:/i.test(input instanceof Request ? input.url : String(input));
}

/** The path and query of a request URL: never its host's credentials, never a header. */
function pathOf(input: string | URL | Request): string {
  const href = input instanceof Request ? input.url : String(input);
  try {
    const url = new URL(href);
    return url.pathname + url.search;
  } catch {
    return href;
  }
}
