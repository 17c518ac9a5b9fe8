import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-parenteral-iron';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1966-11-11' });

describe(RULE, () => {
  it('flags an iron sucrose infusion given within 90 days, with the administration as evidence', () => {
    const f = expectOutcome(patient().medicationAdministration({ id: 'inf', text: 'Iron Sucrose 20 MG/ML Injectable Solution', date: '2026-10-02T09:30:00Z', route: 'Intravenous' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationAdministration', id: 'inf', value: 'completed', date: '2026-10-02', note: expect.stringContaining('given 2026-10-02, within 90 days') })]);
    expect(f.summary).toBe('Intravenous iron given recently (iron sucrose): listed among drugs linked to cramps, though rarely');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S1', 'S28']);
  });

  it('matches other IV iron by brand (Venofer, Injectafer) and by ATC B03AC without text', () => {
    expectOutcome(patient().medicationAdministration({ text: 'Venofer 200 mg in 100 mL NaCl', date: '2026-11-01' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ via: 'contained', text: 'Injectafer 750 MG' }), RULE, 'flagged');
    expect(triggers(expectOutcome(patient().medicationAdministration({ atc: 'B03AC02', date: '2026-11-01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'B03AC02' });
  });

  it('does not flag oral iron: ferrous sulfate (RxNorm 310325), by code or text', () => {
    expectOutcome(patient().medicationRequest({ rxnorm: '310325', rxnormDisplay: 'ferrous sulfate 325 MG Oral Tablet' }), RULE, 'not-flagged');
    expectOutcome(patient().medicationStatement({ text: 'Ferrous sulfate 325 MG Oral Tablet', date: '2026-10-01' }), RULE, 'not-flagged');
  });

  it('does not flag the iron tablets in a contraceptive pack (Estrostep Fe, 1359133), which is an estrogen instead', () => {
    const b = patient().medicationRequest({ rxnorm: '1359133', rxnormDisplay: 'Estrostep Fe 28 Day Pack' });
    expectOutcome(b, RULE, 'not-flagged');
    expectOutcome(b, 'med-estrogen', 'flagged');
    expectOutcome(patient().medicationRequest({ text: 'Estrostep Fe 28 Day Pack' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Iron Sucrose 20 MG/ML Injectable Solution' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Iron Sucrose 20 MG/ML Injectable Solution' });
});
