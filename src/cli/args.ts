/**
 * Command-line arguments of the evaluator. The interface is a contract other tools rely on
 * (issue 3): `evaluate [--as-of YYYY-MM-DD] [--format json|text] [--summary] [--trace] <bundle.json | directory>`.
 */
import { isValidDay } from '../../rules/engine/time.js';

export type Format = 'json' | 'text';

export interface EvaluateArgs {
  readonly asOf?: string;
  readonly format: Format;
  readonly summary: boolean;
  readonly trace: boolean;
  readonly help: boolean;
  readonly paths: readonly string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: npm run --silent evaluate -- [options] <bundle.json | directory>

Evaluates one patient's FHIR R4 Bundle (collection, searchset, transaction or batch) against every
rule and prints one JSON object; given a directory, evaluates every *.json bundle in it and prints
one JSON object per line (NDJSON).

Options:
  --as-of YYYY-MM-DD   evaluate as of this date (default: today)
  --format json|text   JSON (default) or a human-readable report
  --summary            print a table of how many patients each rule flagged, found insufficient
                       data for, or errored on, instead of the findings
  --trace              include each finding's criterion trace in JSON output
  -h, --help           show this help

Exit status: 0 on success, 2 on bad arguments or unreadable input.`;

export function parseArgs(argv: readonly string[]): EvaluateArgs {
  let asOf: string | undefined;
  let format: Format = 'json';
  let summary = false;
  let trace = false;
  let help = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--as-of': {
        const v = value();
        if (!isValidDay(v)) throw new UsageError(`--as-of must be a calendar date YYYY-MM-DD, got "${v}"`);
        asOf = v;
        break;
      }
      case '--format': {
        const v = value();
        if (v !== 'json' && v !== 'text') throw new UsageError(`--format must be json or text, got "${v}"`);
        format = v;
        break;
      }
      case '--summary':
        summary = true;
        break;
      case '--trace':
        trace = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '--':
        break;
      default:
        if (name.startsWith('-')) throw new UsageError(`unknown option ${name}`);
        paths.push(arg);
    }
  }
  if (!help && paths.length === 0) throw new UsageError('give a bundle file or a directory of bundles');
  if (paths.length > 1) throw new UsageError(`give one bundle file or one directory, not ${paths.length} paths`);
  return { ...(asOf ? { asOf } : {}), format, summary, trace, help, paths };
}
