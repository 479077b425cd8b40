/** An answer in the service's error format; handlers throw it and the server writes it. */
export class EmulatorApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** 400 `invalid_request_error`. */
export function badRequest(message: string): EmulatorApiError {
  return new EmulatorApiError(400, 'invalid_request_error', message);
}

/** 404 `not_found_error`. */
export function notFound(message: string): EmulatorApiError {
  return new EmulatorApiError(404, 'not_found_error', message);
}

/** 403 `permission_error`. */
export function forbidden(message: string): EmulatorApiError {
  return new EmulatorApiError(403, 'permission_error', message);
}

/** 413 `request_too_large`. */
export function tooLarge(message: string): EmulatorApiError {
  return new EmulatorApiError(413, 'request_too_large', message);
}

/** The error `type` the service uses for a status. */
export function errorTypeOf(status: number): string {
  const types: Record<number, string> = {
    400: 'invalid_request_error',
    401: 'authentication_error',
    403: 'permission_error',
    404: 'not_found_error',
    413: 'request_too_large',
    429: 'rate_limit_error',
    529: 'overloaded_error',
  };
  return types[status] ?? 'api_error';
}
