/**
 * The runtime configuration `npm start` serves: public/smart-config.json (what a site ships, with
 * write-back off) with the changes the development loop needs, here `writeBack: true`, so a
 * newcomer sees the whole visit against the sandbox: review, chart note, Save to record, relaunch.
 * Served by a Vite plugin in place of the file, so the shipped file keeps its defaults. Parsed with
 * the app's own validation first: a broken file stops the server's answer with the same message.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseRuntimeConfig } from '../src/config/runtime-config.js';

export const SHIPPED_CONFIG = resolve(import.meta.dirname, '..', 'public', 'smart-config.json');

/** The shipped configuration with `changes` over it, as JSON text (validated). */
export async function devRuntimeConfigText(changes: Readonly<Record<string, unknown>>, path = SHIPPED_CONFIG): Promise<string> {
  const shipped = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const config = { ...shipped, ...changes };
  parseRuntimeConfig(config);
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function devRuntimeConfig(changes: Readonly<Record<string, unknown>>): Plugin {
  return {
    name: 'leg-cramps-dev-runtime-config',
    configureServer(server) {
      // Added before Vite's own middlewares, so it answers instead of the public/ file.
      server.middlewares.use((req, res, next) => {
        if (new URL(req.url ?? '/', 'http://dev.invalid').pathname !== '/smart-config.json') return next();
        devRuntimeConfigText(changes).then(
          (text) => {
            res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
            res.end(text);
          },
          (err: unknown) => next(err),
        );
      });
    },
  };
}
