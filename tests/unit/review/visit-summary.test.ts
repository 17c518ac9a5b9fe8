/**
 * The review summary on the scenario patients a clinician would recognise, evaluated as written
 * (2026-11-21), and on built records for each merging and ranking decision.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS } from '../../../rules/catalogue.js';
import type { Finding } from '../../../rules/engine/types.js';
import { evaluateBundleJson, type EvaluationReport } from '../../../src/evaluation/evaluate-bundle.js';
import { ACTIONS, PROBLEMS } from '../../../src/review/problems.js';
import { MAX_CONTRIBUTORS, visitSummary, type VisitSummary } from '../../../src/review/visit-summary.js';
import { AS_OF, run, runWithSources } from '../../support/evaluate.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const scenario = (id: string): EvaluationReport => evaluateBundleJson(JSON.parse(readFileSync(`sandbox/patients/${id}.json`, 'utf8')), AS_OF);
const summaryOf = (r: EvaluationReport): VisitSummary => visitSummary({ findings: r.findings, sources: r.dataStatus.sources });
const ids = (fs: readonly Finding[]) => fs.map((f) => f.ruleId);
const problems = (s: VisitSummary) => s.contributors.map((p) => ids(p.findings));
/** Every rule id the summary shows, wherever it is. */
const shown = (s: VisitSummary) => [...s.redFlags.flatMap((r) => [r.finding.ruleId, ...ids(r.sameResult)]), ...s.contributors.flatMap((p) => ids(p.findings))];

describe('the problem table', () => {
  it('names only catalogue rules, never a red flag, each at most once per row, with a known action', () => {
    for (const row of PROBLEMS) {
      const all = [...row.anchors, ...row.joins];
      for (const id of all) expect(CATALOGUE_IDS, `${row.key}: ${id}`).toContain(id);
      expect(all.some((id) => id.startsWith('redflag-')), row.key).toBe(false);
      expect(new Set(all).size, row.key).toBe(all.length);
      expect(ACTIONS).toContain(row.action);
    }
    expect(new Set(PROBLEMS.map((p) => p.key)).size).toBe(PROBLEMS.length);
  });
});

describe('visitSummary on the scenario patients', () => {
  it('dialysis patient: dialysis (A/B, with its eGFR) comes first, before IV iron and the weak loop-diuretic link', () => {
    const s = summaryOf(scenario('dialysis-furosemide-iron'));
    const keys = s.contributors.map((p) => p.key);
    expect(keys[0]).toBe('dialysis');
    expect(s.contributors[0]!.grade).toBe('A/B');
    expect(ids(s.contributors[0]!.findings)).toEqual(['cond-dialysis', 'lab-reduced-kidney-function']);
    expect(keys.indexOf('dialysis')).toBeLessThan(keys.indexOf('med-parenteral-iron'));
    expect(keys.indexOf('med-parenteral-iron')).toBeLessThan(keys.indexOf('loop-diuretic'));
    expect(s.contributors.length).toBeLessThanOrEqual(MAX_CONTRIBUTORS);
  });

  it('84-year-old with many problems: low sodium once (as the red flag), at most five problems, each merged with what belongs to it', () => {
    const s = summaryOf(scenario('multimorbid-older-woman'));
    expect(s.redFlags.map((r) => r.finding.ruleId)).toEqual(['redflag-severe-electrolyte']);
    expect(ids(s.redFlags[0]!.sameResult)).toEqual(['lab-low-sodium']);
    expect(shown(s).filter((id) => id === 'lab-low-sodium')).toHaveLength(1);
    expect(new Set(shown(s)).size).toBe(shown(s).length);
    expect(problems(s)).toEqual([
      ['med-potassium-sparing-diuretic', 'lab-low-magnesium'],
      ['med-statin'],
      ['med-loop-diuretic', 'lab-low-potassium'],
      ['cond-diabetes', 'lab-hyperglycemia', 'cond-peripheral-neuropathy'],
      ['lab-thyroid-dysfunction', 'cond-thyroid-disease'],
    ]);
    expect(s.contributors.map((p) => p.label)).toEqual(['Potassium-sparing diuretic', 'Statin', 'Loop diuretic', 'Diabetes', 'Thyroid disease']);
    // Chronic kidney disease with its eGFR, vitamin D and the cholinesterase inhibitor are in the full list only.
    expect(s.moreContributors).toBe(3);
  });

  it('all-clear patient: nothing to do today and no contributor', () => {
    const s = summaryOf(scenario('all-clear'));
    expect(s).toEqual({ redFlags: [], unreadSources: [], contributors: [], moreContributors: 0 });
  });

  it('a raised CK that is the rhabdomyolysis red flag is shown once, with the red flag; the statin stays a contributor', () => {
    const s = summaryOf(scenario('statin-high-ck'));
    expect(s.redFlags.map((r) => [r.finding.ruleId, ids(r.sameResult)])).toEqual([['redflag-rhabdomyolysis', ['lab-raised-ck']]]);
    expect(problems(s)[0]).toEqual(['med-statin']);
  });
});

