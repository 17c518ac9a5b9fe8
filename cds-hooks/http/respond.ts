/** Answers: JSON for the specification's documents, one line of text for a refusal. */
import type { ServerResponse } from 'node:http';

const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } as const;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendReason(res: ServerResponse, status: number, reason: string, headers: Readonly<Record<string, string>> = {}): void {
  const text = `${reason.replace(/[\r\n]+/g, ' ')}\n`;
  res.writeHead(status, { ...COMMON, ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
