/**
 * The request body of a service call or feedback, with a ceiling: a declared Content-Length above it
 * is refused before a byte is read, a chunked body as soon as it passes it (413, RFC 9110 §15.5.14),
 * and the connection is then closed so the rest of the upload is not read either.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from './request-error.js';

/** A prefetch of a large record fits (the Synthea corpus's largest patient is far below it). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readJsonBody(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]*\+json$/.test(type)) {
    refuseUnread(req, res);
    throw new RequestError(415, 'the request body must be JSON (Content-Type: application/json)');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    refuseUnread(req, res);
    throw new RequestError(413, `the request body is larger than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      refuseUnread(req, res);
      throw new RequestError(413, `the request body is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestError(400, 'the request body is not valid JSON');
  }
}

/** Answer, then close: what is still arriving is discarded, not buffered. */
export function refuseUnread(req: IncomingMessage, res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  req.resume();
}
