/** Test support: hook requests as a CDS client sends them, and running a service on one directly. */
import { randomUUID } from 'node:crypto';
import type { Card } from '../../../cds-hooks/cards/card.js';
import { parseHookRequest, type Hook } from '../../../cds-hooks/hooks/hook-request.js';
import type { Logger } from '../../../cds-hooks/log.js';
import type { CdsService } from '../../../cds-hooks/services/index.js';

type Json = Record<string, unknown>;

export const AS_OF = '2026-06-15';

export function hookBody(hook: Hook, patientId: string, extra: { context?: Json; prefetch?: Json; fhirServer?: string; fhirAuthorization?: Json } = {}): Json {
  return {
    hook,
    hookInstance: randomUUID(),
    context: { userId: 'Practitioner/example', patientId, ...(extra.context ?? {}) },
    ...(extra.prefetch ? { prefetch: extra.prefetch } : {}),
    ...(extra.fhirServer ? { fhirServer: extra.fhirServer } : {}),
    ...(extra.fhirAuthorization ? { fhirAuthorization: extra.fhirAuthorization } : {}),
  };
}

/** A draftOrders Bundle of the given resources (each given the patient as subject unless it has one). */
export function draftOrders(patientId: string, ...resources: Json[]): Json {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((r) => ({ resource: { subject: { reference: `Patient/${patientId}` }, ...r } })) };
}

export function draftRequest(id: string, medication: Json, extra: Json = {}): Json {
  return { resourceType: 'MedicationRequest', id, status: 'draft', intent: 'order', ...medication, ...extra };
}

export function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (l) => lines.push(l), warn: (l) => lines.push(`warning: ${l}`) };
}

export async function runService(service: CdsService, body: Json, options: { log?: Logger; fetch?: typeof fetch; asOf?: string } = {}): Promise<Card[]> {
  const request = parseHookRequest(body, service.hook);
  return service.run({ request, asOf: options.asOf ?? AS_OF, log: options.log ?? memoryLog(), ...(options.fetch ? { fetch: options.fetch } : {}), appLink: { label: 'Open the night leg cramps review', url: 'https://app.example/launch/', type: 'smart' } });
}
