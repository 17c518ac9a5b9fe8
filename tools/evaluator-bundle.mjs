/**
 * The command-line evaluator, built: tools/evaluate.ts and everything it imports bundled by esbuild
 * into one ES module, so `npm run evaluate` starts in a fraction of the time a TypeScript runner
 * needs to compile the sources at every start (issue 9, point 7). Same code, same output.
 *
 * Never stale: the stamp next to the bundle lists every input esbuild read (its metafile) with
 * size, modification time and SHA-256, plus the build's own inputs (this file, esbuild's version,
 * package.json, tsconfig.json). A launch checks them; any difference means a rebuild first:
 *   - size differs, or the file is gone: stale;
 *   - modification time differs: the content hash decides (a checkout or `touch` that leaves the
 *     content as it was does not force a rebuild);
 *   - a file modified less than RACY_MS before the build started may have changed while esbuild
 *     read it: its hash is not trusted (recorded as null), so the next launch rebuilds.
 * A new source file enters the build only through an import added to a file that is an input, so
 * it is seen too. (Not seen: a new file that would shadow an existing import's resolution, such as
 * a `foo.js` next to `foo.ts`; the project has no such files.)
 * Writes are atomic (temporary file, then rename) and the bundle's name carries its hash, so
 * launches running at the same time never see half a bundle or a stamp for another one.
 *
 * Plain JavaScript, Node built-ins only: it runs before anything is compiled. esbuild is loaded
 * only when a build is needed.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} BundleTarget
 * @property {string} root         the project directory; every path below is relative to it
 * @property {string} entry        the entry point
 * @property {string} outDir       where the bundles and the stamp go
 * @property {string[]} buildInputs files whose change alters the build without being esbuild inputs
 */

/** @type {BundleTarget} */
export const EVALUATOR = {
  root: ROOT,
  entry: 'tools/evaluate.ts',
  // Removed with node_modules, so a fresh `npm ci` always starts from a fresh build.
  outDir: join(ROOT, 'node_modules', '.cache', 'evaluator'),
  // esbuild's own package.json: its version decides the output too.
  buildInputs: [relative(ROOT, fileURLToPath(import.meta.url)), 'package.json', 'tsconfig.json', 'node_modules/esbuild/package.json'],
};
/** Coarser than any file system's timestamp resolution and clock step we expect. */
const RACY_MS = 2000;
/** Old bundles are removed once no launch can still be about to import them. */
const KEEP_OLD_MS = 10 * 60 * 1000;

// node:crypto is loaded only when a hash is needed: most launches only compare sizes and times.
const crypto = () => createRequire(import.meta.url)('node:crypto');
const sha256 = (path) => crypto().createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * @typedef {{ size: number, mtimeMs: number, sha256: string | null }} InputStamp
 * @typedef {{ version: 1, bundle: string, inputs: Record<string, InputStamp> }} Stamp
 */

const stampPath = (target) => join(target.outDir, 'stamp.json');

/** @returns {Stamp | undefined} */
function readStamp(target) {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(target), 'utf8'));
    return stamp && stamp.version === 1 && typeof stamp.bundle === 'string' && stamp.inputs ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The path of a bundle built from exactly the current sources, or undefined when there is none.
 * @param {BundleTarget} target
 * @returns {string | undefined}
 */
export function freshBundle(target = EVALUATOR) {
  const stamp = readStamp(target);
  if (!stamp) return undefined;
  const bundle = join(target.outDir, stamp.bundle);
  try {
    statSync(bundle);
  } catch {
    return undefined;
  }
  for (const [path, recorded] of Object.entries(stamp.inputs)) {
    if (recorded.sha256 === null) return undefined;
    let stat;
    try {
      stat = statSync(join(target.root, path));
    } catch {
      return undefined;
    }
    if (stat.size !== recorded.size) return undefined;
    if (stat.mtimeMs !== recorded.mtimeMs && sha256(join(target.root, path)) !== recorded.sha256) return undefined;
  }
  return bundle;
}

function atomicWrite(path, contents) {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function removeOldBundles(outDir, keep) {
  for (const name of readdirSync(outDir)) {
    if (name === keep || !/^bundle-[0-9a-f]+\.mjs$|\.tmp$/.test(name)) continue;
    const path = join(outDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { force: true });
    } catch {
      // Another launch removed it first.
    }
  }
}

/**
 * Build the bundle and its stamp; returns the bundle's path.
 * @param {BundleTarget} target
 * @returns {Promise<string>}
 */
export async function buildBundle(target = EVALUATOR) {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: target.root,
    entryPoints: [target.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  const name = `bundle-${crypto().createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(target.outDir, { recursive: true });
  const bundle = join(target.outDir, name);
  atomicWrite(bundle, code);

  /** @type {Record<string, InputStamp>} */
  const inputs = {};
  const paths = [...Object.keys(result.metafile.inputs).map((p) => relative(target.root, resolve(target.root, p))), ...target.buildInputs];
  for (const path of paths) {
    const absolute = join(target.root, path);
    const stat = statSync(absolute);
    const racy = stat.mtimeMs >= started - RACY_MS;
    inputs[path] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256: racy ? null : sha256(absolute) };
  }
  atomicWrite(stampPath(target), `${JSON.stringify({ version: 1, bundle: name, inputs })}\n`);
  removeOldBundles(target.outDir, name);
  return bundle;
}
