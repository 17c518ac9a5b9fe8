// Server-rendered pages (EHR patient list, patient picker, error page). Every value that comes from
// data or from a request goes through `escapeHtml`; pages carry no script at all, and a strict
// Content-Security-Policy header backs that up.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A tagged template in which every interpolation is escaped unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const rendered = Array.isArray(value) ? value.map(renderValue).join('') : renderValue(value);
    out += rendered + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function renderValue(value: unknown): string {
  return value instanceof SafeHtml ? value.html : escapeHtml(value);
}

const STYLE = `
body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d2730;background:#f4f6f8}
header{background:#27496d;color:#fff;padding:.75rem 1.25rem}
header h1{font-size:1.15rem;margin:0}
main{max-width:60rem;margin:1rem auto;padding:0 1rem}
ul.patients{list-style:none;padding:0;margin:0}
ul.patients li{background:#fff;border:1px solid #cfd8e0;border-radius:6px;margin:.5rem 0;padding:.75rem 1rem;
  display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.who{flex:1 1 18rem}.name{font-weight:600}.meta,.description{color:#44525e;font-size:.95rem}
form.inline{display:flex;gap:.75rem;align-items:center;margin:0}
button{font:inherit;padding:.4rem .9rem;border-radius:4px;border:1px solid #27496d;background:#27496d;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#27496d}
button:focus-visible,input:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.error{background:#fff;border-left:4px solid #9e2d2d;padding:1rem}
code{background:#e8edf1;padding:0 .25rem;border-radius:3px}
.saved-notes{flex:1 1 100%}.saved-notes h3{font-size:1rem;margin:.75rem 0 .25rem}
.saved-notes pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8fafb;border:1px solid #cfd8e0;border-radius:4px;padding:.5rem;margin:0;font-size:.9rem}
`;

/** CSP allows exactly this stylesheet, by hash, so no 'unsafe-inline' is needed. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * `formTargets` are the origins a form on the page may post to or be redirected to after posting
 * (Chrome applies `form-action` to the redirect chain, and the picker's answer redirects to the app).
 */
export function contentSecurityPolicy(formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    // The sandbox EHR may frame its own pages; nobody else may (clickjacking on the picker).
    "frame-ancestors 'self'",
    "base-uri 'none'",
  ].join('; ');
}

export function page(title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export function sendPage(res: ServerResponse, status: number, content: SafeHtml, formTargets: readonly string[] = []): void {
  const text = content.html;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Content-Security-Policy': contentSecurityPolicy(formTargets),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with the page's
    // own form posts, which the same-origin check (same-origin.ts) must refuse. Cross-origin
    // navigations (to the app, with iss and launch in the URL) still carry no Referer.
    'Referrer-Policy': 'same-origin',
    // Pages embed one-time handles (picker) and patient lists: never cache them.
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
