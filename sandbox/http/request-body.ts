/**
 * Request bodies with a ceiling, for every sandbox endpoint that reads one (FHIR, the token endpoint,
 * the authorize/picker/EHR-launch forms, the faults endpoint). A declared `Content-Length` above the
 * limit is refused before a byte is read; a chunked body is refused as soon as it passes the limit,
 * and nothing beyond the limit is ever kept. The caller answers 413 (RFC 9110 §15.5.14) and
 * `closeAfterResponse` makes sure the rest of the upload is not read either.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The FHIR API: a transaction of one large Synthea patient fits; nothing a client sends at run time comes near. */
export const MAX_FHIR_BODY_BYTES = 16 * 1024 * 1024;
/** Forms (token, authorize, picker, EHR launch) and fault rules: a handful of short fields. */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Whether the request announces a body (RFC 9112 §6.3: Content-Length or Transfer-Encoding). */
export function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export async function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  // destroyOnReturn false: leaving the loop early must not destroy the socket the 413 is to go out on.
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * For an answer sent while (part of) the body is unread — a refusal before reading, or a 413: the
 * connection closes after the answer, so the rest of the upload is neither read nor waited for, and
 * what is still arriving is discarded rather than buffered.
 */
export function closeAfterResponse(req: IncomingMessage, res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  req.resume();
}
