/**
 * The semantics every condition rule shares (knowledge base Table C "Detection"; rule catalogue,
 * "Condition rules fire on coded Conditions only" and outcome semantics), run against each rule
 * with its own codes: ICD-10-CM, SNOMED CT and text-only encodings; clinical and verification
 * status; onset and abatement around the as-of date (2026-11-21); look-alikes that must not match;
 * a Condition source that could not be read. Rule-specific cases (extra codes, traps, summary
 * wording, grade, next step) stay in each rule's own test file.
 */
import { expect, it } from 'vitest';
import { addDuration, daysBetween } from '../../../rules/engine/time.js';
import { BundleBuilder, SYS, type ConditionSpec } from '../../support/fhir-builder.js';
import { AS_OF, expectOutcome, finding, run, runWithSources, triggers } from '../../support/evaluate.js';

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
  /**
   * Dates for the shared cases (default onset 2024-03-02, recorded 2025-01-10). Conditions that
   * end by themselves need dates inside their window.
   */
  readonly onset?: string;
  readonly recorded?: string;
}

const DAY_AFTER = '2026-11-22';

export function activeConditionCases(ruleId: string, spec: ConditionCaseSpec): void {
  const showsChecked = spec.showsChecked ?? true;
  const patient = spec.patient ?? (() => new BundleBuilder({ gender: 'female', birthDate: '1952-05-14' }));
  const onset = spec.onset ?? '2024-03-02';
  const recorded = spec.recorded ?? '2025-01-10';
  const coded = (extra: ConditionSpec = {}) => patient().condition({ id: 'c', icd10: spec.icd10.code, display: spec.icd10.display, onset, ...extra });

  it(`flags an active Condition coded ICD-10-CM ${spec.icd10.code}, with the Condition as trigger evidence`, () => {
    const f = expectOutcome(coded(), ruleId, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ resourceType: 'Condition', id: 'c', code: spec.icd10.code, system: SYS.icd10, display: spec.icd10.display, value: 'active', date: onset, note: expect.stringContaining(`matched by ICD-10-CM ${spec.icd10.code}`) }),
    ]);
    expect(f.missing).toEqual([]);
  });

  const snomed = spec.snomed;
  if (snomed) {
    it(`flags SNOMED CT ${snomed.code} (alternate encoding)`, () => {
      const f = expectOutcome(patient().condition({ id: 's', snomed: snomed.code, display: snomed.display, recorded }), ruleId, 'flagged');
      expect(triggers(f)).toEqual([expect.objectContaining({ id: 's', code: snomed.code, system: SYS.snomed, date: recorded, note: expect.stringContaining(`matched by SNOMED CT ${snomed.code}`) })]);
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

export interface TimeLimitSpec {
  /** The patient (pregnancy needs a plausible one); born on a known day for the onsetAge case. */
  readonly patient: () => BundleBuilder;
  readonly birthDate: string;
  readonly condition: ConditionSpec;
  /** Words of the window in the note: "10 months", "90 days", "6 months". */
  readonly windowWords: string;
  /** The first day inside the window as of 2026-11-21, and the day before it. */
  readonly firstDayIn: string;
  readonly lastDayOut: string;
  /** Whether the finding itself shows the old Condition as checked evidence and asks about it. */
  readonly showsOutdated?: boolean;
}

/**
 * The second round's "conditions that end by themselves" (rule catalogue): an active Condition of
 * a time-limited kind counts only when its onset, or without one its recorded date, is within the
 * window; older ones are not-flagged with a note and a question; an undated one counts, marked.
 */
export function timeLimitedConditionCases(ruleId: string, spec: TimeLimitSpec): void {
  const withDates = (dates: ConditionSpec) => spec.patient().condition({ id: 'tl', ...spec.condition, ...dates });
  const showsOutdated = spec.showsOutdated ?? true;

  it(`counts an onset on the window's first day (${spec.firstDayIn}); one a day earlier is not counted, with a note and a question`, () => {
    const inside = expectOutcome(withDates({ onset: spec.firstDayIn }), ruleId, 'flagged');
    expect(triggers(inside)).toContainEqual(expect.objectContaining({ id: 'tl', note: expect.stringContaining(`onset ${spec.firstDayIn}, within ${spec.windowWords}`) }));
    const old = expectOutcome(withDates({ onset: spec.lastDayOut }), ruleId, 'not-flagged');
    if (showsOutdated) {
      expect(old.evidence).toContainEqual(expect.objectContaining({ id: 'tl', role: 'checked', note: expect.stringContaining(`onset ${spec.lastDayOut} is more than ${spec.windowWords} before; not counted`) }));
      expect(old.questions).toEqual([expect.stringContaining(`on record since ${spec.lastDayOut}, still marked active`)]);
    }
    expect(old.missing).toEqual([]);
  });

  it('reads the onset, not a newer recorded date (records migrated into a new EHR); the recorded date only without an onset', () => {
    expectOutcome(withDates({ onset: '2006-04-01', recorded: AS_OF }), ruleId, 'not-flagged');
    expectOutcome(withDates({ recorded: spec.firstDayIn }), ruleId, 'flagged');
    expectOutcome(withDates({ recorded: spec.lastDayOut }), ruleId, 'not-flagged');
  });

  it('converts onsetAge with the birth date, and counts a Condition with no date at all, marked undated', () => {
    const bundle = withDates({}).bundle() as { entry: { resource: Record<string, unknown> }[] };
    const withAgeInDays = (onsetDay: string) => ({
      ...bundle,
      entry: bundle.entry.map((e) => (e.resource.id === 'tl' ? { ...e, resource: { ...e.resource, onsetAge: { value: daysBetween(spec.birthDate, onsetDay), unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } } : e)),
    });
    expect(finding(run(withAgeInDays(addDuration(spec.firstDayIn, 'P2D'))), ruleId).outcome).toBe('flagged');
    expect(finding(run(withAgeInDays(spec.lastDayOut)), ruleId).outcome).toBe('not-flagged');
    const undated = expectOutcome(withDates({}), ruleId, 'flagged');
    expect(triggers(undated)).toContainEqual(expect.objectContaining({ id: 'tl', note: expect.stringContaining('undated') }));
  });
}
