import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBodyWithin } from '../../http/request-body';
import { badRequest, FhirError } from '../operation-outcome';
import type { FhirHttpResponse } from '../types';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Reads the whole request body, refusing more than `limit` bytes with 413 (a declared larger Content-Length before reading). */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  try {
    return (await readBodyWithin(req, limit)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new FhirError(413, 'too-costly', `Request body larger than ${limit} bytes`);
    throw err;
  }
}

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new FhirError(400, 'structure', 'The request body is not valid JSON', { cause: err });
  }
}

/** application/x-www-form-urlencoded body of POST [type]/_search. */
export function parseFormBody(text: string, contentType: string | undefined): URLSearchParams {
  if (contentType && !contentType.startsWith('application/x-www-form-urlencoded')) {
    throw badRequest('POST _search takes an application/x-www-form-urlencoded body');
  }
  return new URLSearchParams(text);
}

/**
 * Whether the client accepts JSON. FHIR servers may serve only one format and answer 406 otherwise
 * (http://hl7.org/fhir/R4/http.html#mime-type).
 */
export function acceptsJson(accept: string | undefined): boolean {
  return !accept || /json|\*\/\*|application\/\*/.test(accept);
}

export function send(res: ServerResponse, response: FhirHttpResponse, extraHeaders: Record<string, string>): void {
  const body = response.body === undefined ? undefined : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...extraHeaders,
    ...(body === undefined ? {} : { 'Content-Type': FHIR_JSON }),
    ...response.headers,
  });
  res.end(body);
}
