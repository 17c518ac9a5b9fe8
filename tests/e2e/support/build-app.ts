/**
 * Global setup of the end-to-end project: one production build of the app (`vite build`, as
 * `npm run build` makes it) into a temporary directory, provided to the tests. Each test stack
 * then serves a copy of it with its own runtime configuration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    appDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'lc-e2e-dist-'));
  await build({ root: join(import.meta.dirname, '..', '..', '..'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  project.provide('appDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
