import type { Bundle, Resource } from 'fhir/r4';
import { splitUnescaped, unescapeValue } from '../search/escaping';
import { relativeToBase } from '../search/references';
import { compartmentPatient } from '../store/compartment';
import type { SandboxRepository } from '../store/sandbox-repository';
import type { AccessRequest } from '../types';
import type { Route } from './route';

/**
 * Works out which patients a request concerns before it runs, so that an authorization hook can compare
 * them with the token's patient context without reading any data itself.
 */
export function accessFor(
  route: Route,
  params: URLSearchParams,
  body: unknown,
  store: SandboxRepository,
  baseUrl: string,
): AccessRequest {
  const ids = new Set<string>();
  const add = (id: string | undefined): void => {
    if (id) ids.add(id);
  };
  switch (route.interaction) {
    case 'search-type':
      searchPatients(route.resourceType, params, baseUrl).forEach(add);
      break;
    case 'read':
    case 'vread':
    case 'history-instance':
    case 'delete':
      add(store.compartmentOf(route.resourceType, route.id));
      break;
    case 'update':
      add(store.compartmentOf(route.resourceType, route.id));
      add(bodyPatient(body));
      break;
    case 'create':
      add(bodyPatient(body));
      break;
    case 'transaction':
      for (const entry of (body as Bundle | undefined)?.entry ?? []) {
        add(bodyPatient(entry.resource));
        const [type, id] = entry.request?.url?.split('/') ?? [];
        if (type && id) add(store.compartmentOf(type, id));
      }
      break;
    case 'capabilities':
      break;
  }
  const patientIds = [...ids];
  const interaction = route.interaction === 'transaction' && (body as Bundle | undefined)?.type === 'batch' ? 'batch' : route.interaction;
  return {
    interaction,
    resourceType: 'resourceType' in route ? route.resourceType : undefined,
    id: 'id' in route ? route.id : undefined,
    patientId: patientIds.length === 1 ? patientIds[0] : undefined,
    patientIds,
    searchParams: route.interaction === 'search-type' ? params : undefined,
  };
}

/** Patients named by `patient=`, `subject=Patient/..` (or `subject:Patient=`), or a Patient search's `_id`. */
function searchPatients(resourceType: string, params: URLSearchParams, baseUrl: string): string[] {
  const ids: string[] = [];
  for (const [key, raw] of params) {
    for (const value of splitUnescaped(raw, ',').map((v) => relativeToBase(unescapeValue(v), baseUrl))) {
      const typed = value.startsWith('Patient/') ? value.slice('Patient/'.length) : undefined;
      if (key === 'patient' || key === 'patient:Patient' || key === 'subject:Patient') {
        ids.push(typed ?? value);
      } else if (key === 'subject' && typed) {
        ids.push(typed);
      } else if (resourceType === 'Patient' && key === '_id') {
        ids.push(value);
      }
    }
  }
  return ids;
}

/** The compartment a submitted resource would go to; undefined for anything that is not a readable resource. */
function bodyPatient(body: unknown): string | undefined {
  const resource = body as Resource | undefined;
  if (!resource || typeof resource !== 'object') {
    return undefined;
  }
  if (resource.resourceType === 'Patient') {
    return resource.id;
  }
  try {
    return compartmentPatient({ resource: resource as Resource & { id: string }, values: new Map() });
  } catch {
    return undefined; // malformed input: validation will refuse it with a proper message
  }
}
