/**
 * Command-line arguments of the evaluator. The interface is a contract other tools rely on
 * (issue 3): `evaluate [--as-of YYYY-MM-DD] [--format json|text] [--summary] [--trace] <bundle.json | directory>`,
 * extended by live mode (issue 9): `evaluate --fhir-base <URL> --patient <id> [--as-of …] [--format …] [--trace]`,
 * and by the patient handout (issue 11): `evaluate --handout en|es [--one-page] [--as-of …] [--trace] <bundle.json | directory>`.
 *
 * Messages never repeat a `--fhir-base` value (it could carry a credential in its user part or
 * query) and the token is never an argument at all: it comes from FHIR_BEARER_TOKEN.
 */
import { isValidDay } from '../../rules/engine/time.js';
import { ConfigError, fhirOrigin } from '../config/runtime-config.js';
import { isLanguage, type Language } from '../handout/language.js';
import type { HandoutLayout } from '../handout/model.js';
import { MAX_INPUT_BYTES_TEXT } from './input-limits.js';
import { checkFhirBase, isFhirId } from './live-target.js';

export type Format = 'json' | 'text';

export interface LiveTarget {
  /** The FHIR base URL as given, checked (absolute http(s), no credentials, query or fragment). */
  readonly fhirBase: string;
  readonly patientId: string;
  /** Other origins of the same EHR that may see the token (paging links, Medication reads). */
  readonly additionalFhirOrigins: readonly string[];
}

export interface EvaluateArgs {
  readonly asOf?: string;
  readonly format: Format;
  readonly summary: boolean;
  readonly trace: boolean;
  readonly help: boolean;
  readonly paths: readonly string[];
  /** Threads for a directory sweep (`--threads`); unset: the main thread only. */
  readonly threads?: number;
  /** Live mode: read the patient from a FHIR server instead of a file. */
  readonly live?: LiveTarget;
  /** Print the patient handout's text instead of the report (`--handout en|es`, `--one-page`). */
  readonly handout?: HandoutRequest;
}

