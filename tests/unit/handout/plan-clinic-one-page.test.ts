/**
 * "Your plan" from the clinician's marks and the reported frequency, the clinic's name and number
 * (or lines to write them on), and the one-page handout (issue 11 points 3 and 4).
 */
import { describe, expect, it } from 'vitest';
import { buildHandout } from '../../../src/handout/build-handout.js';
import { SECTION_SPECS } from '../../../src/handout/content/catalogue.js';
import { clinicContactOf, plainPhone } from '../../../src/handout/clinic.js';
import { LANGUAGES } from '../../../src/handout/language.js';
import { crampsPerMonthWords } from '../../../src/handout/plan.js';
import { AS_OF, BundleBuilder, handoutOf, patientText, pregnantPatient, quinineUser, scenario, sectionIds, withNormalLabs } from '../../support/handout.js';

const manyCauses = () =>
  withNormalLabs(new BundleBuilder({ gender: 'female', birthDate: '1950-01-01' }))
    .medicationRequest({ text: 'Furosemide 40 MG Oral Tablet', date: '2026-09-01' })
    .medicationRequest({ text: 'Simvastatin 20 MG Oral Tablet', date: '2026-09-01' })
    .lab({ loinc: '2601-3', value: 0.55, unit: 'mmol/L', date: '2026-11-10', low: 0.7, high: 1.0 })
    .condition({ icd10: 'I83.90', display: 'Asymptomatic varicose veins', onset: '2015-01-01' });

const plan = (h: ReturnType<typeof handoutOf>) => h.sections.find((s) => s.id === 'your-plan');

describe('your plan', () => {
  it('is absent when nothing was marked or entered (the command line’s handout)', () => {
    expect(plan(handoutOf(scenario(manyCauses()), 'en'))).toBeUndefined();
  });

  it('says what the patient reported and what was discussed, then what the doctor will look at; "not relevant" stays out', () => {
    const h = buildHandout({
      findings: scenario(manyCauses()).findings,
      review: { 'lab-low-magnesium': { status: 'relevant', discussed: true }, 'med-loop-diuretic': { status: null, discussed: true }, 'cond-varicose-veins': { status: 'relevant' }, 'med-statin': { status: 'not-relevant', discussed: true } },
      crampsPerMonth: 1.5,
      language: 'en',
      patientName: 'A',
      date: AS_OF,
      context: scenario(manyCauses()).context,
    });
    expect(sectionIds(h).slice(0, 2)).toEqual(['urgent-help', 'your-plan']);
    expect(plan(h)!.blocks.map((b) => b.text)).toEqual(['You told us: about 1.5 cramps a month.', 'We talked about:', 'your water pill (furosemide)', 'low magnesium', 'Your doctor will also look at:', 'varicose veins']);
    expect(sectionIds(h)).not.toContain('drug-statin');
  });

  it('in Spanish, with the decimal comma', () => {
    expect(crampsPerMonthWords(1.5, 'es')).toBe('alrededor de 1,5 calambres al mes');
    expect(crampsPerMonthWords(1, 'en')).toBe('about 1 cramp a month');
    expect(crampsPerMonthWords(0, 'en')).toBe('no cramps lately');
    expect(crampsPerMonthWords(0.02, 'en')).toBe('fewer than 1 cramp a month');
  });

  it('names a finding with no section of its own in the patient’s words (the diuretic’s missing blood test)', () => {
    const s = scenario(new BundleBuilder({ gender: 'male', birthDate: '1950-01-01' }).medicationRequest({ text: 'Hydrochlorothiazide 25 MG Oral Tablet', date: '2026-09-01' }));
    const h = buildHandout({ findings: s.findings, review: { 'gap-diuretic-without-electrolytes': { status: 'relevant', discussed: true } }, language: 'es', patientName: 'A', date: AS_OF, context: s.context });
    expect(plan(h)!.blocks.map((b) => b.text)).toEqual(['Hablamos de:', 'un análisis de los minerales de la sangre']);
  });

  it('names a red flag by its action’s topic', () => {
    const s = scenario(quinineUser().lab({ loinc: '777-3', value: 62, unit: '10*9/L', date: '2026-11-19' }));
    const h = buildHandout({ findings: s.findings, review: { 'redflag-quinine-toxicity': { status: 'relevant', discussed: true } }, language: 'en', patientName: 'A', date: AS_OF, context: s.context });
    expect(plan(h)!.blocks.map((b) => b.text)).toEqual(['We talked about:', 'stopping quinine']);
  });
});

