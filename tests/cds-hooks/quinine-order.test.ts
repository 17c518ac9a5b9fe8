/**
 * The quinine order check (order-select and order-sign): which drafts are quinine (by code or by
 * name, as the engine's quinine rule reads them), how pregnancy and the quinine-toxicity red flag
 * strengthen the card, what happens without the record, and hostile drug names.
 */
import { describe, expect, it } from 'vitest';
import { quinineOrderSelectService, quinineOrderSignService } from '../../cds-hooks/services/quinine-order-service.js';
import { RequestError } from '../../cds-hooks/http/request-error.js';
import { BundleBuilder, SYS } from '../support/fhir-builder.js';
import { AS_OF, draftOrders, draftRequest, hookBody, memoryLog, runService } from './support/calls.js';
import { prefetchFor } from './support/prefetch.js';

function patient(build: (b: BundleBuilder) => void = () => undefined, who: { gender?: string; birthDate?: string } = { gender: 'female', birthDate: '1960-02-01' }) {
  const b = new BundleBuilder(who);
  build(b);
  return b;
}

async function orderSign(b: BundleBuilder, ...drafts: Record<string, unknown>[]) {
  const body = hookBody('order-sign', b.patientId, { context: { draftOrders: draftOrders(b.patientId, ...drafts) }, prefetch: prefetchFor(b.bundle(), quinineOrderSignService.selection, AS_OF) });
  return runService(quinineOrderSignService, body);
}

const QUININE_TEXT = { medicationCodeableConcept: { text: 'Quinine sulfate 324 MG Oral Capsule' } };

describe('which drafted orders are quinine', () => {
  it.each([
    ['by name in the text', { medicationCodeableConcept: { text: 'quinine sulfate 324 mg capsule' } }],
    ['by RxNorm ingredient code with a misleading display', { medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: '9071', display: 'Vitamin C' }] } }],
    ['by ATC code', { medicationCodeableConcept: { coding: [{ system: SYS.atc, code: 'P01BC01' }] } }],
    ['by brand name', { medicationCodeableConcept: { text: 'Qualaquin 324 MG Oral Capsule' } }],
    ['through a contained Medication', { contained: [{ resourceType: 'Medication', id: 'm', code: { text: 'Quinine Sulfate 324 MG' } }], medicationReference: { reference: '#m' } }],
  ])('fires a critical card %s', async (_how, medication) => {
    const cards = await orderSign(patient(), draftRequest('draft-1', medication));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.indicator).toBe('critical');
    expect(cards[0]!.summary).toMatch(/not a treatment for leg cramps/);
    expect(cards[0]!.detail).toMatch(/FDA warns that quinine must not be used for leg cramps/);
  });

  it('fires for a drafted MedicationStatement too', async () => {
    const cards = await orderSign(patient(), { resourceType: 'MedicationStatement', id: 'stmt-1', status: 'intended', ...QUININE_TEXT });
    expect(cards.map((c) => c.indicator)).toEqual(['critical']);
    expect(cards[0]!.suggestions![0]!.actions[0]).toEqual({ type: 'delete', description: 'Remove the draft quinine order', resourceId: 'MedicationStatement/stmt-1' });
  });

  it.each([
    ['hydroxychloroquine', { medicationCodeableConcept: { text: 'Hydroxychloroquine 200 MG Oral Tablet' } }],
    ['quinidine', { medicationCodeableConcept: { text: 'Quinidine sulfate 200 MG' } }],
    ['a drug with no name at all', { medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: '999999999' }] } }],
  ])('does not fire for %s', async (_what, medication) => {
    expect(await orderSign(patient(), draftRequest('draft-1', medication))).toEqual([]);
  });

  it('does not fire for an order not to give quinine, or a mere proposal', async () => {
    expect(await orderSign(patient(), draftRequest('d1', QUININE_TEXT, { doNotPerform: true }))).toEqual([]);
    expect(await orderSign(patient(), draftRequest('d2', QUININE_TEXT, { intent: 'proposal' }))).toEqual([]);
  });

  it('reads a draft as today’s order whatever dates it carries (an old authoredOn is not a stale order)', async () => {
    const cards = await orderSign(patient(), draftRequest('d1', QUININE_TEXT, { authoredOn: '1990-01-01', dispenseRequest: { validityPeriod: { start: '1990-01-01', end: '1990-02-01' } } }));
    expect(cards).toHaveLength(1);
  });

  it('on order-select looks only at the newly selected orders', async () => {
    const b = patient();
    const drafts = draftOrders(b.patientId, draftRequest('quinine', QUININE_TEXT), draftRequest('other', { medicationCodeableConcept: { text: 'Paracetamol 500 mg' } }));
    const prefetch = prefetchFor(b.bundle(), quinineOrderSelectService.selection, AS_OF);
    const selectOther = await runService(quinineOrderSelectService, hookBody('order-select', b.patientId, { context: { draftOrders: drafts, selections: ['MedicationRequest/other'] }, prefetch }));
    expect(selectOther).toEqual([]);
    const selectQuinine = await runService(quinineOrderSelectService, hookBody('order-select', b.patientId, { context: { draftOrders: drafts, selections: ['MedicationRequest/quinine'] }, prefetch }));
    expect(selectQuinine.map((c) => c.indicator)).toEqual(['critical']);
  });

  it('refuses a draft for another patient', async () => {
    const b = patient();
    const body = hookBody('order-sign', b.patientId, { context: { draftOrders: draftOrders(b.patientId, draftRequest('d1', { ...QUININE_TEXT, subject: { reference: 'Patient/someone-else' } })) }, prefetch: prefetchFor(b.bundle(), quinineOrderSignService.selection, AS_OF) });
    await expect(runService(quinineOrderSignService, body)).rejects.toMatchObject({ status: 400 });
    await expect(runService(quinineOrderSignService, body)).rejects.toBeInstanceOf(RequestError);
  });
});

