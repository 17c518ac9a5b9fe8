// Calling the CDS service's hooks as the sandbox EHR: discovery (read once per call, so a restarted
// service is picked up), one POST per service registered for the hook, each signed for its own
// endpoint, with prefetch, `fhirServer` and a patient-scoped `fhirAuthorization`; and feedback.
import { randomUUID } from 'node:crypto';
import type { AuthServer } from '../auth';
import type { CdsClientKeys } from './client-keys';
import { fillPrefetch } from './prefetch-filler';

export interface CdsCard {
  readonly uuid?: string;
  readonly summary?: unknown;
  readonly detail?: unknown;
  readonly indicator?: unknown;
  readonly source?: { readonly label?: unknown; readonly url?: unknown };
  readonly suggestions?: readonly { readonly label?: unknown; readonly uuid?: unknown; readonly actions?: readonly Record<string, unknown>[] }[];
  readonly overrideReasons?: readonly { readonly system?: unknown; readonly code?: unknown; readonly display?: unknown }[];
  readonly links?: readonly { readonly label?: unknown; readonly url?: unknown; readonly type?: unknown }[];
}

export interface ServiceAnswer {
  readonly serviceId: string;
  readonly cards: readonly CdsCard[];
  /** One line when the service refused or failed ("412: prefetch is missing ..."). */
  readonly problem?: string;
}

interface DiscoveredService {
  readonly hook: string;
  readonly id: string;
  readonly prefetch?: Readonly<Record<string, string>>;
}

/** The client id the CDS service is registered under with this sandbox's authorization server. */
export const CDS_SERVICE_CLIENT_ID = 'leg-cramps-cds';
const SERVICE_ID = /^[A-Za-z0-9\-._~]{1,64}$/;
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export class HookCaller {
  constructor(
    private readonly baseUrl: string,
    private readonly keys: CdsClientKeys,
    private readonly auth: AuthServer,
    private readonly fhirBase: string,
  ) {}

  private async services(hook: string): Promise<DiscoveredService[]> {
    const r = await fetch(`${this.baseUrl}/cds-services`, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(`discovery answered ${r.status}`);
    const body = (await r.json()) as { services?: unknown };
    const list = Array.isArray(body.services) ? (body.services as DiscoveredService[]) : [];
    return list.filter((s) => s && s.hook === hook && typeof s.id === 'string' && SERVICE_ID.test(s.id));
  }

  async call(hook: string, context: Readonly<Record<string, unknown>> & { patientId: string; encounterId?: string }): Promise<ServiceAnswer[]> {
    let services: DiscoveredService[];
    try {
      services = await this.services(hook);
    } catch (err) {
      return [{ serviceId: '(discovery)', cards: [], problem: `the CDS service could not be reached (${(err as Error).message.slice(0, 80)})` }];
    }
    const token = this.auth.issueEhrToken({ clientId: CDS_SERVICE_CLIENT_ID, scopes: ['patient/*.rs'], patientId: context.patientId, lifetimeSeconds: 300 });
    return Promise.all(services.map((s) => this.callOne(s, hook, context, token)));
  }

  private async callOne(service: DiscoveredService, hook: string, context: Readonly<Record<string, unknown>> & { patientId: string; encounterId?: string }, token: { accessToken: string; expiresIn: number; scope: string }): Promise<ServiceAnswer> {
    const url = `${this.baseUrl}/cds-services/${service.id}`;
    const prefetch = service.prefetch ? await fillPrefetch(service.prefetch, { patientId: context.patientId, ...(context.encounterId ? { encounterId: context.encounterId } : {}), userId: String(context.userId) }, this.fhirBase, token.accessToken) : {};
    const body = {
      hook,
      hookInstance: randomUUID(),
      fhirServer: this.fhirBase,
      fhirAuthorization: { access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn, scope: token.scope, subject: CDS_SERVICE_CLIENT_ID, patient: context.patientId },
      context,
      prefetch,
    };
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await this.keys.sign(url)}` }, body: JSON.stringify(body) });
      const text = await r.text();
      if (text.length > MAX_ANSWER_BYTES) return { serviceId: service.id, cards: [], problem: 'the answer was too large to show' };
      if (!r.ok) return { serviceId: service.id, cards: [], problem: `${r.status}: ${text.split('\n')[0]!.slice(0, 200)}` };
      const parsed = JSON.parse(text) as { cards?: unknown };
      return { serviceId: service.id, cards: Array.isArray(parsed.cards) ? (parsed.cards as CdsCard[]).filter((c) => c && typeof c === 'object') : [] };
    } catch (err) {
      return { serviceId: service.id, cards: [], problem: `the call failed (${(err as Error).name})` };
    }
  }

  /** CDS Hooks 2.0 feedback: one item, signed for the feedback endpoint. Failures are ignored (feedback is advisory). */
  async feedback(serviceId: string, item: Record<string, unknown>): Promise<number | undefined> {
    if (!SERVICE_ID.test(serviceId)) return undefined;
    const url = `${this.baseUrl}/cds-services/${serviceId}/feedback`;
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await this.keys.sign(url)}` }, body: JSON.stringify({ feedback: [{ ...item, outcomeTimestamp: new Date().toISOString() }] }) });
      await r.body?.cancel();
      return r.status;
    } catch {
      return undefined;
    }
  }
}
