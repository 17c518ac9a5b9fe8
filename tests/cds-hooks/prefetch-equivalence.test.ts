/**
 * Prefetch and live access give the same decisions: for every scenario patient, patient-view and the
 * quinine order check answer the same cards whether the client prefetched every template (filled by
 * the sandbox as a CDS client) or gave only `fhirServer` and `fhirAuthorization`. A failing FHIR
 * server gives no patient-view card, and the log says so without patient data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDateFloor } from '../../cds-hooks/data/date-floor.js';
import { prefetchTemplates, plannedQueries } from '../../cds-hooks/prefetch/templates.js';
import { crampReviewService } from '../../cds-hooks/services/cramp-review-service.js';
import { quinineOrderSignService } from '../../cds-hooks/services/quinine-order-service.js';
import { fillPrefetch } from '../../sandbox/cds-client/prefetch-filler.js';
import { createSandbox, type Sandbox } from '../../sandbox/server.js';
import type { CdsService } from '../../cds-hooks/services/index.js';
import { draftOrders, draftRequest, hookBody, memoryLog, runService } from './support/calls.js';

let sandbox: Sandbox;
let today: string;
beforeAll(async () => {
  sandbox = await createSandbox({ port: 0 });
  today = new Date().toISOString().slice(0, 10);
});
afterAll(async () => {
  await sandbox?.close();
});

async function both(service: CdsService, patientId: string, context: Record<string, unknown> = {}) {
  const token = sandbox.auth.issueEhrToken({ clientId: 'test-cds', scopes: ['patient/*.rs'], patientId });
  const prefetch = await fillPrefetch(prefetchTemplates(service.selection, today, service.withEncounter), { patientId }, sandbox.fhirBase, token.accessToken);
  const fhirAuthorization = { access_token: token.accessToken, token_type: 'Bearer', expires_in: 300, scope: token.scope, subject: 'test-cds' };
  const viaPrefetch = await runService(service, hookBody(service.hook, patientId, { context, prefetch }), { asOf: today });
  const viaFhir = await runService(service, hookBody(service.hook, patientId, { context, fhirServer: sandbox.fhirBase, fhirAuthorization }), { asOf: today });
  const shape = (cards: typeof viaPrefetch) => cards.map((c) => ({ indicator: c.indicator, summary: c.summary, detail: c.detail }));
  return { prefetch: shape(viaPrefetch), fhir: shape(viaFhir) };
}

describe('prefetch and live access decide the same', () => {
  it('for patient-view, every scenario patient', async () => {
    let withCards = 0;
    for (const { id } of sandbox.fhir.patients()) {
      if (id.startsWith('fault-')) continue; // their faults apply to live reads only
      const r = await both(crampReviewService, id);
      expect(r.prefetch, id).toEqual(r.fhir);
      if (r.fhir.length) withCards += 1;
    }
    expect(withCards).toBeGreaterThan(5);
  });

  it('for the quinine order check, every scenario patient', async () => {
    for (const { id } of sandbox.fhir.patients()) {
      if (id.startsWith('fault-')) continue;
      const r = await both(quinineOrderSignService, id, { draftOrders: draftOrders(id, draftRequest('q', { medicationCodeableConcept: { text: 'Quinine sulfate 324 MG Oral Capsule' } })) });
      expect(r.prefetch, id).toEqual(r.fhir);
      expect(r.fhir.map((c) => c.indicator), id).toEqual(['critical']);
    }
  });

  it('a FHIR server failing the conditions gives no patient-view card, logged without patient data', async () => {
    const patientId = 'fault-conditions-500';
    const token = sandbox.auth.issueEhrToken({ clientId: 'test-cds', scopes: ['patient/*.rs'], patientId });
    const log = memoryLog();
    const cards = await runService(crampReviewService, hookBody('patient-view', patientId, { fhirServer: sandbox.fhirBase, fhirAuthorization: { access_token: token.accessToken, token_type: 'Bearer', scope: token.scope } }), { asOf: today, log });
    expect(cards).toEqual([]);
    const text = log.lines.join('\n');
    expect(text).toMatch(/Condition failed \(HTTP 500\)/);
    expect(text).toMatch(/no card: Condition could not be read in full/);
    expect(text).not.toContain(patientId);
  });

  it('a prefetched search is cut at the live query’s date floor (and undated results, which a date search never returns)', () => {
    const q = plannedQueries(crampReviewService.selection, '2026-06-15').find((x) => x.name === 'Observation: electrolytes')!;
    const obs = (id: string, effective?: unknown) => ({ resource: { resourceType: 'Observation', id, ...(effective === undefined ? {} : typeof effective === 'string' ? { effectiveDateTime: effective } : { effectivePeriod: effective }) } });
    const bundle = { resourceType: 'Bundle', type: 'searchset', entry: [obs('new', '2026-06-01'), obs('old', '1999-01-01'), obs('undated'), obs('open', { start: '1990-01-01' }), obs('period', { start: '1990-01-01', end: '1990-02-01' })] };
    const cut = applyDateFloor(bundle, q) as { entry: { resource: { id: string } }[] };
    expect(cut.entry.map((e) => e.resource.id)).toEqual(['new', 'open']);
    const conditions = plannedQueries(crampReviewService.selection, '2026-06-15').find((x) => x.name === 'Condition')!;
    expect(applyDateFloor(bundle, conditions)).toBe(bundle);
  });
});
