/**
 * Medications the first round left unidentified: a MedicationRequest (Statement, Dispense,
 * Administration) whose `medicationReference` is not contained, not among the results, and not
 * included by the server (many ignore `_include`) is read with `GET Medication/<id>` in the
 * follow-up round. Only references the token may follow are read: relative `Medication/<id>`, or
 * an absolute URL on the launched server's origin or an additional FHIR origin. Whatever cannot be
 * read stays unresolved; the mapper keeps such a use as unidentified (`unresolvedReference`) and
 * the engine says so rather than "not taking" (rule catalogue, second round: "an unidentified
 * medication is not an absent one").
 */
import { field, obj, referenceOf, resourceId, resourceType, type JsonObject } from '../fhir-values.js';
import { MEDICATION_RESOURCE_TYPES } from '../map-medications.js';
import { referencedPatientId, subjectReference, type ResourceSet } from '../resource-set.js';
import { followUpFailure, type FollowUpRound } from './follow-up-round.js';
import { mayReceiveToken, type TokenOrigins } from './token-origins.js';

const ID = '[A-Za-z0-9\\-.]{1,64}';
const RELATIVE = new RegExp(`^Medication/(${ID})(?:/_history/${ID})?$`);
const ABSOLUTE_PATH = new RegExp(`^(.*)/Medication/(${ID})(?:/_history/${ID})?$`);
const MEDICATION_TYPES = new Set(MEDICATION_RESOURCE_TYPES);

export interface MedicationReadPlan {
  /** Read URL → the Medication id it must return. */
  readonly reads: ReadonlyMap<string, string>;
  /** Unresolved references that will not be read, by reason. */
  readonly skipped: ReadonlyMap<string, number>;
}

export interface MedicationFollowUpOutcome {
  /** Distinct Medications read and added to the record. */
  readonly resolved: number;
  /** Distinct references still unresolved after the round. */
  readonly unresolved: number;
  /** Why some stayed unresolved, in words (counts, no identifiers). */
  readonly notes: readonly string[];
}

/** The URL to read a referenced Medication at, or why it cannot be read. */
export function medicationReadUrl(reference: string, baseUrl: string, origins: TokenOrigins): { url: string; id: string } | { skip: string } {
  const relative = RELATIVE.exec(reference);
  if (relative) return { url: `${baseUrl.replace(/\/+$/, '')}/Medication/${relative[1]}`, id: relative[1]! };
  let url: URL;
  try {
    url = new URL(reference);
  } catch {
    return { skip: 'not a reference the app can read' };
  }
  const path = ABSOLUTE_PATH.exec(url.pathname);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !path || url.search || url.hash || url.username || url.password) return { skip: 'not a reference the app can read' };
  if (!mayReceiveToken(url, origins)) return { skip: 'on another site (the app does not send the token there)' };
  return { url: `${url.origin}${path[1]}/Medication/${path[2]}`, id: path[2]! };
}

function unresolvedReference(resource: JsonObject, set: ResourceSet): string | undefined {
  if (field(resource, 'medicationCodeableConcept') !== undefined) return undefined;
  const reference = referenceOf(obj(field(resource, 'medicationReference')));
  if (!reference || reference.startsWith('#')) return undefined; // a missing contained resource cannot be read from the server
  const target = set.resolve(reference, resource);
  return target && resourceType(target) === 'Medication' ? undefined : reference;
}

/** The reads the follow-up round must make for this patient's medication resources. */
export function planMedicationReads(set: ResourceSet, o: { baseUrl: string; origins: TokenOrigins; patientId: string }): MedicationReadPlan {
  const reads = new Map<string, string>();
  const skipped = new Map<string, number>();
  const seen = new Set<string>();
  for (const resource of set.resources) {
    if (!MEDICATION_TYPES.has(resourceType(resource) ?? '')) continue;
    const subject = subjectReference(resource);
    if (subject && referencedPatientId(subject, set) !== o.patientId) continue; // dropped by the mapper anyway
    const reference = unresolvedReference(resource, set);
    if (!reference || seen.has(reference)) continue;
    seen.add(reference);
    const read = medicationReadUrl(reference, o.baseUrl, o.origins);
    if ('skip' in read) skipped.set(read.skip, (skipped.get(read.skip) ?? 0) + 1);
    else reads.set(read.url, read.id);
  }
  return { reads, skipped };
}

const counted = (n: number, reason: string) => `${n} referenced medication${n === 1 ? '' : 's'} not identified: ${reason}`;

export interface ReadRound {
  /** The follow-up round, when it ran. */
  readonly round?: FollowUpRound;
  /** Why no read was sent at all (the type is not offered, no scope to read it). */
  readonly notRead?: string;
  /** The round's limit, for the message about references beyond it. */
  readonly limit: number;
}

/** Add what the round read to the set (before mapping), and say what stayed unresolved. */
export function addReadMedications(plan: MedicationReadPlan, set: ResourceSet, r: ReadRound): MedicationFollowUpOutcome {
  const failures = new Map<string, number>(plan.skipped);
  let resolved = 0;
  for (const [url, id] of plan.reads) {
    const answer = r.round?.results.get(url);
    let reason: string | undefined;
    if (r.notRead) reason = r.notRead;
    else if (!answer) reason = `over the limit of ${r.limit} reads per record`;
    else if (!answer.ok) reason = `reading it failed, ${followUpFailure(answer)}`;
    else {
      const body = obj(answer.body);
      if (!body || resourceType(body) !== 'Medication' || resourceId(body) !== id) reason = 'the server answered with another resource';
      else {
        set.add(body, url);
        resolved += 1;
      }
    }
    if (reason) failures.set(reason, (failures.get(reason) ?? 0) + 1);
  }
  const unresolved = [...failures.values()].reduce((a, b) => a + b, 0);
  return { resolved, unresolved, notes: [...failures].map(([reason, n]) => counted(n, reason)) };
}
