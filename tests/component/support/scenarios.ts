/**
 * Realistic inputs for the component tests: FHIR Bundles built with the shared builder and run
 * through the real mappers and engine in the browser (the engine is pure), so the components are
 * tested on what the evaluator really produces rather than on hand-written findings.
 */
import type { Finding } from '../../../rules/engine/types.js';
import type { EvaluationReport } from '../../../src/evaluation/evaluate-bundle.js';
import { AS_OF, run, runWithSources } from '../../support/evaluate.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

export { AS_OF };

/** A 76-year-old woman on a diuretic mix, a statin and an estradiol patch, with low K and Mg. */
export function patientBuilder(checklist?: Record<string, 'yes' | 'no'>): BundleBuilder {
  const b = new BundleBuilder({ id: 'p-rich', gender: 'female', birthDate: '1950-03-14' })
    .medicationRequest({ id: 'm-spiro', text: 'spironolactone 25 MG Oral Tablet', rxnorm: '313096', date: '2026-05-02' })
    .medicationRequest({ id: 'm-furo', text: 'furosemide 40 MG Oral Tablet', rxnorm: '313988', date: '2026-04-11' })
    .medicationRequest({ id: 'm-atorva', text: 'atorvastatin 20 MG Oral Tablet', rxnorm: '617310', date: '2025-12-01' })
    .medicationRequest({ id: 'm-estradiol', text: 'estradiol 0.05 MG/DAY Transdermal System', date: '2026-02-20' })
    .lab({ id: 'o-k', loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', value: 3.1, unit: 'mmol/L', low: 3.5, high: 5.1, interpretation: 'L', date: '2026-11-02' })
    .lab({ id: 'o-mg', loinc: '2601-3', display: 'Magnesium [Moles/volume] in Serum or Plasma', value: 0.62, unit: 'mmol/L', date: '2026-11-02' })
    .lab({ id: 'o-na', loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', value: 139, unit: 'mmol/L', low: 135, high: 145, date: '2026-11-02' })
    .lab({ id: 'o-egfr', loinc: '62238-1', display: 'eGFR (CKD-EPI)', value: 48, unit: 'mL/min/{1.73_m2}', date: '2026-10-20' })
    .lab({ id: 'o-tsh', loinc: '3016-3', display: 'TSH', value: 2.1, unit: 'm[IU]/L', low: 0.4, high: 4.0, date: '2026-06-01' })
    .condition({ id: 'c-varicose', icd10: 'I83.90', display: 'Asymptomatic varicose veins of unspecified lower extremity', onset: '2019-05-01' });
  if (checklist) b.checklist(checklist, AS_OF);
  return b;
}

export function richReport(checklist?: Record<string, 'yes' | 'no'>): EvaluationReport {
  return run(patientBuilder(checklist));
}

/** The same patient when the EHR misbehaves: conditions fail, magnesium is not authorised, statements are cut short. */
export function failingReport(): EvaluationReport {
  return runWithSources(patientBuilder(), {
    Condition: { state: 'failed', reason: 'HTTP 503 from the FHIR server' },
    'Observation:magnesium': { state: 'not-authorised' },
    MedicationStatement: { state: 'truncated' },
  });
}

export const HOSTILE = {
  markup: '<img src=x onerror="window.__pwned=1"> spironolactone <script>window.__pwned=2</script>',
  rtl: 'Potassium \u202Eevil\u202C [RTL]',
  longWord: `spironolactone 25 MG ${'W'.repeat(300)}`,
  js: 'javascript:window.__pwned=3',
} as const;

/** Hostile strings where EHR data reaches the screen: drug text, lab display, a long word. */
export function hostileReport(): EvaluationReport {
  const b = new BundleBuilder({ id: 'p-hostile', gender: 'male', birthDate: '1949-01-01' })
    .medicationRequest({ id: 'm-evil', text: HOSTILE.markup, date: '2026-09-01' })
    .medicationRequest({ id: 'm-long', text: HOSTILE.longWord, date: '2026-09-01' })
    .lab({ id: 'o-evil', loinc: '2823-3', display: HOSTILE.rtl, value: 3.2, unit: 'mmol/L', low: 3.5, high: 5.1, date: '2026-11-10' });
  const report = run(b);
  // Citations come from the rules, not the EHR; one is given a javascript: URL here to prove the allowlist holds.
  const findings = report.findings.map((f): Finding => (f.ruleId === 'med-potassium-sparing-diuretic' ? { ...f, citations: [...f.citations, { key: 'SX', text: 'Hostile link', url: HOSTILE.js }] } : f));
  return { ...report, findings };
}

export function findingOf(report: EvaluationReport, ruleId: string): Finding {
  const f = report.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no finding ${ruleId}`);
  return f;
}

/**
 * A real-world record (rule catalogue, second round): a woman who died in 1994, with a
 * hydrochlorothiazide order from 1974 still marked active and a colon cancer from 1988 never closed,
 * read from an EHR that does not offer MedicationStatement and whose lab query failed.
 */
export function staleRecordReport(): EvaluationReport {
  const b = new BundleBuilder({ id: 'p-stale', gender: 'female', birthDate: '1921-06-02' })
    .medicationRequest({ id: 'm-hctz', text: 'Hydrochlorothiazide 25 MG Oral Tablet', date: '1974-05-02' })
    .condition({ id: 'c-cancer', snomed: '363406005', display: 'Malignant tumor of colon', onset: '1988-03-14' });
  const bundle = b.bundle() as { entry: { resource: Record<string, unknown> }[] };
  const dead = { ...bundle, entry: bundle.entry.map((e) => (e.resource.resourceType === 'Patient' ? { ...e, resource: { ...e.resource, deceasedDateTime: '1994-08-02' } } : e)) };
  return runWithSources({ bundle: () => dead } as unknown as BundleBuilder, {
    MedicationStatement: { state: 'unsupported', reason: 'this EHR does not offer MedicationStatement' },
    'Observation:potassium': { state: 'failed', reason: 'server error (HTTP 503)' },
    'Observation:sodium': { state: 'failed', reason: 'server error (HTTP 503)' },
  });
}
