/**
 * A request the service refuses, with the HTTP status the CDS Hooks specification (or HTTP) gives it
 * and one line saying why. The line never holds patient data or a token: it is sent to the caller
 * and written to the service's log.
 */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 412 | 413 | 415 | 429,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message.replace(/[\r\n]+/g, ' '));
    this.name = 'RequestError';
  }
}
