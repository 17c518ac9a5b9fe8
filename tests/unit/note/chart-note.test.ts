/**
 * The chart note (src/note/chart-note.ts): what the visit found and decided, as plain text that
 * pastes cleanly into any EHR. Checked on every scenario patient (at most about 40 lines, the same
 * text every time, no rule ids, no internal words, nothing a hostile record could smuggle in) and
 * line by line on the patients whose notes say something particular.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle, BundleEntry, FhirResource } from 'fhir/r4';
import { CHECKLIST_ITEM_LIST } from '../../../rules/codes/checklist.js';
import type { ChecklistAnswer } from '../../../rules/engine/record.js';
import { evaluateBundleJson, type EvaluationReport } from '../../../src/evaluation/evaluate-bundle.js';
import { checklistResponse } from '../../../src/fhir/checklist-questionnaire.js';
import { frequencyBand } from '../../../src/frequency/frequency-band.js';
import { buildChartNote, type ChartNoteInput } from '../../../src/note/chart-note.js';
import type { ReviewState } from '../../../src/review/review-state.js';
import { visitSummary } from '../../../src/review/visit-summary.js';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { runWithSources } from '../../support/evaluate.js';
import { SCENARIO_ANCHOR_DATE, scenarioFiles } from '../scenarios/scenario-files.js';

type Answers = Readonly<Record<string, ChecklistAnswer>>;

/** A scenario patient evaluated with the clinician's checklist answers, as the app does. */
function scenarioReport(name: string, answers: Answers = {}): EvaluationReport {
  const file = scenarioFiles.find((f) => f.name === name);
  if (!file) throw new Error(`no scenario ${name}`);
  const bundle = structuredClone(file.bundle) as Bundle;
  if (Object.keys(answers).length && file.patient?.id) {
    const qr = checklistResponse(answers, file.patient.id, SCENARIO_ANCHOR_DATE);
    bundle.entry = [...(bundle.entry ?? []), { resource: qr as FhirResource } as BundleEntry];
  }
  return evaluateBundleJson(bundle, SCENARIO_ANCHOR_DATE);
}

const ALL_NO: Answers = Object.fromEntries(CHECKLIST_ITEM_LIST.map((i) => [i.id, 'no']));
const MONTHLY_1_AND_2 = frequencyBand({ counts: { mode: 'monthly', months: [{ month: '2026-09', episodes: 1 }, { month: '2026-10', episodes: 2 }] } });

/** Every flagged finding marked: odd ones relevant and discussed, even ones not relevant with a reason. */
function markEverything(report: EvaluationReport): ReviewState {
  return Object.fromEntries(
    report.findings
      .filter((f) => f.outcome === 'flagged')
      .map((f, i) => [f.ruleId, i % 2 ? { relevance: 'relevant', discussed: true, reason: '' } : { relevance: 'not-relevant', discussed: false, reason: 'long-standing and stable' }]),
  );
}

const note = (input: Partial<ChartNoteInput> & { report: EvaluationReport }) => buildChartNote({ review: {}, checklist: {}, ...input });

