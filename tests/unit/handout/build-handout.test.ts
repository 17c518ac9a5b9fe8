/**
 * The handout builder's structure: which sections, in which order, from which rules; the
 * clinician's review and choices; traceability; the patient's name kept as plain data.
 */
import { describe, expect, it } from 'vitest';
import { buildHandout } from '../../../src/handout/build-handout.js';
import { LANGUAGES } from '../../../src/handout/language.js';
import { safetyContextOf } from '../../../src/handout/safety-context.js';
import { AS_OF, blockIds, BundleBuilder, childPatient, handoutOf, patientText, pregnantPatient, quinineUser, scenario, sectionIds, withNormalLabs } from '../../support/handout.js';

const statinAndVeins = () =>
  withNormalLabs(new BundleBuilder({ gender: 'female', birthDate: '1950-01-01' }))
    .medicationRequest({ text: 'Simvastatin 20 MG Oral Tablet', date: '2026-08-01' })
    .condition({ icd10: 'I83.90', display: 'Asymptomatic varicose veins of unspecified lower extremity', onset: '2015-01-01' });

describe('sections', () => {
  it('has the urgent box, then one section per relevant flagged cause, in the catalogue order, then the general advice', () => {
    const h = handoutOf(scenario(statinAndVeins()), 'en');
    expect(sectionIds(h)).toEqual(['urgent-help', 'drug-statin', 'varicose-veins', 'during-a-cramp', 'prevention', 'medicines', 'cramp-diary']);
    expect(h.sections.find((s) => s.id === 'drug-statin')!.ruleIds).toEqual(['med-statin']);
  });

  it('gives one section, with every rule id behind it, when several rules feed it', () => {
    const s = scenario(
      withNormalLabs(new BundleBuilder({ gender: 'male', birthDate: '1950-01-01' }))
        .medicationRequest({ text: 'cimetidine 400 MG Oral Tablet', date: '2026-08-01' })
        .medicationRequest({ text: 'lithium carbonate 300 MG Oral Capsule', date: '2026-08-01' }),
    );
    const h = handoutOf(s, 'en');
    expect(sectionIds(h).filter((id) => id === 'drug-review')).toHaveLength(1);
    expect(h.sections.find((x) => x.id === 'drug-review')!.ruleIds).toEqual(['med-cimetidine', 'med-lithium']);
  });

  it('leaves out a cause the clinician marked not relevant, and keeps the others', () => {
    const h = handoutOf(scenario(statinAndVeins()), 'en', { review: { 'med-statin': { status: 'not-relevant' }, 'cond-varicose-veins': { status: 'discussed' } } });
    expect(sectionIds(h)).not.toContain('drug-statin');
    expect(sectionIds(h)).toContain('varicose-veins');
  });

  it('always has the urgent box, and always first (so always on page one), red flag or not', () => {
    const withFlag = handoutOf(scenario(pregnantPatient()), 'en');
    expect(sectionIds(withFlag)[0]).toBe('urgent-help');
    expect(blockIds(withFlag).slice(0, 2)).toEqual(['urgent.read-first', 'urgent.lead-actions']);
    const noFlag = handoutOf(scenario(statinAndVeins()), 'en');
    expect(sectionIds(noFlag)[0]).toBe('urgent-help');
    expect(blockIds(noFlag)).not.toContain('urgent.read-first');
    const empty = buildHandout({ findings: [], language: 'en', patientName: '', date: AS_OF, context: safetyContextOf('no') });
    expect(sectionIds(empty)[0]).toBe('urgent-help');
  });

  it('keeps the urgent box first even when the clinician marked the red flag not relevant (it fired)', () => {
    const h = handoutOf(scenario(pregnantPatient()), 'en', { review: { 'redflag-vte-risk': { status: 'not-relevant' } } });
    expect(sectionIds(h)[0]).toBe('urgent-help');
  });

  it('drops the pregnancy route when the clinician marked the pregnancy finding not relevant, but stays cautious', () => {
    const h = handoutOf(scenario(pregnantPatient()), 'en', { review: { 'cond-pregnancy': { status: 'not-relevant' } } });
    expect(sectionIds(h)).not.toContain('pregnancy');
    const ids = h.sections.flatMap((s) => s.blocks.map((b) => b.id));
    expect(ids).toContain('medicines.supplements-pregnancy');
    expect(ids).not.toContain('medicines.supplements');
  });
});

