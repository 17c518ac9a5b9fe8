/**
 * Which patients a resource mentions, found by walking all of it (contained resources, extensions,
 * nested Bundle entries too), not only through the search parameters that define the compartment:
 * a resource can name a patient in places no parameter covers (Observation.performer,
 * AllergyIntolerance.recorder, Patient.link, a contained Patient), and every one of those names
 * someone whose data must not reach another patient's app.
 */
import type { Resource } from 'fhir/r4';

export interface PatientMentions {
  /** Ids of Patients on this server named by a literal reference (`Patient/1`, `<base>/Patient/1`). */
  readonly local: ReadonlySet<string>;
  /**
   * The resource names a patient this server cannot tell is one of its own: a Patient on another
   * server, a Patient reference by identifier only, or an embedded Patient resource (contained, or
   * inside a stored Bundle), whatever its id says.
   */
  readonly unidentified: boolean;
}

const RELATIVE_PATIENT = /^Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
/** Anything that ends like a Patient reference, wherever it points. */
const ANY_PATIENT = /(?:^|\/)Patient\/[^/]+(?:\/_history\/[^/]+)?$/;

/** Stored resources are frozen and replaced (never changed) on update, so one result per object stays right. */
const cache = new WeakMap<object, Map<string, PatientMentions>>();

export function patientMentions(resource: Resource, baseUrl: string): PatientMentions {
  let byBase = cache.get(resource);
  const cached = byBase?.get(baseUrl);
  if (cached) return cached;
  const local = new Set<string>();
  let unidentified = false;
  const ownPrefix = `${baseUrl.replace(/\/+$/, '')}/`;

  const reference = (value: string): void => {
    const relative = value.startsWith(ownPrefix) ? value.slice(ownPrefix.length) : value;
    const m = RELATIVE_PATIENT.exec(relative);
    if (m) local.add(m[1] as string);
    else if (ANY_PATIENT.test(value)) unidentified = true; // another server's Patient, or a malformed id
  };

  const visit = (node: unknown, isRoot: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    // An embedded Patient (contained, or an entry of a stored Bundle) is a copy of someone's
    // demographics under an id that proves nothing about whose they are.
    if (!isRoot && record.resourceType === 'Patient') unidentified = true;
    if (typeof record.reference === 'string') reference(record.reference);
    else if (record.type === 'Patient' && record.identifier !== undefined) unidentified = true; // a logical reference: who is it?
    for (const value of Object.values(record)) {
      if (typeof value === 'object') visit(value, false);
    }
  };
  visit(resource, true);
  const result: PatientMentions = { local, unidentified };
  if (!byBase) {
    byBase = new Map();
    cache.set(resource, byBase);
  }
  byBase.set(baseUrl, result);
  return result;
}
