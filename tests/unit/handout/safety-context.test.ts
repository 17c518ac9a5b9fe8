/**
 * The safety context: facts read from the record with the engine's code lists, primitives and
 * rules; `unknown` when a source could not be read.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../rules/index.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';
import { anyFact, computeSafetyContext, SAFETY_FACTS, safetyContextOf, type SafetyContext } from '../../../src/handout/safety-context.js';
import { AS_OF, BundleBuilder, scenario, withNormalLabs } from '../../support/handout.js';

const adult = () => withNormalLabs(new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' }));
const states = (c: SafetyContext) => Object.fromEntries(SAFETY_FACTS.map((f) => [f, c[f].state]));
const cond = (icd10: string, display: string) => ({ icd10, display, onset: '2019-01-01' });

describe('computeSafetyContext', () => {
  it('reads every fact as no for a clean adult with recent normal sodium and eGFR', () => {
    expect(new Set(Object.values(states(scenario(adult()).context)))).toEqual(new Set(['no']));
  });

  it.each([
    ['dialysis', cond('Z99.2', 'Dependence on renal dialysis'), ['dialysis', 'kidneyDisease'], 'cond-dialysis'],
    ['CKD', cond('N18.4', 'Chronic kidney disease, stage 4 (severe)'), ['kidneyDisease'], 'cond-chronic-kidney-disease'],
    ['heart failure', cond('I50.9', 'Heart failure, unspecified'), ['heartFailure', 'heartDisease'], 'condition:heart-failure'],
    ['cirrhosis', cond('K70.31', 'Alcoholic cirrhosis of liver with ascites'), ['cirrhosis', 'liverDisease'], 'cond-cirrhosis'],
    ['fatty liver', cond('K76.0', 'Fatty (change of) liver'), ['liverDisease'], 'condition:handout-liver-disease'],
    ['hypertension', cond('I10', 'Essential (primary) hypertension'), ['hypertension'], 'condition:handout-hypertension'],
    ['coronary disease (SNOMED)', { snomed: '53741008', display: 'Coronary heart disease', onset: '2019-01-01' }, ['heartDisease'], 'condition:handout-heart-disease'],
    ['coded hyponatraemia', cond('E87.1', 'Hypo-osmolality and hyponatremia'), ['hyponatraemia'], 'condition:hyponatraemia'],
  ] as const)('%s → yes for %j, with its basis', (_name, c, facts, basis) => {
    const ctx = scenario(adult().condition(c)).context;
    for (const f of facts) {
      expect(ctx[f].state, f).toBe('yes');
      expect(ctx[f].basis, f).toContain(basis);
    }
    const others = SAFETY_FACTS.filter((f) => !(facts as readonly string[]).includes(f));
    expect(others.filter((f) => ctx[f].state !== 'no')).toEqual([]);
  });

  it('does not read pulmonary or portal hypertension as high blood pressure', () => {
    const ctx = scenario(adult().condition({ text: 'Pulmonary hypertension', onset: '2019-01-01' }).condition({ text: 'Portal hypertension', onset: '2019-01-01' })).context;
    expect(ctx.hypertension.state).toBe('no');
  });

  it('reads medicines, labs, pregnancy and age through the rules', () => {
    expect(scenario(adult().medicationRequest({ text: 'spironolactone 25 MG Oral Tablet', date: '2026-10-01' })).context.potassiumSparingDiuretic).toEqual({ state: 'yes', basis: ['med-potassium-sparing-diuretic'] });
    const lowNa = scenario(new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' }).lab({ loinc: '2951-2', value: 129, unit: 'mmol/L', date: '2026-11-01' }));
    expect(lowNa.context.hyponatraemia).toEqual({ state: 'yes', basis: ['lab-low-sodium'] });
    const lowEgfr = scenario(new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' }).lab({ loinc: '62238-1', value: 40, unit: 'mL/min/{1.73_m2}', date: '2026-11-01' }));
    expect(lowEgfr.context.kidneyDisease).toEqual({ state: 'yes', basis: ['lab-reduced-kidney-function'] });
    // A pregnancy counts only when it began within 10 months (rule catalogue, second round).
    expect(scenario(new BundleBuilder({ gender: 'female', birthDate: '1995-01-01' }).condition({ ...cond('Z33.1', 'Pregnant state'), onset: '2026-05-01' })).context.pregnant.state).toBe('yes');
    expect(scenario(new BundleBuilder({ gender: 'female', birthDate: '1995-01-01' }).condition(cond('Z33.1', 'Pregnant state'))).context.pregnant.state).toBe('no');
    expect(scenario(new BundleBuilder({ gender: 'male', birthDate: '2012-01-01' })).context.child.state).toBe('yes');
  });

  it('says unknown, never no, when the data could not be read or never measured', () => {
    const failed = scenario(adult(), { Condition: { state: 'failed', reason: 'HTTP 503' } }).context;
    for (const f of ['heartFailure', 'hypertension', 'liverDisease', 'cirrhosis', 'dialysis', 'kidneyDisease', 'heartDisease'] as const) expect(failed[f].state, f).toBe('unknown');
    const noLabs = scenario(new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' })).context;
    expect(noLabs.hyponatraemia).toEqual({ state: 'unknown', basis: ['lab-low-sodium'] });
    expect(noLabs.kidneyDisease).toEqual({ state: 'unknown', basis: ['lab-reduced-kidney-function'] });
    const meds = scenario(adult(), { MedicationStatement: { state: 'not-authorised' } }).context;
    expect(meds.potassiumSparingDiuretic.state).toBe('unknown');
    expect(scenario(new BundleBuilder({ gender: 'female' })).context.child.state).toBe('unknown');
  });

  it('gives the same answer when the findings passed leave out the rules it needs (it evaluates them itself)', () => {
    const b = adult().condition(cond('Z99.2', 'Dependence on renal dialysis')).medicationRequest({ text: 'amiloride 5 MG Oral Tablet', date: '2026-10-01' });
    const { record } = mapBundle(b.bundle());
    const full = computeSafetyContext(record, AS_OF, evaluate(record, AS_OF));
    const none = computeSafetyContext(record, AS_OF, []);
    expect(states(none)).toEqual(states(full));
    expect(none.potassiumSparingDiuretic).toEqual({ state: 'yes', basis: ['med-potassium-sparing-diuretic'] });
  });
});

describe('anyFact and safetyContextOf', () => {
  it('combines like Kleene OR: any yes wins, all no gives no, otherwise unknown', () => {
    const yes = { state: 'yes', basis: ['a'] } as const;
    const no = { state: 'no', basis: [] } as const;
    const unknown = { state: 'unknown', basis: ['u'] } as const;
    expect(anyFact(no, unknown, yes)).toEqual({ state: 'yes', basis: ['a'] });
    expect(anyFact(no, unknown)).toEqual({ state: 'unknown', basis: ['u'] });
    expect(anyFact(no, no)).toEqual({ state: 'no', basis: [] });
  });

  it('builds a context by hand', () => {
    expect(states(safetyContextOf('unknown', { child: 'no' }))).toEqual({ ...Object.fromEntries(SAFETY_FACTS.map((f) => [f, 'unknown'])), child: 'no' });
  });
});