// Words of the app's own making that mean nothing to the next clinician, and FHIR's type names.
const INTERNAL = /insufficient-data|not-flagged|\boutcome\b|redflag|\bruleId\b|\bundefined\b|\bnull\b|\bNaN\b|\[object|Observation|MedicationRequest|MedicationStatement|MedicationDispense|MedicationAdministration|QuestionnaireResponse|DocumentReference|Condition\b|\bscope\b|patient\//;

describe('the chart note on every scenario patient', () => {
  for (const file of scenarioFiles) {
    it(`${file.name}: at most 40 lines, deterministic, no rule ids, no internal words, nothing unsafe`, () => {
      const answers = { ...ALL_NO, 'dark-urine-muscle-pain': 'yes' } as const;
      const report = scenarioReport(file.name, answers);
      const input: ChartNoteInput = { report, review: markEverything(report), checklist: answers, frequency: MONTHLY_1_AND_2, handout: { printedIn: ['en', 'es'] } };
      const first = buildChartNote(input);
      const again = buildChartNote(structuredClone(input));
      expect(again.text).toBe(first.text);
      expect(first.text).toBe(first.lines.join('\n'));
      expect(first.lines.length).toBeLessThanOrEqual(40);
      for (const f of report.findings) expect(first.text, f.ruleId).not.toContain(f.ruleId);
      expect(first.text).not.toMatch(INTERNAL);
      // No control characters, line separators or bidi overrides inside a line; no line ends in a space.
      for (const line of first.lines) {
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        expect(line).toBe(line.trimEnd());
      }
      expect(first.lines[0]).toMatch(/^Night-time leg cramps review, 2026-11-21\. /);
    });
  }
});

describe('what the note says', () => {
  it('puts each red flag first with its action, and the top contributors with values, units, dates and drug names', () => {
    const report = scenarioReport('hctz-severe-hypokalaemia');
    const { lines } = note({ report });
    expect(lines.slice(2, 4)).toEqual([
      'Red flags:',
      '- Dangerous electrolyte level: low potassium 2.3 mEq/L on 2026-11-19; magnesium 1.1 mg/dL on 2026-11-19. Urgent review: Same-day review and repeat of the electrolyte (with an ECG for potassium); emergency care if there is tetany, laryngospasm, seizure, confusion or palpitations. Look for the cause (diuretics, GI losses, alcohol).',
    ]);
    // The summary's first problem: the thiazide with the low sodium it causes, merged into one line.
    expect(lines.find((l) => l.startsWith('1. '))).toBe(
      '1. Thiazide diuretic: On a thiazide-type diuretic (hydrochlorothiazide): linked to night cramps in a large population study (evidence grade A). Low sodium: 131 mEq/L on 2026-11-19 (evidence grade C). Evidence: Hydrochlorothiazide 25 MG (active, 2023-03-14); potassium 2.3 mEq/L on 2026-11-19; magnesium 1.1 mg/dL on 2026-11-19. Next: Prescriber review of the indication and dose. Check potassium, magnesium and sodium.',
    );
    expect(lines.find((l) => l.startsWith('2. '))).toBe(
      '2. Low calcium: albumin-corrected calcium 8.48 mg/dL (measured 8.4 mg/dL, albumin 3.9 g/dL) on 2026-11-19. Evidence grade B/C. Next: Find the cause: check PTH, 25-OH vitamin D, magnesium, creatinine and phosphate, and refer to endocrinology. Same-day care for tetany, laryngospasm or seizure.',
    );
    // Low potassium and low magnesium are the red flag's own results: named there, not again.
    expect(lines.some((l) => /^\d\. Low (potassium|magnesium)/.test(l))).toBe(false);
  });

  it('names the problems in the order of the review summary, at most five, and the rest by title', () => {
    const report = scenarioReport('multimorbid-older-woman');
    const { lines } = note({ report });
    const summary = visitSummary({ findings: report.findings, sources: report.dataStatus.sources });
    const numbered = lines.filter((l) => /^\d\. /.test(l));
    expect(numbered).toHaveLength(summary.contributors.length);
    summary.contributors.forEach((p, i) => expect(numbered[i]).toContain(p.lead.summary.slice(1)));
    expect(lines.find((l) => l.startsWith('- Also flagged: '))).toBe('- Also flagged: Cholinesterase inhibitor; Low 25-OH vitamin D; Reduced kidney function (eGFR below 60); Chronic kidney disease (not on dialysis).');
  });

  it('names a result that is also a red flag once, as the red flag', () => {
    const { lines } = note({ report: scenarioReport('multimorbid-older-woman') });
    const sodium = lines.filter((l) => l.includes('124 mmol/L'));
    expect(sodium[0]).toMatch(/^- Dangerous electrolyte level: sodium 124 mmol\/L on 2026-11-13\./);
    expect(lines.some((l) => /^\d\. Low sodium/.test(l))).toBe(false);
    expect(lines.find((l) => l.startsWith('- Also flagged: '))).not.toContain('Low sodium');
  });

  it('says which sources could not be read and what was therefore not checked, never "no result"', () => {
    const b = new BundleBuilder({ id: 'p1', gender: 'female', birthDate: '1950-01-01' }).medicationRequest({ rxnorm: '310798', text: 'Hydrochlorothiazide 25 MG Oral Tablet', date: '2026-06-01' });
    const failed = { state: 'failed', reason: 'server error (HTTP 503)' } as const;
    const report = runWithSources(b, { 'Observation:potassium': failed, 'Observation:sodium': failed, 'Observation:magnesium': failed });
    const { lines } = note({ report });
    expect(lines).toContain('- Laboratory results: potassium, sodium, magnesium: could not be read.');
    const dataLine = lines.find((l) => l.startsWith('- Not checked (data could not be read): '));
    expect(dataLine).toContain('Low potassium (hypokalaemia)');
    expect(dataLine).toContain('Low magnesium (hypomagnesaemia)');
    expect(lines.find((l) => l.startsWith('- Not checked (no recent usable result)'))).not.toMatch(/potassium|magnesium|sodium \(/i);
    expect(lines.find((l) => l.startsWith('- Red flags not excluded: '))).toContain('Dangerous electrolyte level (data could not be read)');
  });

  it('lists what to ask because the record may be out of date, and the checklist questions not asked', () => {
    const { lines } = note({ report: scenarioReport('old-records-woman') });
    const asks = lines.filter((l) => l.startsWith('- Ask whether '));
    expect(asks.length).toBeGreaterThan(0);
    expect(asks.some((l) => /still takes/.test(l))).toBe(true);
    expect(lines.find((l) => l.startsWith('- Not asked: '))).toContain('one-sided calf swelling, warmth or tenderness');
    // A newer potassium with conflicting units leaves only an older one: said as such, not as "no result".
    expect(lines).toContain('- Not checked (a newer result could not be used): Low potassium (hypokalaemia).');
  });

  it('lists as not asked only the questions that apply to this patient, as the screen’s checklist does', () => {
    const adult = note({ report: scenarioReport('all-clear'), checklist: { 'calf-swelling': 'no' } }).lines.find((l) => l.startsWith('- Not asked: '))!;
    expect(adult).not.toContain('bleeding while taking quinine');
    expect(adult).not.toContain('in a child');
    expect(adult).not.toContain('one-sided calf swelling');
    expect(adult).toContain('saddle numbness, or new bladder or bowel trouble');
    const child = note({ report: scenarioReport('child-asthma-13') }).lines.find((l) => l.startsWith('- Not asked: '))!;
    expect(child).toContain('frequent falls or loss of motor skills (in a child)');
    const onQuinine = note({ report: scenarioReport('quinine-low-platelets') }).lines.find((l) => l.startsWith('- Not asked: '))!;
    expect(onQuinine).toContain('unusual bruising or bleeding while taking quinine');
  });

  it('gives the checklist answers, reported then denied, and says when none were given', () => {
    const answers = { 'calf-swelling': 'no', 'saddle-numbness-bladder-bowel': 'yes', 'rest-pain': 'no' } as const;
    const { lines } = note({ report: scenarioReport('all-clear', answers), checklist: answers });
    const at = lines.indexOf('Checklist answers today:');
    expect(lines.slice(at, at + 3)).toEqual([
      'Checklist answers today:',
      '- Reported: Saddle numbness, or new bladder or bowel trouble.',
      '- Denied: One-sided calf swelling, warmth or tenderness; Pain in the foot at rest or at night, eased by hanging the leg down.',
    ]);
    // The answer raised a red flag, which the note puts first.
    expect(lines[3]).toMatch(/^- .*cauda equina|^- .*[Ss]addle/);
    expect(note({ report: scenarioReport('all-clear') }).lines).toContain('- No checklist questions were answered.');
  });

  it('carries the frequency result: about 1.5 cramps a month, the band and why', () => {
    expect(note({ report: scenarioReport('all-clear'), frequency: MONTHLY_1_AND_2 }).lines).toContain('Cramp frequency: about 1.5 cramps a month; band: infrequent (1 to 2 a month).');
    expect(note({ report: scenarioReport('all-clear') }).lines).toContain('Cramp frequency: not recorded.');
    const weekly = frequencyBand({ counts: { mode: 'weekly', weeks: [3, 2, 2, 3] }, redFlagsPresent: true });
    expect(note({ report: scenarioReport('all-clear'), frequency: weekly }).lines).toContain('Cramp frequency: about 10.8 cramps a month; band: frequent (once a week or more). Red flags override the band.');
  });

  it('writes the clinician’s marks and reasons where the finding is named, and on the findings listed by title', () => {
    const report = scenarioReport('multimorbid-older-woman');
    const review: ReviewState = {
      'med-potassium-sparing-diuretic': { relevance: 'relevant', discussed: true, reason: '' },
      'med-statin': { relevance: 'not-relevant', discussed: false, reason: 'stopped last month\nby cardiology \u202e' },
      'med-loop-diuretic': { relevance: null, discussed: true, reason: '' },
    };
    const { lines } = note({ report, review });
    // A problem of several findings names the finding each mark is on; a finding alone needs no name.
    expect(lines.find((l) => l.includes('(spironolactone)'))).toMatch(/ Clinician: Potassium-sparing diuretic: relevant, discussed with the patient\.$/);
    expect(lines.find((l) => l.includes('(atorvastatin)'))).toMatch(/ Clinician: not relevant \(reason: stopped last month by cardiology\)\.$/);
    expect(lines.find((l) => l.includes('(furosemide)'))).toMatch(/ Clinician: Loop diuretic \(weak link\): discussed with the patient\.$/);
    const more = { ...review, 'med-cholinesterase-inhibitor': { relevance: 'relevant', discussed: false, reason: '' } } as const;
    expect(note({ report, review: more }).lines.find((l) => l.startsWith('- Also flagged: '))).toContain('Cholinesterase inhibitor (relevant);');
  });

  it('says whether a handout was printed and in which language; a deceased patient gets no handout line', () => {
    const report = scenarioReport('all-clear');
    expect(note({ report }).lines.at(-1)).toBe('Patient handout: not printed.');
    expect(note({ report, handout: { printedIn: ['es'] } }).lines.at(-1)).toBe('Patient handout: printed in Spanish.');
    expect(note({ report, handout: { printedIn: ['en', 'es'] } }).lines.at(-1)).toBe('Patient handout: printed in English and Spanish.');
    const deceased = note({ report: scenarioReport('deceased-old-orders') });
    expect(deceased.lines[1]).toMatch(/^This record belongs to a patient who has died \(\d{4}-\d{2}-\d{2}\)\.$/);
    expect(deceased.text).not.toContain('Patient handout');
  });

  it('keeps a hostile record’s text on one safe line each', () => {
    const { lines, text } = note({ report: scenarioReport('hostile-strings') });
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(lines.every((l) => l.length <= 1400)).toBe(true);
  });
});
