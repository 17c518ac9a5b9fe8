/**
 * The clinic's name and telephone number from the EHR, for the handout's urgent box when the
 * runtime configuration names no clinic (issue 11 point 4): the Organization of the launch, read
 * only, with the launch's own token and rules.
 *
 * Where it looks, in order: the launch encounter's `serviceProvider` (the clinic of this visit), when
 * the EHR launched the app in an encounter and Encounter may be read; then the patient's
 * `managingOrganization`. Only relative `Organization/<id>` references on the launched server are
 * followed (the token never leaves its origin: getJson refuses any other), only when the granted
 * scopes allow reading Organization, without retries, and with a short timeout. Anything that fails,
 * is refused or does not look like an active Organization gives nothing: the handout then prints
 * a line to write the clinic on. Nothing is written, logged or kept beyond the visit.
 */
import { clinicContactOf, type ClinicContact } from '../../handout/clinic.js';
import { arr, field, obj, str, type JsonObject } from '../fhir-values.js';
import type { Session } from '../session.js';
import { getJson, type HttpOptions } from './fhir-http.js';
import { mayRead } from './granted-scopes.js';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const ORGANIZATION_REFERENCE = /^Organization\/([A-Za-z0-9\-.]{1,64})$/;

export interface ClinicLookup {
  /** The patient's managingOrganization (`Organization/<id>`), from the Patient already read. */
  readonly patientOrganization?: string;
  readonly additionalFhirOrigins?: readonly string[];
  readonly fetch?: typeof fetch;
  /** Per request; the lookup is a nicety and must not hold anything up for long. */
  readonly timeoutMs?: number;
}

/** The first telephone number an Organization gives that is in use (not `old`, its period not over). */
function phoneOf(org: JsonObject, today: string): string | undefined {
  for (const t of arr(field(org, 'telecom')).map(obj)) {
    if (str(field(t, 'system')) !== 'phone' || str(field(t, 'use')) === 'old') continue;
    const end = str(field(obj(field(t, 'period')), 'end'));
    if (end && end.slice(0, 10) < today) continue;
    const value = str(field(t, 'value'));
    if (value) return value;
  }
  return undefined;
}

export async function launchOrganization(session: Session, lookup: ClinicLookup = {}): Promise<ClinicContact | undefined> {
  if (!mayRead(session.scope, 'Organization')) return undefined;
  const base = session.serverUrl.replace(/\/+$/, '');
  const http: HttpOptions = {
    baseUrl: session.serverUrl,
    additionalOrigins: lookup.additionalFhirOrigins ?? [],
    accessToken: session.accessToken,
    fetch: lookup.fetch ?? fetch.bind(globalThis),
    timeoutMs: lookup.timeoutMs ?? 8000,
    maxRetries: 0,
    maxRetryAfterMs: 0,
  };
  const read = async (type: string, id: string): Promise<JsonObject | undefined> => {
    const r = await getJson(`${base}/${type}/${encodeURIComponent(id)}`, http);
    const body = r.ok ? obj(r.body) : undefined;
    return body && str(field(body, 'resourceType')) === type && str(field(body, 'id')) === id ? body : undefined;
  };

  const references: string[] = [];
  if (session.encounterId && ID.test(session.encounterId) && mayRead(session.scope, 'Encounter')) {
    const encounter = await read('Encounter', session.encounterId);
    const provider = str(field(obj(field(encounter, 'serviceProvider')), 'reference'));
    if (provider) references.push(provider.trim());
  }
  if (lookup.patientOrganization) references.push(lookup.patientOrganization);

  const today = new Date().toISOString().slice(0, 10);
  for (const ref of references) {
    const id = ORGANIZATION_REFERENCE.exec(ref)?.[1];
    if (!id) continue;
    const org = await read('Organization', id);
    if (!org || field(org, 'active') === false) continue;
    const contact = clinicContactOf(str(field(org, 'name')), phoneOf(org, today));
    if (contact) return contact;
  }
  return undefined;
}
