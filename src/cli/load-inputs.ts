/**
 * Find and read the evaluator's input: one file, or every *.json file in a directory (sorted, so
 * output order is stable). Every failure becomes a one-line, readable message; no stack traces.
 *
 * Only regular files are read, and only up to MAX_INPUT_BYTES. The type and size are checked with
 * stat before the file is opened: opening a FIFO for reading blocks until a writer appears, and a
 * character device such as /dev/zero never ends. The file is then opened non-blocking and checked
 * again on the open descriptor, so a path swapped for a FIFO between the two steps cannot hang it.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_INPUT_BYTES, MAX_INPUT_BYTES_TEXT } from './input-limits.js';

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface InputFile {
  readonly path: string;
  readonly name: string;
}

function errno(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
}

function kind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Why this file may not be read, or undefined when it may. */
function refusal(path: string, stat: Stats): string | undefined {
  if (!stat.isFile()) return `cannot read ${path}: ${kind(stat)}, not a regular file`;
  if (stat.size > MAX_INPUT_BYTES) return `cannot read ${path}: ${mib(stat.size)} is over the limit of ${MAX_INPUT_BYTES_TEXT} per input file`;
  return undefined;
}

export function listInputs(path: string): { files: InputFile[]; directory: boolean } {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${errno(err)}`);
  }
  if (stat.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (err) {
      throw new InputError(`cannot read directory ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
    const files = names.filter((n) => n.toLowerCase().endsWith('.json')).sort().map((n) => ({ path: join(path, n), name: n }));
    if (!files.length) throw new InputError(`no *.json bundles in ${path}`);
    return { files, directory: true };
  }
  const refused = refusal(path, stat);
  if (refused) throw new InputError(refused);
  return { files: [{ path, name: basename(path) }], directory: false };
}

/** The file's text, read only if it is a regular file within the size limit. */
function readText(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${errno(err)}`);
  }
  const refused = refusal(path, stat);
  if (refused) throw new InputError(refused);
  let fd;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, open returns instead of waiting.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${errno(err)}`);
  }
  try {
    const again = refusal(path, fstatSync(fd));
    if (again) throw new InputError(again);
    const text = readFileSync(fd, 'utf8');
    // A file that grew past the limit while it was read is refused too.
    const grown = refusal(path, fstatSync(fd));
    if (grown) throw new InputError(grown);
    return text;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  } finally {
    closeSync(fd);
  }
}

/** Read and parse one file; the message names the file and the problem. */
export function readJson(file: InputFile): unknown {
  const text = readText(file.path);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InputError(`${file.path}: not JSON (${err instanceof Error ? err.message.split('\n')[0] : 'parse error'})`);
  }
}
