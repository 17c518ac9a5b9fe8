/**
 * The semantics every condition rule shares (knowledge base Table C "Detection"; rule catalogue,
 * "Condition rules fire on coded Conditions only" and outcome semantics), run against each rule
 * with its own codes: ICD-10-CM, SNOMED CT and text-only encodings; clinical and verification
 * status; onset and abatement around the as-of date (2026-11-21); look-alikes that must not match;
 * a Condition source that could not be read. Rule-specific cases (extra codes, traps, summary
 * wording, grade, next step) stay in each rule's own test file.
 */
import { expect, it } from 'vitest';
import { BundleBuilder, SYS, type ConditionSpec } from '../../support/fhir-builder.js';
import { AS_OF, expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

export interface ConditionCaseSpec {
  readonly icd10: { readonly code: string; readonly display: string };
  /** Omitted only where the knowledge base gives no SNOMED code and none could be verified. */
  readonly snomed?: { readonly code: string; readonly display: string };
  /** A Condition that carries text only, no coding. */
  readonly text: string;
  /** Conditions that look related but must not match (not-flagged, nothing matched at all). */
  readonly lookAlikes: readonly ConditionSpec[];
  /** The patient to use (pregnancy needs a plausible one). */
  readonly patient?: () => BundleBuilder;
  /**
   * Whether a Condition that matched but was not active is shown as checked evidence (true for
   * activeConditionIn; the pregnancy primitive shows nothing when not pregnant).
   */
  readonly showsChecked?: boolean;
  /**
   * Whether a matching Condition still flags when the Condition source was only partly read
   * (false for a rule that must also rule something out, such as CKD "not on dialysis").
   */
  readonly flagsOnPartialRead?: boolean;
}

const DAY_AFTER = '2026-11-22';

export function activeConditionCases(ruleId: string, spec: ConditionCaseSpec): void {
  const showsChecked = spec.showsChecked ?? true;
  const patient = spec.patient ?? (() => new BundleBuilder({ gender: 'female', birthDate: '1952-05-14' }));
  const coded = (extra: ConditionSpec = {}) => patient().condition({ id: 'c', icd10: spec.icd10.code, display: spec.icd10.display, onset: '2024-03-02', ...extra });

  it(`flags an active Condition coded ICD-10-CM ${spec.icd10.code}, with the Condition as trigger evidence`, () => {
    const f = expectOutcome(coded(), ruleId, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ resourceType: 'Condition', id: 'c', code: spec.icd10.code, system: SYS.icd10, display: spec.icd10.display, value: 'active', date: '2024-03-02', note: expect.stringContaining(`matched by ICD-10-CM ${spec.icd10.code}`) }),
    ]);
    expect(f.missing).toEqual([]);
  });

  const snomed = spec.snomed;
  if (snomed) {
    it(`flags SNOMED CT ${snomed.code} (alternate encoding)`, () => {
      const f = expectOutcome(patient().condition({ id: 's', snomed: snomed.code, display: snomed.display, recorded: '2025-01-10' }), ruleId, 'flagged');
      expect(triggers(f)).toEqual([expect.objectContaining({ id: 's', code: snomed.code, system: SYS.snomed, date: '2025-01-10', note: expect.stringContaining(`matched by SNOMED CT ${snomed.code}`) })]);
    });
  }

  it(`flags a text-only Condition ("${spec.text}")`, () => {
    const f = expectOutcome(patient().condition({ id: 't', text: spec.text }), ruleId, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 't', display: spec.text, note: expect.stringContaining('in the text') })]);
  });

  it('counts recurrence, relapse, and a Condition with no clinical status and no abatement as active', () => {
    expectOutcome(coded({ clinicalStatus: 'recurrence' }), ruleId, 'flagged');
    expectOutcome(coded({ clinicalStatus: 'relapse' }), ruleId, 'flagged');
    const f = expectOutcome(coded({ clinicalStatus: null }), ruleId, 'flagged');
    expect(triggers(f)[0]!.note).toContain('taken as active');
  });

  /** Not-flagged, with the Condition shown as checked for the reason given (when the primitive shows it). */
  const expectChecked = (extra: ConditionSpec, reason: string) => {
    const f = expectOutcome(coded(extra), ruleId, 'not-flagged');
    expect(f.evidence).toEqual(showsChecked ? [expect.objectContaining({ id: 'c', role: 'checked', note: expect.stringContaining(reason) })] : []);
  };

  it('does not flag an inactive, resolved or remission Condition', () => {
    for (const status of ['inactive', 'resolved', 'remission']) expectChecked({ clinicalStatus: status }, `not active: ${status}`);
  });

  it('does not flag a refuted or entered-in-error Condition', () => {
    for (const verification of ['refuted', 'entered-in-error']) expectChecked({ verificationStatus: verification }, `verification ${verification}`);
  });

  it('does not flag a Condition abated on or before the as-of date; an abatement after it still counts (boundary)', () => {
    expectChecked({ abatement: AS_OF }, `abated ${AS_OF}`);
    expectChecked({ abatement: '2026-06-01' }, 'abated 2026-06-01');
    expectOutcome(coded({ abatement: DAY_AFTER }), ruleId, 'flagged');
  });

  it('does not flag a Condition whose onset is after the as-of date; onset on the as-of date counts (boundary)', () => {
    expectChecked({ onset: DAY_AFTER }, 'after the as-of date');
    expectOutcome(coded({ onset: AS_OF }), ruleId, 'flagged');
  });

  it('does not match look-alike conditions', () => {
    for (const lookAlike of spec.lookAlikes) {
      const f = expectOutcome(patient().condition(lookAlike), ruleId, 'not-flagged');
      expect(f.evidence, JSON.stringify(lookAlike)).toEqual([]);
    }
  });

  it('is not-flagged with no Conditions in a complete export, with nothing missing', () => {
    const f = expectOutcome(patient(), ruleId, 'not-flagged');
    expect(f.missing).toEqual([]);
  });

  it('is insufficient-data, never not-flagged, when Conditions failed to load or were not authorised, and says so', () => {
    const failed = finding(runWithSources(patient(), { Condition: { state: 'failed', reason: 'HTTP 503' } }), ruleId);
    expect(failed.outcome).toBe('insufficient-data');
    expect(failed.missing.join(' ')).toContain('could not be read (HTTP 503)');
    const denied = finding(runWithSources(patient(), { Condition: { state: 'not-authorised' } }), ruleId);
    expect(denied.outcome).toBe('insufficient-data');
    expect(denied.missing.join(' ')).toContain('not authorised');
  });

  if (spec.flagsOnPartialRead ?? true) {
    it('still flags a matching Condition it can see when the Condition source was only partly read', () => {
      const f = finding(runWithSources(coded(), { Condition: { state: 'truncated' } }), ruleId);
      expect(f.outcome).toBe('flagged');
      expect(triggers(f)).toEqual([expect.objectContaining({ id: 'c' })]);
    });
  }
}
