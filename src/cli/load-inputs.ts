/**
 * Find and read the evaluator's input: one file, or every *.json file in a directory (sorted, so
 * output order is stable). Every failure becomes a one-line, readable message; no stack traces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

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

export function listInputs(path: string): { files: InputFile[]; directory: boolean } {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable')}`);
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
  return { files: [{ path, name: basename(path) }], directory: false };
}

/** Read and parse one file; the message names the file and the problem. */
export function readJson(file: InputFile): unknown {
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file.path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InputError(`${file.path}: not JSON (${err instanceof Error ? err.message.split('\n')[0] : 'parse error'})`);
  }
}
