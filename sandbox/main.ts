/**
 * `npm run sandbox`: the local SMART EHR sandbox on its own. Prints, each on a line of its own,
 * `FHIR base: <url>` and `EHR: <url>` once the patients are loaded (scripts wait for these lines),
 * then a short summary. Ctrl-C or SIGTERM closes the server and exits 0; a start failure prints one
 * line on stderr and exits 1.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createSandbox, type Sandbox, type SandboxOptions } from './server';
import { SandboxStartError } from './start-error';

const HELP = `Usage: npm run sandbox -- [options]

Starts the local FHIR R4 server, SMART authorization server and EHR page on one origin.

  --port N          port to listen on (default 8090; 0 picks a free one)
  --host H          interface to listen on (default 127.0.0.1); anything but a
                    loopback address needs --public-url
  --public-url URL  the URL other machines reach this sandbox at (an origin such as
                    http://sandbox.lan:8090): it is printed as the FHIR base and EHR
                    address and is the tokens' aud; the patient picker then asks the
                    user to confirm
  --data DIR        also load this file or directory of FHIR bundles (repeatable),
                    e.g. --data ../shared/data/synthea-r4
  --patients DIR    scenario patients directory (default sandbox/patients); their
                    dates are moved from the day they are written for to today
  --app-url URL     where the app runs (default http://127.0.0.1:5173); the EHR page
                    opens URL/launch/ and URL/ is a registered redirect URI
  --latency MS      add this many milliseconds to every FHIR response
  --cds-hooks URL   a CDS Hooks service's base URL: the EHR's chart pages call it
                    (the service must trust this sandbox's JWK Set, printed at start)
  --help            show this text

Faults: GET/POST/DELETE /sandbox/faults from this machine; see sandbox/README.md.`;

const MAX_WARNINGS_SHOWN = 20;

function wholeNumber(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max) throw new SandboxStartError('bad-option', `${flag} takes a whole number from 0 to ${max}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Command-line flags as createSandbox options; undefined when --help was asked for. */
function parseOptions(argv: readonly string[]): SandboxOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        data: { type: 'string', multiple: true },
        patients: { type: 'string' },
        'app-url': { type: 'string' },
        latency: { type: 'string' },
        'cds-hooks': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    throw new SandboxStartError('bad-option', `${(cause as Error).message} (see --help)`, { cause });
  }
  if (values.help) return undefined;
  const port = wholeNumber('--port', values.port, 65535);
  const latencyMs = wholeNumber('--latency', values.latency, 600_000);
  return {
    ...(port === undefined ? {} : { port }),
    ...(values.host ? { host: values.host } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    ...(values.data ? { data: values.data } : {}),
    ...(values.patients ? { patientsDir: values.patients } : {}),
    ...(values['app-url'] ? { appUrl: values['app-url'] } : {}),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(values['cds-hooks'] ? { cdsHooksUrl: values['cds-hooks'] } : {}),
  };
}

function summary(sandbox: Sandbox, options: SandboxOptions): string[] {
  const { startup } = sandbox;
  const dir = startup.scenarios.dir ? relative(process.cwd(), startup.scenarios.dir) || '.' : '';
  const scenarios =
    startup.scenarios.state === 'missing'
      ? `no scenario patients (${dir} does not exist yet)`
      : startup.scenarios.state === 'empty'
        ? `no scenario patients (${dir} has no bundles yet)`
        : `scenario patients from ${dir}${startup.scenarios.shiftedByDays ? `, dates moved ${startup.scenarios.shiftedByDays} days to today` : ''}`;
  const extra = options.data?.length ? ` and ${options.data.join(', ')}` : '';
  const lines = [
    `Loaded ${startup.patients} patients (${startup.resources} resources) in ${startup.milliseconds} ms: ${scenarios}${extra}.`,
    `App: client ${sandbox.clientId}; the EHR page opens ${sandbox.appLaunchUrl}`,
  ];
  lines.push(`Faults: ${startup.scenarios.faultRules} rules from faults.json; switch more at ${sandbox.adminUrl} (loopback only, see sandbox/README.md).`);
  lines.push(`CDS client: JWTs signed as ${sandbox.cdsClient.issuer}, keys at ${sandbox.cdsClient.jwksUrl}${options.cdsHooksUrl ? `; calls ${options.cdsHooksUrl}` : ' (no --cds-hooks given)'}.`);
  if (sandbox.faults.latencyMs) lines.push(`Every FHIR response is delayed by ${sandbox.faults.latencyMs} ms.`);
  lines.push('Stop with Ctrl-C.');
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(HELP);
    return;
  }
  const sandbox = await createSandbox(options);
  // Ctrl-C signals the whole process group and npm forwards it to this process as well, so the signal
  // may arrive twice: keep handling it (a second one must not kill the process mid-close with 130).
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`FHIR base: ${sandbox.fhirBase}`);
  console.log(`EHR: ${sandbox.ehrUrl}`);
  for (const line of summary(sandbox, options)) console.log(line);
  const { warnings } = sandbox.startup;
  for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN)) console.warn(`warning: ${warning}`);
  if (warnings.length > MAX_WARNINGS_SHOWN) console.warn(`warning: ... and ${warnings.length - MAX_WARNINGS_SHOWN} more`);
}

main().catch((err: unknown) => {
  // Expected failures are one line for a person; anything else keeps its stack for a bug report.
  if (err instanceof SandboxStartError) console.error(`sandbox: ${err.message}`);
  else console.error('sandbox: failed to start:', err);
  process.exit(1);
});