describe('what the quinine card says', () => {
  it('offers removing the draft, coded override reasons and a smart link to the app', async () => {
    const [card] = await orderSign(patient(), draftRequest('draft-7', QUININE_TEXT));
    expect(card!.selectionBehavior).toBe('at-most-one');
    expect(card!.suggestions).toEqual([expect.objectContaining({ label: 'Remove the quinine order', isRecommended: true, uuid: expect.any(String), actions: [{ type: 'delete', description: 'Remove the draft quinine order', resourceId: 'MedicationRequest/draft-7' }] })]);
    expect(card!.overrideReasons!.map((r) => r.display)).toEqual(['Treating malaria, not leg cramps', 'Patient told the risks and insists', 'Already taking it under specialist care']);
    expect(card!.overrideReasons!.every((r) => r.system && r.code)).toBe(true);
    expect(card!.links).toEqual([{ label: 'Open the night leg cramps review', url: 'https://app.example/launch/', type: 'smart' }]);
    expect(card!.source.label).toMatch(/S4/);
    expect(card!.detail).toMatch(/Sources: S4 US FDA/);
  });

  it('says teratogenic for a pregnant patient (an active pregnancy Condition)', async () => {
    const b = patient((x) => x.condition({ icd10: 'Z34.83', display: 'Supervision of normal pregnancy, third trimester', onset: '2026-01-10' }), { gender: 'female', birthDate: '1994-05-01' });
    const [card] = await orderSign(b, draftRequest('d1', QUININE_TEXT));
    expect(card!.summary).toBe('Quinine in pregnancy: can harm the baby (teratogenic) and is not a treatment for leg cramps (FDA warning)');
    expect(card!.detail).toMatch(/\*\*Pregnant\*\*: quinine is contraindicated in pregnancy; it is teratogenic/);
  });

  it('uses the quinine-toxicity red flag: platelets below 150 fire it, 150 does not (boundary)', async () => {
    const low = patient((x) => x.lab({ loinc: '777-3', value: 149, unit: '10*3/uL', date: '2026-06-01' }));
    const [lowCard] = await orderSign(low, draftRequest('d1', QUININE_TEXT));
    expect(lowCard!.summary).toMatch(/^Quinine with low platelets or bleeding: do not give it/);
    expect(lowCard!.detail).toMatch(/platelets 149/);

    const normal = patient((x) => x.lab({ loinc: '777-3', value: 150, unit: '10*3/uL', date: '2026-06-01' }));
    const [normalCard] = await orderSign(normal, draftRequest('d1', QUININE_TEXT));
    expect(normalCard!.summary).toBe('Quinine is not a treatment for leg cramps: FDA warns of serious, sometimes fatal blood reactions');
    expect(normalCard!.detail).toMatch(/Quinine toxicity not excluded: not asked\\: .*bleeding/);
  });

  it('still warns when the record could not be read, and says what was not checked', async () => {
    const b = patient();
    const log = memoryLog();
    const body = hookBody('order-sign', b.patientId, {
      context: { draftOrders: draftOrders(b.patientId, draftRequest('d1', QUININE_TEXT)) },
      fhirServer: 'http://127.0.0.1:9/fhir',
      fhirAuthorization: { access_token: 'abc', token_type: 'Bearer', expires_in: 300, scope: 'patient/*.rs', subject: 'cds' },
    });
    const failing = (async () => new Response('{}', { status: 500 })) as typeof fetch;
    const [card] = await runService(quinineOrderSignService, body, { log, fetch: failing });
    expect(card!.indicator).toBe('critical');
    expect(card!.detail).toMatch(/record could not be read|could not be checked/);
    expect(card!.summary).not.toMatch(/pregnan|platelet/i);
    expect(log.lines.join('\n')).toMatch(/FHIR queries not complete: .*failed \(HTTP 500\)/);
    expect(log.lines.join('\n')).not.toContain(b.patientId);
  });

  it('escapes a hostile drug name: it cannot become a link, an image or HTML', async () => {
    const hostile = 'Quinine ![x](https://tracker.example/p.png) [click](javascript:alert(1)) <img src=x onerror=alert(1)> www.evil.example';
    const [card] = await orderSign(patient(), draftRequest('d1', { medicationCodeableConcept: { text: hostile } }));
    const line = card!.detail!.split('\n')[0]!;
    expect(line).not.toMatch(/(?<!\\)[[\]()<>!]/);
    expect(line).toContain('\\!\\[x\\]\\(https\\:\\/\\/tracker\\.example\\/p\\.png\\)');
    expect(line).toContain('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    expect(line).toContain('www\\.evil\\.example');
  });
});