describe('the clinician’s choices', () => {
  it('leaves out optional sections on request and lists them; required ones stay', () => {
    const h = handoutOf(scenario(quinineUser()), 'en', { leaveOut: ['prevention', 'cramp-diary', 'urgent-help', 'quinine-warning'] });
    expect(sectionIds(h)).not.toContain('prevention');
    expect(sectionIds(h)).not.toContain('cramp-diary');
    expect(sectionIds(h)).toEqual(expect.arrayContaining(['urgent-help', 'quinine-warning']));
    expect(h.leftOut.map((s) => s.id)).toEqual(['prevention', 'cramp-diary']);
  });

  it('marks which sections can be left out', () => {
    const h = handoutOf(scenario(childPatient()), 'en');
    expect(h.sections.filter((s) => !s.optional).map((s) => s.id)).toEqual(['urgent-help', 'children']);
  });

  it('keeps the urgent warning sign of a finding whose section was left out', () => {
    const s = scenario(withNormalLabs(new BundleBuilder({ gender: 'male', birthDate: '1950-01-01' })).condition({ icd10: 'M48.062', display: 'Spinal stenosis, lumbar region with neurogenic claudication', onset: '2020-01-01' }));
    const h = handoutOf(s, 'en', { leaveOut: ['back-nerves'] });
    expect(sectionIds(h)).not.toContain('back-nerves');
    const box = h.sections.find((x) => x.id === 'urgent-help')!;
    expect(box.blocks.map((b) => b.id)).toContain('urgent.back');
    expect(box.ruleIds).toContain('cond-lumbar-radiculopathy');
  });
});

describe('folding near-duplicate sections', () => {
  it('folds a low eGFR’s kidney section into the dialysis section', () => {
    const s = scenario(
      new BundleBuilder({ gender: 'male', birthDate: '1950-01-01' })
        .condition({ icd10: 'N18.6', display: 'End stage renal disease', onset: '2020-01-01' })
        .lab({ loinc: '62238-1', value: 9, unit: 'mL/min/{1.73_m2}', date: '2026-11-01' })
        .lab({ loinc: '62238-1', value: 10, unit: 'mL/min/{1.73_m2}', date: '2026-06-01' }),
    );
    const h = handoutOf(s, 'en');
    expect(sectionIds(h)).toContain('dialysis');
    expect(sectionIds(h)).not.toContain('kidney');
    expect(h.sections.find((x) => x.id === 'dialysis')!.ruleIds).toEqual(['cond-dialysis', 'lab-reduced-kidney-function']);
  });
});

describe('header and traceability', () => {
  it.each(LANGUAGES)('carries the name as given and the date in words (%s)', (lang) => {
    const hostile = '<img src=x onerror=alert(1)> O’Brien & "Ana"';
    const h = handoutOf(scenario(quinineUser()), lang, { patientName: hostile });
    expect(h.patientName).toBe(hostile);
    expect(h.date).toBe(AS_OF);
    expect(h.dateText).toBe(lang === 'en' ? 'November 21, 2026' : '21 de noviembre de 2026');
    expect(h.language).toBe(lang);
  });

  it('keeps the rule ids behind each section in the model (for the preview and the chart note), never in the patient’s words', () => {
    const h = handoutOf(scenario(quinineUser()), 'en');
    expect(h.sections.find((s) => s.id === 'quinine-warning')!.ruleIds).toEqual(['safety-quinine']);
    expect(patientText(h)).not.toMatch(/safety-quinine|\b(med|lab|cond|redflag|safety|gap)-[a-z]/);
  });

  it('reports the safety rules applied with what decided them', () => {
    const h = handoutOf(scenario(pregnantPatient()), 'en');
    expect(h.suppressions).toContainEqual({ id: 'pregnancy', basis: 'known', sources: ['cond-pregnancy'] });
  });
});
