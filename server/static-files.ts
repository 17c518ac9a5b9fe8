/**
 * Serving the built app from dist/: GET and HEAD only, paths resolved inside the root (no
 * traversal, no dotfiles), directory paths to their index.html, and caching that never keeps an
 * HTML page or the runtime configuration (so a site's change takes effect at once) while hashed
 * assets are cached for a year.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The file a URL path names inside `root`, or undefined when it would leave it or names nothing servable. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const rootAbs = resolve(root);
  const candidate = resolve(rootAbs, `.${normalize(`/${decoded}`)}`);
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + sep)) return undefined;
  if (candidate.slice(rootAbs.length).split(sep).some((part) => part.startsWith('.'))) return undefined;
  try {
    const stat = statSync(candidate);
    if (stat.isDirectory()) {
      const index = join(candidate, 'index.html');
      return statSync(index).isFile() ? index : undefined;
    }
    return stat.isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function cacheControl(file: string): string {
  if (/[\\/]assets[\\/]/.test(file) && /-[A-Za-z0-9_-]{8,}\.(js|css|svg|png|woff2)$/.test(file)) return 'public, max-age=31536000, immutable';
  return 'no-store';
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const urlPath = (req.url ?? '/').startsWith('/') ? req.url ?? '/' : '/';
  // `/launch` without the slash is the launch page too: redirect so its relative URLs resolve.
  if (urlPath === '/launch' || urlPath.startsWith('/launch?')) {
    res.writeHead(308, { ...headers, Location: `/launch/${urlPath.slice('/launch'.length)}` }).end();
    return;
  }
  const file = resolveInside(root, urlPath);
  if (!file) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not found\n');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': cacheControl(file) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
