import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../../rules/codes/checklist.js';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { AS_OF, expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'redflag-rhabdomyolysis';
const DARK = CHECKLIST_ITEMS.darkUrine.id;
const WEAK = CHECKLIST_ITEMS.weaknessWasting.id;
const person = (gender?: string) => new BundleBuilder({ ...(gender ? { gender } : {}), birthDate: '1960-01-15' });
const ck = (value: number, gender = 'female', extra: Record<string, unknown> = {}, unit = 'U/L') =>
  person(gender).lab({ id: 'ck', loinc: '2157-6', value, unit, date: '2026-11-18', ...extra });
/** The clinician answered "no" to dark urine with muscle pain and to weakness at this visit. */
const askedNo = (b: BundleBuilder) => b.checklist({ [DARK]: 'no', [WEAK]: 'no' }, AS_OF);

describe(RULE, () => {
  it('fires on CK above 5 × the upper limit (woman: above 675 U/L), urgent, with the CK and an active statin as evidence', () => {
    const b = ck(2400).medicationRequest({ id: 'st', text: 'Simvistatin 40 MG Oral Tablet', rxnorm: '36567', date: '2026-03-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'ck', code: '2157-6', value: 2400, unit: 'U/L', date: '2026-11-18', note: expect.stringContaining('above 675 U/L') })]);
    expect(f.evidence.find((e) => e.id === 'st')).toMatchObject({ role: 'supporting' });
    expect(f.summary).toBe('CK 2400 U/L on 2026-11-18, above 5 × upper limit (on simvastatin)');
    expect(f.urgency).toBe('urgent');
    expect(f.nextStep).toMatch(/statin, aminocaproic acid/);
  });

  it('fires on clinician-reported dark urine with muscle pain, without any CK', () => {
    const f = expectOutcome(person('male').checklist({ [DARK]: 'yes' }, AS_OF, 'qr1'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr1', code: DARK, value: 'yes' })]);
    expect(f.summary).toBe('dark urine with muscle pain reported');
  });

  it('limit by sex, fixed: women 675 (676 fires), men 850 (851 fires), unknown sex the women\'s 675', () => {
    expectOutcome(askedNo(ck(675)), RULE, 'not-flagged');
    expectOutcome(ck(676), RULE, 'flagged');
    expectOutcome(askedNo(ck(850, 'male')), RULE, 'not-flagged');
    expectOutcome(ck(851, 'male'), RULE, 'flagged');
    expect(triggers(expectOutcome(ck(700, 'unknown'), RULE, 'flagged'))[0]!.note).toContain('female limit used because sex is recorded as unknown');
    expectOutcome(ck(700, ''), RULE, 'flagged');
  });

  it('converts µkat/L (× 60): 11.25 µkat/L (675 U/L) is not above the limit, 11.3 (678 U/L) is', () => {
    expectOutcome(askedNo(ck(11.25, 'female', {}, 'ukat/L')), RULE, 'not-flagged');
    expectOutcome(ck(11.3, 'female', {}, 'ukat/L'), RULE, 'flagged');
  });

  it("does not follow the lab's range: 600 U/L with a lab limit of 100 is not a red flag; 700 with a lab limit of 200 is", () => {
    expectOutcome(askedNo(ck(600, 'female', { low: 20, high: 100, interpretation: 'HH' })), RULE, 'not-flagged');
    expectOutcome(ck(700, 'female', { low: 20, high: 200 }), RULE, 'flagged');
  });

  it('is not-flagged only with a CK below the limit and "no" to dark urine', () => {
    const f = expectOutcome(askedNo(ck(320)), RULE, 'not-flagged');
    expect(f.summary).toBe('No sign of rhabdomyolysis: CK 320 U/L on 2026-11-18, and no dark urine with muscle pain');
  });

  it('is insufficient-data when the checklist was not completed, even with a CK below the limit', () => {
    const f = expectOutcome(ck(320), RULE, 'insufficient-data');
    expect(f.summary).toBe('CK 320 U/L on 2026-11-18 not above 5 × upper limit; ask about weakness and dark urine with muscle pain');
    expect(f.missing).toEqual([
      'not asked: muscle weakness, wasting or visible twitching (fasciculations) (checklist not completed)',
      'not asked: dark (cola-coloured) urine with muscle pain (checklist not completed)',
    ]);
  });

  it('fires on a CK above the upper limit with weakness reported (second round): woman 136 U/L fires, 135 does not; man 171 fires, 170 does not', () => {
    const weak = (b: BundleBuilder) => b.checklist({ [DARK]: 'no', [WEAK]: 'yes' }, AS_OF, 'qr-weak');
    const f = expectOutcome(weak(ck(136)), RULE, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ id: 'ck', value: 136, note: expect.stringContaining('above 135 U/L') }),
      expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr-weak', code: WEAK, value: 'yes' }),
    ]);
    expect(f.summary).toBe('CK 136 U/L on 2026-11-18, above the upper limit, with weakness reported');
    expect(f.urgency).toBe('urgent');
    expectOutcome(weak(ck(135)), RULE, 'not-flagged');
    expectOutcome(weak(ck(171, 'male')), RULE, 'flagged');
    expectOutcome(weak(ck(170, 'male')), RULE, 'not-flagged');
  });

  it('does not fire on a raised CK when weakness was answered no, and asks about weakness when it was not answered', () => {
    expectOutcome(askedNo(ck(400)), RULE, 'not-flagged');
    const unasked = expectOutcome(ck(400).checklist({ [DARK]: 'no' }, AS_OF), RULE, 'insufficient-data');
    expect(unasked.missing).toEqual(['not asked: muscle weakness, wasting or visible twitching (fasciculations) (not answered on the checklist)']);
    // A CK within the upper limit needs no weakness answer.
    expectOutcome(ck(120).checklist({ [DARK]: 'no' }, AS_OF), RULE, 'not-flagged');
  });

  it('is insufficient-data without a CK even when dark urine was denied, naming the missing CK', () => {
    const f = expectOutcome(askedNo(person('female')), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['no usable creatine kinase (CK) result in the last 12 months; none on record']);
    expect(f.summary).toBe('Rhabdomyolysis not excluded: no usable CK in the last 12 months');
  });

  it('CK lookback is 12 months: 2025-11-21 counts, 2025-11-20 does not', () => {
    expectOutcome(person('female').lab({ loinc: '2157-6', value: 5000, unit: 'U/L', date: '2025-11-21' }), RULE, 'flagged');
    const stale = expectOutcome(askedNo(person('female').lab({ loinc: '2157-6', value: 5000, unit: 'U/L', date: '2025-11-20' })), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable creatine kinase (CK) result in the last 12 months; last one 2025-11-20 (5000 U/L)']);
  });

  it('refuses a CK reported as ">20000" and ignores one entered in error', () => {
    expect(expectOutcome(askedNo(ck(20000, 'female', { comparator: '>' })), RULE, 'insufficient-data').missing[0]).toContain('it is a bound, not a value');
    expectOutcome(askedNo(ck(150).lab({ loinc: '2157-6', value: 9000, unit: 'U/L', date: '2026-11-19', status: 'entered-in-error' })), RULE, 'not-flagged');
  });

  it('is insufficient-data, not not-flagged, when the CK source failed', () => {
    const f = finding(runWithSources(askedNo(ck(150)), { 'Observation:ck': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['creatine kinase (CK) results could not be read (HTTP 503): a newer result may be missing']);
  });
});