export interface HandoutRequest {
  readonly language: Language;
  readonly layout: HandoutLayout;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The most threads `--threads` accepts (each loads and compiles the whole evaluator). */
export const MAX_THREADS = 64;

export const USAGE = `Usage: npm run --silent evaluate -- [options] <bundle.json | directory>
       npm run --silent evaluate -- --fhir-base <URL> --patient <id> [options]

Evaluates one patient's FHIR R4 Bundle (collection, searchset, transaction or batch) against every
rule and prints one JSON object; given a directory, evaluates every *.json bundle in it and prints
one JSON object per line (NDJSON). Input files must be regular files of at most ${MAX_INPUT_BYTES_TEXT}.

Live mode reads the patient from a FHIR R4 server with the app's own data layer (query plan,
paging, retries) and prints one report of the same shape, with each query's status in
dataStatus.queries. The bearer token, if the server needs one, is read from the environment
variable FHIR_BEARER_TOKEN (never from the command line; it is sent only to the --fhir-base origin,
and never over plain http except to this machine).

Options:
  --as-of YYYY-MM-DD   evaluate as of this date (default: today)
  --format json|text   JSON (default) or a human-readable report
  --summary            print a table of how many patients each rule flagged, found insufficient
                       data for, or errored on, instead of the findings (files only)
  --trace              include each finding's criterion trace in JSON output
  --threads N          evaluate a directory's bundles on N threads, with the same output (default
                       1); each extra thread loads and compiles the evaluator again, so it pays
                       off only with processors to spare (not on two: see the README)
  --handout en|es      print the patient handout's text in this language instead of the report:
                       the app's own builder and safety rules, as if the clinician had marked
                       nothing; a directory gives one handout after another, each under a
                       "======== <file> ========" line (bundles only; --trace adds where each part
                       came from, for the care team)
  --one-page           with --handout: the one-page handout (urgent box, plan, one line per finding)
  --fhir-base URL      live mode: the FHIR server's base URL (http or https)
  --patient ID         live mode: the patient's FHIR id
  --additional-fhir-origin ORIGIN
                       live mode: another origin of the same EHR whose paging links and
                       Medication references are followed with the token (repeatable; https, or
                       http on this machine), like the app's additionalFhirOrigins setting
  -h, --help           show this help

Exit status: 0 when a report is printed (in live mode also when the server failed: what could not
be read is insufficient-data), 2 on bad arguments or unreadable input, 3 when the server returned
another patient's record (nothing is printed).`;

/** Options someone might try for the token: each gets a message that says where it goes instead. */
const TOKEN_OPTIONS = new Set(['--token', '--bearer-token', '--access-token', '--bearer', '--auth']);

export function parseArgs(argv: readonly string[]): EvaluateArgs {
  let asOf: string | undefined;
  let format: Format = 'json';
  let summary = false;
  let trace = false;
  let help = false;
  let threads: number | undefined;
  let handoutLanguage: Language | undefined;
  let onePage = false;
  let formatGiven = false;
  let fhirBase: string | undefined;
  let patientId: string | undefined;
  const additionalFhirOrigins: string[] = [];
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
        formatGiven = true;
        break;
      }
      case '--handout': {
        const v = value();
        if (!isLanguage(v)) throw new UsageError(`--handout must be en or es, got "${v.slice(0, 20)}"`);
        handoutLanguage = v;
        break;
      }
      case '--one-page':
        onePage = true;
        break;
      case '--fhir-base': {
        if (fhirBase !== undefined) throw new UsageError('--fhir-base given twice');
        const v = value();
        const problem = checkFhirBase(v);
        if (problem) throw new UsageError(`--fhir-base ${problem}`);
        fhirBase = v;
        break;
      }
      case '--patient': {
        if (patientId !== undefined) throw new UsageError('--patient given twice');
        const v = value();
        // The id goes into a URL path: only FHIR's id characters (R4 datatypes, "id").
        if (!isFhirId(v)) throw new UsageError('--patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .');
        patientId = v;
        break;
      }
      case '--additional-fhir-origin': {
        const v = value();
        // Checked as the app checks its runtime setting; an unparseable value is not repeated.
        if (!URL.canParse(v)) throw new UsageError('--additional-fhir-origin must be an origin such as https://fhir2.hospital.example');
        try {
          const origin = fhirOrigin(v, '--additional-fhir-origin');
          if (!additionalFhirOrigins.includes(origin)) additionalFhirOrigins.push(origin);
        } catch (err) {
          throw new UsageError(err instanceof ConfigError ? err.message : '--additional-fhir-origin must be an origin');
        }
        break;
      }
      case '--threads': {
        const v = value();
        if (!/^[1-9][0-9]?$/.test(v) || Number(v) > MAX_THREADS) throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, got "${v.slice(0, 20)}"`);
        threads = Number(v);
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
        if (TOKEN_OPTIONS.has(name)) throw new UsageError('the bearer token is read from the environment variable FHIR_BEARER_TOKEN, never from the command line');
        if (name.startsWith('-')) throw new UsageError(`unknown option ${name}`);
        paths.push(arg);
    }
  }
  if (help) return { format, summary, trace, help, paths };
  if (onePage && !handoutLanguage) throw new UsageError('--one-page is for the handout: give --handout en|es too');
  if (handoutLanguage) {
    if (fhirBase !== undefined || patientId !== undefined || additionalFhirOrigins.length) throw new UsageError('--handout reads bundles (a file or a directory), not a FHIR server');
    if (summary) throw new UsageError('--handout prints each patient\'s handout; --summary counts outcomes: give one of them');
    if (formatGiven) throw new UsageError('--handout prints the handout\'s text; --format is for the report');
    if (threads !== undefined) throw new UsageError('--handout prints one handout after another on one thread; leave out --threads');
    if (paths.length !== 1) throw new UsageError(paths.length ? `give one bundle file or one directory, not ${paths.length} paths` : 'give a bundle file or a directory of bundles');
    return { ...(asOf ? { asOf } : {}), format, summary, trace, help, paths, handout: { language: handoutLanguage, layout: onePage ? 'one-page' : 'full' } };
  }
  if (fhirBase !== undefined || patientId !== undefined || additionalFhirOrigins.length) {
    if (fhirBase === undefined) throw new UsageError(`${patientId !== undefined ? '--patient' : '--additional-fhir-origin'} needs --fhir-base (live mode)`);
    if (patientId === undefined) throw new UsageError('--fhir-base needs --patient (live mode)');
    if (paths.length) throw new UsageError('give either --fhir-base and --patient (live mode) or a bundle path, not both');
    if (summary) throw new UsageError('--summary counts outcomes over a directory of bundles; live mode evaluates one patient');
    if (threads !== undefined) throw new UsageError('--threads shares a directory of bundles between threads; live mode evaluates one patient');
    return { ...(asOf ? { asOf } : {}), format, summary, trace, help, paths, live: { fhirBase, patientId, additionalFhirOrigins } };
  }
  if (paths.length === 0) throw new UsageError('give a bundle file or a directory of bundles, or --fhir-base and --patient');
  if (paths.length > 1) throw new UsageError(`give one bundle file or one directory, not ${paths.length} paths`);
  return { ...(asOf ? { asOf } : {}), format, summary, trace, help, paths, ...(threads !== undefined ? { threads } : {}) };
}