describe('the clinic', () => {
  it.each(LANGUAGES)('is in the urgent box with its name and number, before "can’t reach your clinic" (%s)', (lang) => {
    const h = handoutOf(scenario(quinineUser()), lang);
    const blank = h.sections[0]!.blocks.find((b) => b.kind === 'clinic')!;
    expect(blank.clinic).toEqual({ nameLabel: lang === 'en' ? 'Your clinic' : 'Su clínica', phoneLabel: lang === 'en' ? 'Phone' : 'Teléfono' });
    const s = scenario(quinineUser());
    const named = buildHandout({ findings: s.findings, language: lang, patientName: 'A', date: AS_OF, context: s.context, clinic: { name: 'Riverside Family Practice', phone: '(555) 010-0100' } });
    const ids = named.sections[0]!.blocks.map((b) => b.id);
    expect(ids.slice(-2)).toEqual(['urgent.clinic', 'urgent.fallback']);
    expect(named.sections[0]!.blocks.at(-2)!.clinic).toMatchObject({ name: 'Riverside Family Practice', phone: '(555) 010-0100' });
  });

  it('keeps only what can be a name and a telephone number, on one line', () => {
    expect(clinicContactOf('  Riverside \n Family\u202E Practice ', '+1 (555) 010-0100 ext. 12')).toEqual({ name: 'Riverside Family Practice', phone: '+1 (555) 010-0100 ext. 12' });
    expect(clinicContactOf('A'.repeat(200), 'call us')!.name!.length).toBeLessThanOrEqual(80);
    expect(clinicContactOf('', '')).toBeUndefined();
    expect(['555-0100', '01', 'javascript:alert(1)', '555<b>', '1'.repeat(40)].map(plainPhone)).toEqual(['555-0100', undefined, undefined, undefined, undefined]);
  });
});

describe('one page', () => {
  const onePage = (b: BundleBuilder, lang: (typeof LANGUAGES)[number] = 'en') => {
    const s = scenario(b);
    return buildHandout({ findings: s.findings, language: lang, patientName: 'A', date: AS_OF, context: s.context, layout: 'one-page' });
  };

  it('keeps the urgent box, a plan to write on, and each finding in one line; no general advice, no diary', () => {
    const h = onePage(manyCauses());
    expect(sectionIds(h)).toEqual(['urgent-help', 'your-plan', 'what-we-found']);
    expect(h.sections[1]!.blocks.map((b) => b.kind)).toEqual(['write-in', 'write-in']);
    const [lead, ...lines] = h.sections[2]!.blocks;
    expect(lead!.text).toBe('Do not stop or change a medicine on your own.');
    expect(lines.map((b) => [b.label, b.ruleIds])).toEqual([
      ['Your water pill (furosemide)', ['med-loop-diuretic']],
      ['Your cholesterol pill (simvastatin)', ['med-statin']],
      ['Low magnesium', ['lab-low-magnesium']],
      ['Varicose veins', ['cond-varicose-veins']],
    ]);
    expect(lines[0]!.text).toBe('Only weakly linked to cramps.');
  });

  it('keeps the safety routes in their lines: pregnancy’s quinine and supplement warnings', () => {
    const text = patientText(onePage(pregnantPatient()));
    expect(text).toContain('Never take quinine or tonic water.');
    expect(text).toMatch(/Take no pill for cramps unless your midwife or doctor says it is OK/);
  });

  it('has a one-line form for every cause and route section, in every language', () => {
    const missing = SECTION_SPECS.filter((s) => (s.role === 'cause' || s.role === 'route') && !s.brief?.length).map((s) => s.id);
    expect(missing).toEqual([]);
  });

  it('gives no risky advice in a one-line form: each topic a line touches is a warning, so no suppression has anything to remove', () => {
    const advising = SECTION_SPECS.flatMap((s) => (s.brief ?? []).filter((b) => b.advice?.length).map((b) => b.id));
    expect(advising).toEqual([]);
    const cautioning = SECTION_SPECS.flatMap((s) => (s.brief ?? []).filter((b) => b.cautions?.length).map((b) => b.id));
    expect(cautioning.length).toBeGreaterThan(5);
  });
});
