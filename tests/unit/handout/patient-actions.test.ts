/**
 * The red flags' patient actions, decided from the finding the screen shows (issue 11 point 1):
 * every red-flag rule of the engine has an entry; the tier follows the urgency; what fired picks
 * the action and its subject (the platelet count or reported bleeding, which electrolytes, the calf
 * or only a risk factor, the suspect drug). Real patients through the real mappers and engine.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/index.js';
import type { Finding } from '../../../rules/engine/types.js';
import { wordAction } from '../../../src/handout/content/red-flag-actions.js';
import { patientActionOf, patientActions, RED_FLAG_ACTIONS, tierOf } from '../../../src/handout/patient-actions.js';
import { BundleBuilder, scenario, withNormalLabs } from '../../support/handout.js';

const woman = () => new BundleBuilder({ gender: 'female', birthDate: '1960-02-02' });
const flagged = (b: BundleBuilder, ruleId: string): Finding => {
  const f = scenario(b).findings.find((x) => x.ruleId === ruleId)!;
  expect(f.outcome, `${ruleId}: ${f.summary}`).toBe('flagged');
  return f;
};

describe('the table', () => {
  it('has an entry for every red-flag rule the engine has, and only for those', () => {
    expect(Object.keys(RED_FLAG_ACTIONS).sort()).toEqual(ALL_RULES.filter((r) => r.redFlag).map((r) => r.id).sort());
  });

  it('follows the screen’s urgency: emergency now, same-day and urgent today, prompt and routine soon; none counts as urgent', () => {
    expect([tierOf('emergency'), tierOf('same-day'), tierOf('urgent'), tierOf('prompt'), tierOf('routine'), tierOf(undefined)]).toEqual(['now', 'today', 'today', 'soon', 'soon', 'today']);
  });

  it('gives no action for a finding that is not a flagged red flag', () => {
    const findings = scenario(withNormalLabs(woman()).medicationRequest({ text: 'Simvastatin 20 MG Oral Tablet', date: '2026-09-01' })).findings;
    expect(findings.map(patientActionOf).filter(Boolean)).toEqual([]);
  });

  it('words an unknown red flag at its own tier instead of dropping it', () => {
    const f = { ...flagged(woman().medicationRequest({ text: 'quinine sulfate 324 MG Oral Capsule', date: '2026-10-01' }).lab({ loinc: '777-3', value: 40, unit: '10*9/L', date: '2026-11-18' }), 'redflag-quinine-toxicity'), ruleId: 'redflag-new-one' };
    expect(patientActionOf(f)).toEqual({ ruleId: 'redflag-new-one', tier: 'today', action: 'red-flag' });
  });
});

describe('what fired', () => {
  it('quinine with low platelets: stop and test today, at the same tier whether 62 (urgent) or 40 (same-day)', () => {
    const quinine = () => woman().medicationRequest({ text: 'quinine sulfate 324 MG Oral Capsule', date: '2026-10-01' });
    for (const value of [62, 40]) {
      const a = patientActionOf(flagged(quinine().lab({ loinc: '777-3', value, unit: '10*9/L', date: '2026-11-18' }), 'redflag-quinine-toxicity'));
      expect(a).toMatchObject({ action: 'quinine-low-platelets', tier: 'today' });
    }
    const bleeding = patientActionOf(flagged(quinine().checklist({ 'bleeding-on-quinine': 'yes' }, '2026-11-21'), 'redflag-quinine-toxicity'));
    expect(bleeding).toMatchObject({ action: 'quinine-bleeding', tier: 'today' });
  });

  it('dangerous electrolytes: the ones that fired, by LOINC code, in a fixed order', () => {
    const b = woman()
      .lab({ loinc: '2951-2', value: 122, unit: 'mmol/L', date: '2026-11-18' })
      .lab({ loinc: '2823-3', value: 2.2, unit: 'mmol/L', date: '2026-11-18' })
      .lab({ loinc: '2601-3', value: 0.8, unit: 'mmol/L', date: '2026-11-18' });
    expect(patientActionOf(flagged(b, 'redflag-severe-electrolyte'))).toEqual({ ruleId: 'redflag-severe-electrolyte', tier: 'today', action: 'electrolyte-danger', electrolytes: ['potassium', 'sodium'] });
  });

  it('DVT: a swollen calf is checked today; a risk factor alone names the risk, soon', () => {
    const pill = () => woman().medicationRequest({ text: 'estradiol 1 MG Oral Tablet', date: '2026-09-01' });
    expect(patientActionOf(flagged(pill().checklist({ 'calf-swelling': 'yes' }, '2026-11-21'), 'redflag-vte-risk'))).toMatchObject({ action: 'calf-swelling', tier: 'today' });
    expect(patientActionOf(flagged(pill(), 'redflag-vte-risk'))).toMatchObject({ action: 'clot-risk', tier: 'soon', risks: ['hormone'] });
    const pregnant = new BundleBuilder({ gender: 'female', birthDate: '1994-03-02' }).condition({ icd10: 'Z34.83', display: 'Supervision of normal pregnancy, third trimester', onset: '2026-04-10' });
    expect(patientActionOf(flagged(pregnant, 'redflag-vte-risk'))).toMatchObject({ risks: ['pregnancy'] });
  });

  it('muscle breakdown: the CK, the dark urine or both, and the suspect statin by its engine name', () => {
    const statin = () => woman().medicationRequest({ text: 'atorvastatin 40 MG Oral Tablet', rxnorm: '617311', date: '2026-09-01' }).lab({ loinc: '2157-6', value: 4200, unit: 'U/L', date: '2026-11-18' });
    expect(patientActionOf(flagged(statin(), 'redflag-rhabdomyolysis'))).toMatchObject({ action: 'muscle-breakdown', tier: 'today', muscle: { ck: true, darkUrine: false }, drugs: ['atorvastatin'] });
    expect(patientActionOf(flagged(woman().checklist({ 'dark-urine-muscle-pain': 'yes' }, '2026-11-21'), 'redflag-rhabdomyolysis'))).toMatchObject({ muscle: { ck: false, darkUrine: true } });
  });

  it('a child: the pediatrician soon; with weakness or falls, a children’s nerve doctor today', () => {
    const child = () => new BundleBuilder({ gender: 'male', birthDate: '2014-05-05' });
    expect(patientActionOf(flagged(child(), 'redflag-pediatric'))).toMatchObject({ action: 'child-doctor', tier: 'soon' });
    expect(patientActionOf(flagged(child().checklist({ 'frequent-falls': 'yes' }, '2026-11-21'), 'redflag-pediatric'))).toMatchObject({ action: 'child-nerve-doctor', tier: 'today' });
  });

  it('a cold, pale leg is for the hospital now; rest pain for a vascular referral today', () => {
    expect(patientActionOf(flagged(woman().checklist({ 'cold-pale-numb-leg': 'yes' }, '2026-11-21'), 'redflag-limb-ischemia'))).toMatchObject({ action: 'leg-blood-flow-now', tier: 'now' });
    expect(patientActionOf(flagged(woman().checklist({ 'rest-pain': 'yes' }, '2026-11-21'), 'redflag-limb-ischemia'))).toMatchObject({ action: 'leg-blood-flow-referral', tier: 'today' });
  });

  it('words two glucose-lowering drugs in Spanish with their articles and a plural verb', () => {
    const b = woman().medicationRequest({ text: 'insulin glargine 100 UNT/ML Injectable Solution', date: '2026-10-01' }).medicationRequest({ text: 'glipizide 5 MG Oral Tablet', date: '2026-10-01' }).lab({ loinc: '2345-7', value: 60, unit: 'mg/dL', date: '2026-11-18' });
    const a = patientActionOf(flagged(b, 'redflag-nocturnal-hypoglycemia'))!;
    expect(a.drugs).toEqual(['insulin', 'glipizide']);
    expect(wordAction(a, 'es').text).toMatch(/^La insulina y la glipizida le pueden bajar mucho el azúcar de noche\./);
    expect(wordAction(a, 'en').text).toMatch(/^Your insulin and glipizide can make your sugar drop too low at night\./);
  });

  it('orders the actions most urgent first', () => {
    const findings = scenario(woman().checklist({ 'cold-pale-numb-leg': 'yes', 'calf-swelling': 'yes', 'weakness-wasting-fasciculations': 'yes' }, '2026-11-21')).findings;
    expect(patientActions(findings).map((a) => a.tier)).toEqual(['now', 'today', 'soon']);
  });
});
