/**
 * Test helpers for the handout: a built Bundle → record, findings and safety context through the
 * real mappers and engine, then the handout in one language, and its text as the patient reads it.
 */
import type { SourceStatus } from '../../rules/engine/record.js';
import { evaluate } from '../../rules/index.js';
import type { Finding } from '../../rules/engine/types.js';
import { mapRecord } from '../../src/fhir/map-record.js';
import { readBundle } from '../../src/fhir/read-bundle.js';
import { buildHandout, type HandoutReview } from '../../src/handout/build-handout.js';
import type { Language } from '../../src/handout/language.js';
import type { Handout } from '../../src/handout/model.js';
import { computeSafetyContext, type SafetyContext } from '../../src/handout/safety-context.js';
import { AS_OF } from './evaluate.js';
import { BundleBuilder } from './fhir-builder.js';

export { AS_OF, BundleBuilder };

export interface Scenario {
  readonly findings: readonly Finding[];
  readonly context: SafetyContext;
  readonly preferredLanguage?: string;
}

/** Evaluate a built Bundle; `sources` marks some sources unreadable (the rest are complete). */
export function scenario(builder: BundleBuilder, sources: Record<string, SourceStatus> = {}): Scenario {
  const bundle = readBundle(builder.bundle());
  const { record } = mapRecord(bundle.set, { ...(bundle.patientId ? { patientId: bundle.patientId } : {}), sources: { '*': { state: 'complete' }, ...sources } });
  const findings = evaluate(record, AS_OF);
  return { findings, context: computeSafetyContext(record, AS_OF, findings), ...(record.patient?.preferredLanguage ? { preferredLanguage: record.patient.preferredLanguage } : {}) };
}

export function handoutOf(s: Scenario, language: Language, options: { review?: HandoutReview; leaveOut?: string[]; patientName?: string } = {}): Handout {
  return buildHandout({
    findings: s.findings,
    ...(options.review ? { review: options.review } : {}),
    language,
    patientName: options.patientName ?? 'Ana Test',
    date: AS_OF,
    context: s.context,
    ...(options.leaveOut ? { leaveOut: options.leaveOut } : {}),
  });
}

/** Every word the patient reads (title, intro, headings, blocks, table labels), one line each. */
export function patientText(h: Handout): string {
  return [
    h.title,
    ...h.intro.map((b) => b.text),
    ...h.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => b.text), ...(s.table ? [s.table.caption, ...s.table.columns] : [])]),
  ].join('\n');
}

export const sectionIds = (h: Handout) => h.sections.map((s) => s.id);
export const blockIds = (h: Handout) => h.sections.flatMap((s) => s.blocks.map((b) => b.id));

// ---------------------------------------------------------------------------------------------
// Scenario patients, written for these tests.

/** Recent normal sodium and eGFR, so the fluid and kidney facts are decided (`no`), not unknown. */
export function withNormalLabs(b: BundleBuilder): BundleBuilder {
  return b
    .lab({ loinc: '2951-2', value: 140, unit: 'mmol/L', date: '2026-11-01', low: 135, high: 145 })
    .lab({ loinc: '62238-1', value: 88, unit: 'mL/min/{1.73_m2}', date: '2026-11-01' });
}

export const pregnantPatient = () =>
  new BundleBuilder({ gender: 'female', birthDate: '1994-03-02' }).condition({ icd10: 'Z34.83', display: 'Encounter for supervision of other normal pregnancy, third trimester', onset: '2026-04-10' });

export const dialysisOnDiuretic = () =>
  new BundleBuilder({ gender: 'male', birthDate: '1956-07-19' })
    .condition({ icd10: 'Z99.2', display: 'Dependence on renal dialysis', onset: '2021-02-01' })
    .condition({ icd10: 'I10', display: 'Essential (primary) hypertension', onset: '2010-01-01' })
    .medicationRequest({ text: 'Furosemide 40 MG Oral Tablet', date: '2026-09-01' })
    .medicationRequest({ text: 'spironolactone 25 MG Oral Tablet', date: '2026-09-01' })
    .lab({ loinc: '2823-3', value: 3.1, unit: 'mmol/L', date: '2026-11-10', low: 3.5, high: 5.1 });

export const quinineUser = () =>
  withNormalLabs(new BundleBuilder({ gender: 'female', birthDate: '1944-02-11' }))
    .medicationRequest({ text: 'quinine sulfate 324 MG Oral Capsule', date: '2026-10-07' })
    .lab({ loinc: '777-3', value: 250, unit: '10*9/L', date: '2026-11-11' });

export const childPatient = () => new BundleBuilder({ gender: 'female', birthDate: '2014-05-05' });

export const allClearAdult = () => withNormalLabs(new BundleBuilder({ gender: 'male', birthDate: '1970-06-15' }));
