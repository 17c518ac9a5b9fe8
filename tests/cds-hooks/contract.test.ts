/**
 * Each endpoint against the CDS Hooks 2.0 specification's required fields
 * (https://cds-hooks.hl7.org/2.0/): discovery, service responses and their cards, feedback; and
 * the statuses for requests the service refuses, each with one line of text.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsHooksServer } from '../../cds-hooks/server.js';
import { SERVICES } from '../../cds-hooks/services/index.js';
import { prefetchEntries, prefetchKey } from '../../cds-hooks/prefetch/templates.js';
import { plannedQueries } from '../../cds-hooks/prefetch/templates.js';
import { BundleBuilder } from '../support/fhir-builder.js';
import { AS_OF, draftOrders, draftRequest, hookBody } from './support/calls.js';
import { prefetchFor } from './support/prefetch.js';
import { post, startTestServer } from './support/server.js';

let server: CdsHooksServer;
const service = (id: string) => `${server.baseUrl}/cds-services/${id}`;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const QUININE = { medicationCodeableConcept: { text: 'Quinine sulfate 324 MG Oral Capsule' } };

function pregnantWithCramps() {
  const b = new BundleBuilder({ gender: 'female', birthDate: '1995-01-01' });
  b.condition({ icd10: 'G47.62', display: 'Sleep related leg cramps', onset: '2026-05-01' });
  b.condition({ icd10: 'Z34.83', display: 'Supervision of normal pregnancy, third trimester', onset: '2026-01-01' });
  b.lab({ loinc: '19123-9', value: 1.3, unit: 'mg/dL', date: '2026-06-01' });
  return b;
}

/** A card as the specification requires it (Card attributes). */
function expectSpecCard(card: Record<string, unknown>): void {
  expect(typeof card.uuid).toBe('string');
  expect(typeof card.summary).toBe('string');
  expect((card.summary as string).length).toBeLessThan(140);
  expect(card.summary).not.toMatch(/[\n\r]/);
  expect(['info', 'warning', 'critical']).toContain(card.indicator);
  expect(typeof (card.source as { label?: unknown }).label).toBe('string');
  if (card.detail !== undefined) expect(typeof card.detail).toBe('string');
  const suggestions = card.suggestions as Record<string, unknown>[] | undefined;
  if (suggestions) {
    expect(suggestions.length).toBeGreaterThan(0);
    expect(['at-most-one', 'any']).toContain(card.selectionBehavior);
    for (const s of suggestions) {
      expect(typeof s.label).toBe('string');
      expect(typeof s.uuid).toBe('string');
      for (const a of s.actions as Record<string, unknown>[]) {
        expect(['create', 'update', 'delete']).toContain(a.type);
        expect(typeof a.description).toBe('string');
        if (a.type === 'delete') expect(a.resourceId).toMatch(/^[A-Za-z]+\/[A-Za-z0-9\-.]+$/);
        else expect(typeof (a.resource as { resourceType?: unknown }).resourceType).toBe('string');
      }
    }
  }
  for (const r of (card.overrideReasons as Record<string, unknown>[] | undefined) ?? []) expect(r).toEqual({ system: expect.any(String), code: expect.any(String), display: expect.any(String) });
  for (const l of (card.links as Record<string, unknown>[] | undefined) ?? []) {
    expect(typeof l.label).toBe('string');
    expect(['absolute', 'smart']).toContain(l.type);
    expect(l.url).toMatch(/^https?:\/\//);
  }
  // JSON elements SHALL NOT be null or empty.
  expect(JSON.stringify(card)).not.toMatch(/:null|:""|:\[\]|:\{\}/);
}

describe('discovery', () => {
  it('lists every service with hook, title, description, id and prefetch templates generated from the query plan', async () => {
    const response = await fetch(`${server.baseUrl}/cds-services`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { services: Record<string, unknown>[] };
    expect(body.services.map((s) => [s.hook, s.id])).toEqual([
      ['patient-view', 'leg-cramps-review'],
      ['order-select', 'quinine-order-select'],
      ['order-sign', 'quinine-order-sign'],
      ['order-sign', 'diuretic-electrolytes-order-sign'],
    ]);
    for (const s of body.services) {
      expect(typeof s.title).toBe('string');
      expect(typeof s.description).toBe('string');
      const def = SERVICES.find((x) => x.id === s.id)!;
      const keys = plannedQueries(def.selection, AS_OF).map(prefetchKey);
      expect(Object.keys(s.prefetch as object)).toEqual(def.withEncounter ? [...keys, 'encounter'] : keys);
      for (const template of Object.values(s.prefetch as Record<string, string>)) {
        expect(template).toMatch(/^[A-Z][A-Za-z]+(\/\{\{context\.(patientId|encounterId)\}\}|\?patient=\{\{context\.patientId\}\}&)/);
        expect(template).not.toMatch(/[?&](date|whenhandedover|effective-time|authored)=/);
      }
    }
    const review = body.services[0]!.prefetch as Record<string, string>;
    expect(review.patient).toBe('Patient/{{context.patientId}}');
    expect(review['observation-electrolytes']).toContain('code=http://loinc.org|2823-3');
    expect(review.encounter).toBe('Encounter/{{context.encounterId}}');
    // The order checks ask for no medicine list: the draft is in the request.
    expect(Object.keys(body.services[2]!.prefetch as object).some((k) => k.startsWith('medication'))).toBe(false);
  });

  it('answers GET only', async () => {
    const r = await post(`${server.baseUrl}/cds-services`, {});
    expect(r.status).toBe(405);
  });
});

describe('service calls', () => {
  it('patient-view answers { cards } with a card as the specification requires', async () => {
    const b = pregnantWithCramps();
    const def = SERVICES[0]!;
    const r = await post(service('leg-cramps-review'), hookBody('patient-view', b.patientId, { prefetch: prefetchFor(b.bundle(), def.selection, AS_OF) }));
    expect(r.status).toBe(200);
    const cards = (r.json as { cards: Record<string, unknown>[] }).cards;
    expect(cards).toHaveLength(1);
    for (const c of cards) expectSpecCard(c);
    expect(Object.keys(r.json as object)).toEqual(['cards']);
  });

  it('order-select and order-sign answer quinine with a spec card, and an empty cards array when there is nothing to say', async () => {
    const b = pregnantWithCramps();
    for (const [hook, id] of [['order-select', 'quinine-order-select'], ['order-sign', 'quinine-order-sign']] as const) {
      const def = SERVICES.find((s) => s.id === id)!;
      const prefetch = prefetchFor(b.bundle(), def.selection, AS_OF);
      const drafts = draftOrders(b.patientId, draftRequest('q1', QUININE));
      const r = await post(service(id), hookBody(hook, b.patientId, { prefetch, context: { draftOrders: drafts, ...(hook === 'order-select' ? { selections: ['MedicationRequest/q1'] } : {}) } }));
      expect(r.status, id).toBe(200);
      const [card] = (r.json as { cards: Record<string, unknown>[] }).cards;
      expectSpecCard(card!);
      expect(card!.indicator).toBe('critical');
      const none = await post(service(id), hookBody(hook, b.patientId, { prefetch, context: { draftOrders: draftOrders(b.patientId, draftRequest('p', { medicationCodeableConcept: { text: 'Paracetamol' } })), ...(hook === 'order-select' ? { selections: ['MedicationRequest/p'] } : {}) } }));
      expect(none.json).toEqual({ cards: [] });
    }
  });

  it('the diuretic card is a spec card with create actions', async () => {
    const b = new BundleBuilder({ gender: 'male', birthDate: '1950-01-01' });
    const def = SERVICES.find((s) => s.id === 'diuretic-electrolytes-order-sign')!;
    const r = await post(service(def.id), hookBody('order-sign', b.patientId, { prefetch: prefetchFor(b.bundle(), def.selection, AS_OF), context: { draftOrders: draftOrders(b.patientId, draftRequest('h', { medicationCodeableConcept: { text: 'Hydrochlorothiazide 25 MG Oral Tablet' } })) } }));
    const [card] = (r.json as { cards: Record<string, unknown>[] }).cards;
    expectSpecCard(card!);
  });

  it('answers 412 when the prefetch is missing and no FHIR server was given', async () => {
    const b = pregnantWithCramps();
    const r = await post(service('leg-cramps-review'), hookBody('patient-view', b.patientId));
    expect(r.status).toBe(412);
    expect(r.text).toMatch(/^prefetch is missing patient, .* and no fhirServer with fhirAuthorization was given to fetch it\n$/);
    const partial = prefetchFor(b.bundle(), SERVICES[0]!.selection, AS_OF);
    delete partial.condition;
    const r2 = await post(service('leg-cramps-review'), hookBody('patient-view', b.patientId, { prefetch: partial }));
    expect(r2.status).toBe(412);
    expect(r2.text).toMatch(/missing condition and/);
  });
});

describe('refusals: the specification’s status and one line', () => {
  const valid = () => {
    const b = pregnantWithCramps();
    return hookBody('patient-view', b.patientId, { prefetch: prefetchFor(b.bundle(), SERVICES[0]!.selection, AS_OF) });
  };
  it.each([
    ['malformed JSON', '{"hook": "patient-view",', 400, /not valid JSON/],
    ['a body that is not an object', '[1,2]', 400, /must be a JSON object/],
    ['an unknown hook', { ...valid(), hook: 'order-dispatch' }, 400, /answers the patient-view hook, not "order-dispatch"/],
    ['no hookInstance', { ...valid(), hookInstance: undefined }, 400, /hookInstance is required/],
    ['no context', { ...valid(), context: undefined }, 400, /context is required/],
    ['no patientId', { ...valid(), context: { userId: 'Practitioner/1' } }, 400, /context\.patientId must be a FHIR id/],
    ['a patientId that is not a FHIR id', { ...valid(), context: { userId: 'Practitioner/1', patientId: '../../Patient?x' } }, 400, /context\.patientId must be a FHIR id/],
    ['no userId', { ...valid(), context: { patientId: 'p1' } }, 400, /context\.userId is required/],
    ['a prefetch of the wrong type', { ...valid(), prefetch: { ...(valid().prefetch as object), patient: { resourceType: 'Bundle', type: 'searchset' } } }, 400, /prefetch\.patient must be a Patient/],
    ['a search prefetch that is a string', { ...valid(), prefetch: { ...(valid().prefetch as object), condition: 'Condition?patient=1' } }, 400, /prefetch\.condition must be a searchset Bundle/],
    ['fhirAuthorization without fhirServer', { ...valid(), fhirAuthorization: { access_token: 'x', token_type: 'Bearer', scope: 'patient/*.rs' } }, 400, /without fhirServer/],
    ['a fhirServer that is not a URL', { ...valid(), fhirServer: 'javascript:alert(1)' }, 400, /fhirServer must be an absolute http/],
    ['a token over plain http to another machine', { ...valid(), fhirServer: 'http://ehr.example/fhir', fhirAuthorization: { access_token: 'x', token_type: 'Bearer', scope: 'patient/*.rs' } }, 400, /plain http/],
  ])('%s → %i', async (_what, body, status, reason) => {
    const r = await post(service('leg-cramps-review'), body);
    expect(r.status).toBe(status);
    expect(r.text).toMatch(reason);
    expect(r.text.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a prefetch holding another patient’s record → 400', async () => {
    const b = pregnantWithCramps();
    const prefetch = prefetchFor(b.bundle(), SERVICES[0]!.selection, AS_OF);
    const r = await post(service('leg-cramps-review'), hookBody('patient-view', 'someone-else', { prefetch }));
    expect(r.status).toBe(400);
    expect(r.text).toBe("the prefetch holds another patient's record\n");
  });

  it('order-sign without draftOrders, order-select without selections → 400', async () => {
    const b = new BundleBuilder();
    expect((await post(service('quinine-order-sign'), hookBody('order-sign', b.patientId))).text).toMatch(/context\.draftOrders is required/);
    const r = await post(service('quinine-order-select'), hookBody('order-select', b.patientId, { context: { draftOrders: draftOrders(b.patientId) } }));
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/context\.selections is required/);
  });

  it('an oversized body → 413 before it is read; a body that is not JSON → 415', async () => {
    const big = `{"pad":"${'x'.repeat(17 * 1024 * 1024)}"}`;
    const r = await post(service('leg-cramps-review'), big);
    expect(r.status).toBe(413);
    const t = await fetch(service('leg-cramps-review'), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(t.status).toBe(415);
  });

  it('an unknown service → 404; GET on a service → 405', async () => {
    expect((await post(service('no-such-service'), valid())).status).toBe(404);
    expect((await post(service('%E0%A4%A'), valid())).status).toBe(404);
    const g = await fetch(service('leg-cramps-review'));
    expect(g.status).toBe(405);
    expect(g.headers.get('allow')).toBe('POST');
  });
});

describe('hostile bodies', () => {
  it('never crash the service: any JSON in any field gets 200, 400 or 412 with one line', async () => {
    const b = pregnantWithCramps();
    const good = hookBody('order-sign', b.patientId, { prefetch: prefetchFor(b.bundle(), SERVICES[2]!.selection, AS_OF), context: { draftOrders: draftOrders(b.patientId, draftRequest('q', QUININE)) } });
    const field = fc.constantFrom('hook', 'hookInstance', 'context', 'prefetch', 'fhirServer', 'fhirAuthorization');
    const contextField = fc.constantFrom('userId', 'patientId', 'encounterId', 'draftOrders', 'selections');
    const prefetchKeyField = fc.constantFrom(...Object.keys(good.prefetch as object));
    const where = fc.oneof(field.map((f) => ['top', f] as const), contextField.map((f) => ['context', f] as const), prefetchKeyField.map((f) => ['prefetch', f] as const));
    await fc.assert(
      fc.asyncProperty(where, fc.anything({ withNullPrototype: false, maxDepth: 4 }), async ([part, name], value) => {
        const body = structuredClone(good) as Record<string, Record<string, unknown>>;
        if (part === 'top') (body as Record<string, unknown>)[name] = value;
        else body[part]![name] = value;
        const r = await post(service('quinine-order-sign'), JSON.stringify(body) ?? 'null');
        expect([200, 400, 412]).toContain(r.status);
        if (r.status !== 200) expect(r.text.split('\n').filter(Boolean)).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });
});

describe('feedback', () => {
  it('accepts the specification’s feedback shapes with 200', async () => {
    const b = new BundleBuilder();
    const def = SERVICES.find((s) => s.id === 'quinine-order-sign')!;
    const r = await post(service(def.id), hookBody('order-sign', b.patientId, { prefetch: prefetchFor(b.bundle(), def.selection, AS_OF), context: { draftOrders: draftOrders(b.patientId, draftRequest('q', QUININE)) } }));
    const [card] = (r.json as { cards: { uuid: string; suggestions: { uuid: string }[] }[] }).cards;
    const accepted = await post(`${service(def.id)}/feedback`, { feedback: [{ card: card!.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: card!.suggestions[0]!.uuid }], outcomeTimestamp: '2026-06-15T10:05:31Z' }] });
    expect(accepted.status).toBe(200);
    const overridden = await post(`${service(def.id)}/feedback`, { feedback: [{ card: card!.uuid, outcome: 'overridden', overrideReason: { reason: { system: 'urn:leg-cramps-cds:override-reason', code: 'treating-malaria' }, userComment: 'malaria' }, outcomeTimestamp: '2026-06-15T10:05:31.52Z' }] });
    expect(overridden.status).toBe(200);
  });

  it.each([
    [{}, /"feedback" array/],
    [{ feedback: [{ outcome: 'accepted', outcomeTimestamp: '2026-06-15T10:05:31Z' }] }, /card is required/],
    [{ feedback: [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2026-06-15T10:05:31Z' }] }, /outcome must be/],
    [{ feedback: [{ card: 'c', outcome: 'accepted', outcomeTimestamp: '2026-06-15T10:05:31Z' }] }, /acceptedSuggestions is required/],
    [{ feedback: [{ card: 'c', outcome: 'overridden' }] }, /outcomeTimestamp is required/],
  ])('refuses malformed feedback %# with 400', async (body, reason) => {
    const r = await post(`${service('quinine-order-sign')}/feedback`, body);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(reason);
  });
});

describe('prefetch keys', () => {
  it('are the live plan’s queries, one key each, for every service', () => {
    for (const s of SERVICES) {
      const entries = prefetchEntries(s.selection, AS_OF);
      expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
      expect(entries.map((e) => e.query.name)).toEqual(plannedQueries(s.selection, AS_OF).map((q) => q.name));
    }
  });
});
