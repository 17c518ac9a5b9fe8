/**
 * `npm run cds-hooks -- [--port N] [--host H] [--public-url URL] [--app-launch-url URL] [--trust ISS=JWKS_URL ...]`
 * Starts the CDS Hooks service and prints `CDS Hooks: <base URL>` on a line of its own (the discovery
 * endpoint is `<base URL>/cds-services`), then how it trusts its callers. Ctrl-C or SIGTERM stops it;
 * a start failure prints one line on stderr and exits 1.
 */
import { HELP, parseCdsHooksArgs, startupLines } from './cli.js';
import { CdsHooksStartError, startCdsHooksServer } from './server.js';
import { TrustError } from './trust/trusted-clients.js';

async function main(): Promise<void> {
  const options = parseCdsHooksArgs(process.argv.slice(2));
  if (!options) {
    console.log(HELP);
    return;
  }
  const service = await startCdsHooksServer(options);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void service.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const line of startupLines(service.baseUrl, options)) console.log(line);
}

main().catch((err: unknown) => {
  if (err instanceof CdsHooksStartError || err instanceof TrustError) console.error(`cds-hooks: ${err.message}`);
  else console.error('cds-hooks: failed to start:', err);
  process.exit(1);
});
