/**
 * The command line of `npm run cds-hooks`: flags to server options, and the lines printed at start.
 */
import { parseArgs } from 'node:util';
import { CdsHooksStartError, DEFAULT_PORT, type CdsHooksOptions } from './server.js';
import { parseTrustArgument } from './trust/trusted-clients.js';
import { isValidDay } from '../rules/engine/time.js';

export const HELP = `Usage: npm run cds-hooks -- [options]

Starts the night leg cramps CDS Hooks 2.0 service (patient-view, order-select, order-sign).

  --port N              port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H              interface to listen on (default 127.0.0.1); anything else needs
                        --public-url and --trust
  --public-url URL      the base URL clients call, e.g. https://cds.hospital.example/leg-cramps
                        behind a web server; the JWTs' aud is <URL>/cds-services/<id>
  --app-launch-url URL  the app's SMART launch URL: cards link to it (type smart)
  --trust ISS=JWKS_URL  trust JWTs with this iss, verified with keys from this JWK Set
                        (repeatable). Without any, unsigned calls from this machine only.
  --as-of YYYY-MM-DD    evaluate as of this date instead of today: for demonstrations and
                        benchmarks on old records (the Synthea corpus), never for patients
  --help                show this text`;

export function parseCdsHooksArgs(argv: readonly string[]): CdsHooksOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        'app-launch-url': { type: 'string' },
        trust: { type: 'string', multiple: true },
        'as-of': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    throw new CdsHooksStartError(`${(cause as Error).message} (see --help)`, { cause });
  }
  if (values.help) return undefined;
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new CdsHooksStartError(`--port takes a whole number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    port = Number(values.port);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidDay(asOf)) throw new CdsHooksStartError(`--as-of takes a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  return {
    ...(asOf ? { today: () => asOf } : {}),
    ...(port === undefined ? {} : { port }),
    ...(values.host ? { host: values.host } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    ...(values['app-launch-url'] ? { appLaunchUrl: values['app-launch-url'] } : {}),
    ...(values.trust?.length ? { trust: values.trust.map(parseTrustArgument) } : {}),
  };
}

/** The lines printed once the service listens. */
export function startupLines(baseUrl: string, options: CdsHooksOptions): string[] {
  const lines = [`CDS Hooks: ${baseUrl}`, `Discovery: ${baseUrl}/cds-services`];
  if (options.trust?.length) lines.push(`Calls must carry a JWT signed by a trusted client: ${options.trust.map((t) => `${t.issuer} (keys from ${t.jwksUrl})`).join('; ')}.`);
  else lines.push('No --trust given: unsigned calls are accepted from this machine only.');
  if (!options.appLaunchUrl) lines.push('No --app-launch-url given: cards carry no link to the app.');
  if (options.today) lines.push(`Evaluating as of ${options.today()}, not today (--as-of).`);
  return lines;
}

