/**
 * The SMART launch page: read the runtime configuration, decide (launch-decision.ts), and hand over
 * to fhirclient's authorize with PKCE required, our own state, and completion in this window (so
 * it works inside an EHR iframe as well as in a tab). Nothing else happens here.
 */
import FHIR from 'fhirclient';
import { ConfigError, loadRuntimeConfig } from '../src/config/runtime-config.js';
import { decideLaunch } from './launch-decision.js';
import { secureStateKey } from './state-key.js';

function show(message: string, problem: boolean): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = message;
  status.toggleAttribute('data-problem', problem);
}

async function launch(): Promise<void> {
  // The app (and its smart-config.json) is the site root next to launch/.
  const appRoot = new URL('../', window.location.href).href;
  const config = await loadRuntimeConfig(appRoot);
  const decision = decideLaunch(new URL(window.location.href), config, { production: import.meta.env.PROD });
  if (decision.kind === 'refuse') {
    show(decision.message, true);
    return;
  }
  show(decision.standalone ? 'Connecting to the FHIR server…' : 'Connecting to your EHR…', false);
  await FHIR.oauth2.authorize({
    clientId: config.clientId,
    scope: decision.scope,
    iss: decision.iss,
    ...(decision.launch ? { launch: decision.launch } : {}),
    // The app itself is the page that completes the launch.
    redirectUri: appRoot,
    pkceMode: 'required',
    completeInTarget: true,
    stateKey: secureStateKey(),
  });
}

launch().catch((err: unknown) => {
  if (err instanceof ConfigError) show(`The app is not configured correctly: ${err.message}.`, true);
  else if (err instanceof Error && /PKCE|S256/i.test(err.message)) show('This FHIR server does not offer PKCE with S256, which this app requires. Nothing was sent.', true);
  else show('The launch could not start. Open the app from your EHR again.', true);
});
