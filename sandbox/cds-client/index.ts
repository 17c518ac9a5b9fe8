// The sandbox EHR as a CDS Hooks client (issue 12): its signing key and JWK Set, the hook calls and
// feedback, and the chart pages. `connect` points it at a CDS service's base URL (the service may
// start after the sandbox, since it must trust this client's JWK Set URL).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthServer } from '../auth';
import type { PatientSummary } from '../auth/types';
import { ChartRoutes } from './chart-routes';
import { CdsClientKeys } from './client-keys';
import { HookCaller } from './hook-caller';

export interface CdsClientOptions {
  /** The sandbox origin, e.g. http://127.0.0.1:8090. */
  readonly origin: string;
  readonly ehrPath?: string;
  readonly fhirBase: string;
  readonly auth: AuthServer;
  readonly appLaunchUrl: string;
  readonly appClientId: string;
  readonly publicOrigin?: string;
  readonly patients: () => readonly PatientSummary[];
  /** A CDS service base URL to call from the start (`<base>/cds-services` is its discovery). */
  readonly cdsHooksUrl?: string;
}

export interface CdsClient {
  /** The `iss` of this client's JWTs: give the CDS service `--trust <issuer>=<jwksUrl>`. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The chart page for a patient. */
  chartUrl(patientId: string): string;
  connect(cdsHooksBaseUrl: string | undefined): void;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export async function createCdsClient(o: CdsClientOptions): Promise<CdsClient> {
  const ehrPath = o.ehrPath ?? '/ehr';
  const issuer = `${o.origin}${ehrPath}`;
  const jwksUrl = `${o.origin}${ehrPath}/cds/jwks.json`;
  const keys = await CdsClientKeys.create(issuer, jwksUrl);
  let caller: HookCaller | undefined;
  const connect = (base: string | undefined) => {
    caller = base ? new HookCaller(base.replace(/\/+$/, ''), keys, o.auth, o.fhirBase) : undefined;
  };
  connect(o.cdsHooksUrl);
  const routes = new ChartRoutes({
    ehrPath,
    fhirBase: o.fhirBase,
    auth: o.auth,
    appLaunchUrl: o.appLaunchUrl,
    appClientId: o.appClientId,
    ...(o.publicOrigin ? { publicOrigin: o.publicOrigin } : {}),
    patients: o.patients,
    caller: () => caller,
    jwks: () => keys.jwks(),
  });
  return {
    issuer,
    jwksUrl,
    chartUrl: (patientId) => `${o.origin}${routes.paths.chart}?patient=${encodeURIComponent(patientId)}`,
    connect,
    handle: (req, res) => routes.handle(req, res),
  };
}