describe('visitSummary decisions', () => {
  const older = () => new BundleBuilder({ id: 'p', gender: 'female', birthDate: '1950-01-01' });

  it('a lab finding (and a data gap) joins the drug that causes it only when that drug is flagged; alone it stands as itself', () => {
    const lowK = { loinc: '2823-3', value: 3.2, unit: 'mmol/L', low: 3.5, high: 5.1, date: '2026-11-10' };
    const alone = summaryOf(run(older().lab(lowK)));
    expect(problems(alone)).toEqual([['lab-low-potassium']]);
    expect(alone.contributors[0]!.label).toBe(alone.contributors[0]!.lead.title);
    const withThiazide = summaryOf(run(older().lab(lowK).medicationRequest({ text: 'hydrochlorothiazide 25 MG Oral Tablet', date: '2026-09-01' })));
    // No magnesium on record: the data gap the diuretic opens belongs to the same problem.
    expect(problems(withThiazide)).toEqual([['med-thiazide-diuretic', 'lab-low-potassium', 'gap-diuretic-without-electrolytes']]);
    expect(withThiazide.contributors[0]!.label).toBe('Thiazide diuretic');
    expect(withThiazide.contributors[0]!.lead.ruleId).toBe('med-thiazide-diuretic');
  });

  it('a finding two drugs could claim goes to the stronger one: a low potassium on a thiazide (A) and a loop diuretic (C-weak)', () => {
    const s = summaryOf(
      run(
        older()
          .medicationRequest({ text: 'Furosemide 40 MG Oral Tablet', date: '2026-09-01' })
          .medicationRequest({ text: 'hydrochlorothiazide 25 MG Oral Tablet', date: '2026-09-01' })
          .lab({ loinc: '2823-3', value: 3.2, unit: 'mmol/L', low: 3.5, high: 5.1, date: '2026-11-10' })
          .lab({ loinc: '2601-3', value: 0.8, unit: 'mmol/L', low: 0.7, high: 1.0, date: '2026-11-10' }),
      ),
    );
    expect(problems(s)).toEqual([['med-thiazide-diuretic', 'lab-low-potassium'], ['med-loop-diuretic']]);
  });

  it('a coded condition merges with the lab that shows it: hypothyroidism with TSH, CKD with eGFR', () => {
    const s = summaryOf(
      run(
        older()
          .condition({ icd10: 'E03.9', display: 'Hypothyroidism, unspecified', onset: '2015-01-01' })
          .lab({ loinc: '3016-3', value: 9.1, unit: 'm[IU]/L', low: 0.4, high: 4.5, date: '2026-10-01' })
          .condition({ icd10: 'N18.4', display: 'Chronic kidney disease, stage 4 (severe)', onset: '2020-01-01' })
          .lab({ loinc: '62238-1', value: 24, unit: 'mL/min/{1.73_m2}', date: '2026-10-01' }),
      ),
    );
    expect(problems(s)).toEqual(expect.arrayContaining([['lab-thyroid-dysfunction', 'cond-thyroid-disease'], ['cond-chronic-kidney-disease', 'lab-reduced-kidney-function']]));
    expect(s.contributors).toHaveLength(2);
  });

  it('ranks by evidence grade first, then by what can be done today: a medicine before a condition of the same grade tier', () => {
    // Varicose veins (B/C, a condition) against a statin (B, a medicine) and nifedipine (B/C, a medicine).
    const s = summaryOf(
      run(
        older()
          .condition({ icd10: 'I83.90', display: 'Asymptomatic varicose veins', onset: '2019-05-01' })
          .medicationRequest({ text: 'nifedipine 30 MG Extended Release Oral Tablet', date: '2026-09-01' })
          .medicationRequest({ text: 'atorvastatin 20 MG Oral Tablet', date: '2026-09-01' }),
      ),
    );
    expect(s.contributors.map((p) => p.key)).toEqual(['statin', 'med-dihydropyridine-ccb', 'cond-varicose-veins']);
  });

  it('names the data sources that failed or were not authorised, not those only partly read or not offered', () => {
    const r = runWithSources(older(), {
      'Observation:potassium': { state: 'failed', reason: 'server error (HTTP 503)' },
      'Observation:sodium': { state: 'failed', reason: 'server error (HTTP 503)' },
      MedicationStatement: { state: 'not-authorised', reason: 'the server refused access (HTTP 403)' },
      MedicationDispense: { state: 'unsupported', reason: 'this EHR does not offer MedicationDispense' },
      Condition: { state: 'truncated', reason: 'stopped after 20 pages' },
    });
    expect(summaryOf(r).unreadSources).toEqual([
      { what: 'Laboratory results (Observation): potassium, sodium', state: 'failed', how: 'could not be read (server error (HTTP 503))' },
      { what: 'Medication lists (MedicationStatement)', state: 'not-authorised', how: 'not authorised (the server refused access (HTTP 403))' },
    ]);
  });

  it('keeps at most five problems and counts the rest', () => {
    const b = older();
    for (const text of ['atorvastatin 20 MG Oral Tablet', 'nifedipine 30 MG Extended Release Oral Tablet', 'Naproxen 500 MG Oral Tablet', 'Cimetidine 400 MG Oral Tablet', 'Lithium carbonate 300 MG Oral Capsule', 'Donepezil 5 MG Oral Tablet', 'Raloxifene 60 MG Oral Tablet']) {
      b.medicationRequest({ text, date: '2026-09-01' });
    }
    const s = summaryOf(run(b));
    expect(s.contributors).toHaveLength(5);
    expect(s.contributors.length + s.moreContributors).toBe(run(b).findings.filter((f) => f.outcome === 'flagged' && !f.redFlag).length);
  });
});

describe('unread sources in few words', () => {
  it('names at most five tests of a failed lab panel, then says how many more', async () => {
    const { sourceProblems } = await import('../../../src/review/source-status.js');
    const failed = { state: 'failed' as const, reason: 'server error (HTTP 503)' };
    const keys = ['potassium', 'sodium', 'magnesium', 'calcium-total', 'albumin', 'egfr', 'tsh'];
    const lines = sourceProblems(Object.fromEntries(keys.map((k) => [`Observation:${k}`, failed])));
    expect(lines).toEqual([{ what: 'Laboratory results (Observation): potassium, sodium, magnesium, calcium and 3 more', state: 'failed', how: 'could not be read (server error (HTTP 503))' }]);
    expect(sourceProblems(Object.fromEntries(keys.slice(0, 5).map((k) => [`Observation:${k}`, failed])))[0]!.what).toBe('Laboratory results (Observation): potassium, sodium, magnesium, calcium, albumin');
  });
});
