/**
 * `/sandbox/faults`: switch faults from another process (end-to-end tests, demo scripts, curl).
 *
 *   GET    /sandbox/faults        → 200 { latencyMs, rules: [...] }   (each rule with id, source, applied, remaining)
 *   POST   /sandbox/faults        ← a rule or a list of rules (application/json) → 201 { rules: [...] }
 *                                   400 { error, problems } for a malformed rule; a list is added all or nothing
 *   DELETE /sandbox/faults        → 200 { removed: n }
 *   DELETE /sandbox/faults/{id}   → 204, or 404
 *
 * Loopback only (see loopback.ts). No CORS headers and JSON bodies only, so a web page in a browser
 * cannot call it: a cross-origin JSON POST or a DELETE needs a preflight this endpoint never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultRuleError, type FaultControls } from '../faults';
import type { ActiveFaultRule, FaultRule } from '../faults';
import { BodyTooLargeError, closeAfterResponse, MAX_FORM_BODY_BYTES, readBodyWithin } from '../http/request-body';
import { refuseNonLoopback } from '../http/loopback';

export const FAULTS_PATH = '/sandbox/faults';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body === undefined ? undefined : `${JSON.stringify(body, null, 2)}\n`);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'send the rule as application/json');
  let body: Buffer;
  try {
    body = await readBodyWithin(req, MAX_FORM_BODY_BYTES);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    throw new HttpError(413, `a request body of at most ${MAX_FORM_BODY_BYTES} bytes`, [], { Connection: 'close' });
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/** Adds every rule or none: a list that fails half-way is rolled back, so the caller can simply retry. */
function addAll(faults: FaultControls, body: unknown): ActiveFaultRule[] {
  const inputs = Array.isArray(body) ? body : [body];
  if (inputs.length === 0) throw new HttpError(400, 'no rule given');
  const added: ActiveFaultRule[] = [];
  try {
    for (const [index, input] of inputs.entries()) {
      try {
        added.push(faults.add(input as FaultRule, 'admin')); // add() checks the shape itself
      } catch (err) {
        if (err instanceof FaultRuleError && inputs.length > 1) throw new FaultRuleError(`rule ${index}: ${err.message}`, err.problems.map((p) => `rule ${index}: ${p}`));
        throw err;
      }
    }
  } catch (err) {
    for (const rule of added) faults.remove(rule.id);
    if (err instanceof FaultRuleError) throw new HttpError(400, err.message, err.problems);
    throw err;
  }
  return added;
}

async function answer(req: IncomingMessage, res: ServerResponse, faults: FaultControls, id: string | undefined): Promise<void> {
  const method = req.method ?? 'GET';
  if (id === undefined && (method === 'GET' || method === 'HEAD')) return sendJson(res, 200, { latencyMs: faults.latencyMs, rules: faults.list() });
  if (id === undefined && method === 'POST') return sendJson(res, 201, { rules: addAll(faults, await readJson(req)) });
  if (id === undefined && method === 'DELETE') {
    const removed = faults.list().length;
    faults.clear();
    return sendJson(res, 200, { removed });
  }
  if (id !== undefined && method === 'DELETE') {
    if (!faults.remove(id)) throw new HttpError(404, `no fault rule ${id}`);
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    return;
  }
  throw new HttpError(405, `${method} is not supported here`, [], { Allow: id === undefined ? 'GET, HEAD, POST, DELETE' : 'DELETE' });
}

function ruleId(pathname: string): string | undefined {
  const rest = pathname.slice(FAULTS_PATH.length + 1);
  try {
    return rest ? decodeURIComponent(rest) : undefined;
  } catch {
    throw new HttpError(400, 'the rule id in the path is not valid percent-encoding');
  }
}

/** Serves the admin paths; resolves false for any other path. */
export async function handleFaultsAdmin(req: IncomingMessage, res: ServerResponse, faults: FaultControls): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://sandbox.invalid');
  if (pathname !== FAULTS_PATH && !pathname.startsWith(`${FAULTS_PATH}/`)) return false;
  try {
    const refusal = refuseNonLoopback(req);
    if (refusal) throw new HttpError(403, refusal); // before the body is read
    await answer(req, res, faults, ruleId(pathname));
  } catch (err) {
    if (res.headersSent) {
      res.destroy();
    } else if (err instanceof HttpError) {
      if (!req.complete) closeAfterResponse(req, res); // refused before or while reading the body
      sendJson(res, err.status, { error: err.message, ...(err.problems.length ? { problems: err.problems } : {}) }, err.headers);
    } else {
      sendJson(res, 500, { error: 'the sandbox failed to handle this admin request' });
      console.error('sandbox admin error:', err);
    }
  }
  return true;
}
