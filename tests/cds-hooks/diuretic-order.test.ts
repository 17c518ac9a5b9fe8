/**
 * The diuretic-without-electrolytes check on order-sign: the gap rule's classes and its 12-month
 * window on the patient's own results, the tests it suggests (LOINC-coded ServiceRequests), and no
 * card when the results could not be read.
 */
import { describe, expect, it } from 'vitest';
import { diureticOrderService } from '../../cds-hooks/services/diuretic-order-service.js';
import { BundleBuilder, SYS } from '../support/fhir-builder.js';
import { AS_OF, draftOrders, draftRequest, hookBody, memoryLog, runService } from './support/calls.js';
import { prefetchFor } from './support/prefetch.js';

const HCTZ = { medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: '310798', display: 'Hydrochlorothiazide 25 MG Oral Tablet' }], text: 'Hydrochlorothiazide 25 mg tablet' } };
const FUROSEMIDE = { medicationCodeableConcept: { text: 'Furosemide 40 MG Oral Tablet' } };
const ACETAZOLAMIDE = { medicationCodeableConcept: { text: 'Acetazolamide 250 MG Oral Tablet' } };

function patient(build: (b: BundleBuilder) => void = () => undefined) {
  const b = new BundleBuilder({ gender: 'male', birthDate: '1950-03-03' });
  build(b);
  return b;
}

const potassium = (date: string) => (b: BundleBuilder) => b.lab({ loinc: '2823-3', value: 4.1, unit: 'mmol/L', date });
const magnesium = (date: string) => (b: BundleBuilder) => b.lab({ loinc: '19123-9', value: 2.0, unit: 'mg/dL', date });

async function sign(b: BundleBuilder, medication: Record<string, unknown>, prefetch = prefetchFor(b.bundle(), diureticOrderService.selection, AS_OF)) {
  return runService(diureticOrderService, hookBody('order-sign', b.patientId, { context: { encounterId: 'enc-1', draftOrders: draftOrders(b.patientId, draftRequest('draft-diuretic', medication)) }, prefetch }));
}

function orderedCodes(card: { suggestions?: readonly { actions: readonly { resource?: Record<string, unknown> }[] }[] }): string[] {
  return card.suggestions!.flatMap((s) => s.actions).map((a) => ((a.resource!.code as { coding: { code: string }[] }).coding[0]!.code));
}

describe('diuretic without electrolytes', () => {
  it('fires an info card for hydrochlorothiazide with no results, suggesting potassium 2823-3 and magnesium 2601-3', async () => {
    const b = patient();
    const [card, ...rest] = await sign(b, HCTZ);
    expect(rest).toEqual([]);
    expect(card!.indicator).toBe('info');
    expect(card!.summary).toBe('Diuretic ordered with no potassium or magnesium result in the last 12 months: order potassium and magnesium tests');
    expect(orderedCodes(card!)).toEqual(['2823-3', '2601-3']);
    const [action] = card!.suggestions![0]!.actions;
    expect(action).toMatchObject({ type: 'create', resource: { resourceType: 'ServiceRequest', status: 'draft', intent: 'order', subject: { reference: `Patient/${b.patientId}` }, encounter: { reference: 'Encounter/enc-1' } } });
    expect((action!.resource!.code as { coding: { system: string }[] }).coding[0]!.system).toBe('http://loinc.org');
    expect(card!.selectionBehavior).toBe('at-most-one');
    expect(card!.overrideReasons!.every((r) => r.display)).toBe(true);
  });

  it('asks only for what is missing: a recent potassium leaves magnesium', async () => {
    const [card] = await sign(patient(potassium('2026-03-01')), FUROSEMIDE);
    expect(orderedCodes(card!)).toEqual(['2601-3']);
    expect(card!.summary).toMatch(/no magnesium result/);
  });

  it('does not fire when both were tested within 12 months', async () => {
    expect(await sign(patient((b) => { potassium('2026-01-01')(b); magnesium('2026-01-01')(b); }), HCTZ)).toEqual([]);
  });

  it('the 12-month window is the gap rule’s: a result on its first day counts, the day before does not', async () => {
    const inside = patient((b) => { potassium('2025-06-15')(b); magnesium('2025-06-15')(b); });
    expect(await sign(inside, HCTZ)).toEqual([]);
    const outside = patient((b) => { potassium('2025-06-14')(b); magnesium('2026-01-01')(b); });
    const [card] = await sign(outside, HCTZ);
    expect(orderedCodes(card!)).toEqual(['2823-3']);
  });

  it('asks a carbonic anhydrase inhibitor for potassium only', async () => {
    const [card] = await sign(patient(), ACETAZOLAMIDE);
    expect(orderedCodes(card!)).toEqual(['2823-3']);
    expect(await sign(patient(potassium('2026-05-01')), ACETAZOLAMIDE)).toEqual([]);
  });

  it('does not fire for a drug that is not a diuretic, nor for quinine', async () => {
    expect(await sign(patient(), { medicationCodeableConcept: { text: 'Atorvastatin 20 MG Oral Tablet' } })).toEqual([]);
    expect(await sign(patient(), { medicationCodeableConcept: { text: 'Quinine sulfate 324 MG' } })).toEqual([]);
  });

  it('gives no card when the results could not be read (absence of a test cannot be claimed) and logs it without patient data', async () => {
    const b = patient();
    const prefetch = prefetchFor(b.bundle(), diureticOrderService.selection, AS_OF);
    prefetch['observation-electrolytes'] = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: `Lab system down for ${b.patientId}` }] };
    const log = memoryLog();
    const cards = await runService(diureticOrderService, hookBody('order-sign', b.patientId, { context: { draftOrders: draftOrders(b.patientId, draftRequest('d', HCTZ)) }, prefetch }), { log });
    expect(cards).toEqual([]);
    expect(log.lines.join('\n')).toMatch(/Observation: electrolytes failed/);
    expect(log.lines.join('\n')).toMatch(/no card: the results could not be read in full/);
    expect(log.lines.join('\n')).not.toContain(b.patientId);
  });

  it('escapes the drafted drug’s name in the detail', async () => {
    const [card] = await sign(patient(), { medicationCodeableConcept: { text: 'Hydrochlorothiazide [x](http://evil.example) **bold**' } });
    expect(card!.detail!.split('\n')[0]).toContain('Hydrochlorothiazide \\[x\\]\\(http\\:\\/\\/evil\\.example\\) \\*\\*bold\\*\\*');
  });
});
