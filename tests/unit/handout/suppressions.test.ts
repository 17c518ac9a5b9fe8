/**
 * The safety suppressions (issue 6 point 2), one test per row of the suppression table, on
 * patients that go through the real mappers and engine, plus an exhaustive check over the whole
 * content catalogue: with any one fact of a suppression present, no block giving the removed
 * advice is printed, in any language.
 */
import { describe, expect, it } from 'vitest';
import { HANDOUT_SECTIONS } from '../../../rules/codes/handout-sections.js';
import type { Finding } from '../../../rules/engine/types.js';
import { buildHandout } from '../../../src/handout/build-handout.js';
import { SECTION_SPECS } from '../../../src/handout/content/catalogue.js';
import { LANGUAGES } from '../../../src/handout/language.js';
import { safetyContextOf, type SafetyContext } from '../../../src/handout/safety-context.js';
import { SUPPRESSIONS } from '../../../src/handout/suppressions.js';
import { AS_OF, BundleBuilder, blockIds, handoutOf, patientText, scenario, withNormalLabs } from '../../support/handout.js';

const adult = () => new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' });
const lowPotassium = (b: BundleBuilder) => b.lab({ loinc: '2823-3', value: 3.1, unit: 'mmol/L', date: '2026-11-10', low: 3.5, high: 5.1 });
const dehydrated = (b: BundleBuilder) => b.condition({ icd10: 'E86.0', display: 'Dehydration', onset: '2026-11-15' });
const blocksOf = (b: BundleBuilder, sources = {}) => blockIds(handoutOf(scenario(b, sources), 'en'));

/** A flagged finding that asks for every section, so every block of the catalogue is in play. */
const everySection: Finding = {
  ruleId: 'test-every-section',
  version: '0',
  title: 'test',
  outcome: 'flagged',
  redFlag: false,
  grade: 'C',
  summary: '',
  detail: '',
  evidence: [],
  missing: [],
  questions: [],
  nextStep: '',
  citations: [],
  handoutSections: HANDOUT_SECTIONS,
  trace: { criterion: 'test', result: 'true' },
};

const adviceOf = new Map(SECTION_SPECS.flatMap((s) => s.blocks.map((b) => [b.id, b.advice ?? []] as const)));

function everything(context: SafetyContext, language: (typeof LANGUAGES)[number] = 'en') {
  return buildHandout({ findings: [everySection], language, patientName: 'X', date: AS_OF, context });
}

describe('suppression table, over the whole catalogue', () => {
  for (const s of SUPPRESSIONS) {
    for (const fact of s.facts) {
      for (const basis of ['yes', 'unknown'] as const) {
        it(`${s.id}: ${fact} ${basis} removes ${s.removes.join(', ')} in every language`, () => {
          for (const lang of LANGUAGES) {
            const h = everything(safetyContextOf('no', { [fact]: basis }), lang);
            const printed = h.sections.flatMap((x) => x.blocks.map((b) => b.id));
            const offending = printed.filter((id) => (adviceOf.get(id) ?? []).some((t) => s.removes.includes(t)));
            expect(offending).toEqual([]);
            expect(h.suppressions.map((a) => a.id)).toContain(s.id);
          }
        });
      }
    }
  }

  it('prints every advice block when no fact is present (the suppressions are what remove them)', () => {
    // Without the fluid-loss section: someone losing fluid is never told to "drink enough" (they ask how much).
    const noFluidLoss: Finding = { ...everySection, handoutSections: HANDOUT_SECTIONS.filter((id) => id !== 'fluids') };
    const h = buildHandout({ findings: [noFluidLoss], language: 'en', patientName: 'X', date: AS_OF, context: safetyContextOf('no') });
    const printed = new Set(h.sections.flatMap((x) => x.blocks.map((b) => b.id)));
    const adviceBlocks = [...adviceOf].filter(([, topics]) => topics.length).map(([id]) => id);
    expect(adviceBlocks.length).toBeGreaterThan(5);
    expect(adviceBlocks.filter((id) => !printed.has(id))).toEqual([]);
  });
});

describe('potassium-caution: no potassium-rich food or salt-substitute advice', () => {
  it('keeps the food tip for low potassium with normal kidneys and no potassium-sparing diuretic (control)', () => {
    expect(blocksOf(withNormalLabs(lowPotassium(adult())))).toContain('potassium.food');
  });

  it('potassium-caution: kidney disease removes the food tip and adds the potassium and "lite" salt cautions', () => {
    const ids = blocksOf(withNormalLabs(lowPotassium(adult())).condition({ icd10: 'N18.4', display: 'Chronic kidney disease, stage 4 (severe)', onset: '2024-01-01' }));
    expect(ids).not.toContain('potassium.food');
    expect(ids).toEqual(expect.arrayContaining(['diet.potassium', 'diet.lite-salt']));
  });

  it('potassium-caution: a low eGFR alone counts as kidney disease', () => {
    const ids = blocksOf(lowPotassium(adult()).lab({ loinc: '2951-2', value: 140, unit: 'mmol/L', date: '2026-11-01' }).lab({ loinc: '62238-1', value: 24, unit: 'mL/min/{1.73_m2}', date: '2026-11-01' }));
    expect(ids).not.toContain('potassium.food');
    expect(ids).toContain('diet.potassium');
  });

  it('potassium-caution: dialysis removes the food tip', () => {
    const ids = blocksOf(withNormalLabs(lowPotassium(adult())).condition({ icd10: 'Z99.2', display: 'Dependence on renal dialysis', onset: '2022-01-01' }));
    expect(ids).not.toContain('potassium.food');
    expect(ids).toContain('diet.lite-salt');
  });

  it('potassium-caution: a potassium-sparing diuretic removes the food tip', () => {
    const ids = blocksOf(withNormalLabs(lowPotassium(adult())).medicationRequest({ text: 'eplerenone 25 MG Oral Tablet', date: '2026-10-01' }));
    expect(ids).not.toContain('potassium.food');
    expect(ids).toEqual(expect.arrayContaining(['diet.potassium', 'k-sparing.potassium']));
    // The water-pill section already warns about "lite" salt: said once.
    expect(ids).not.toContain('diet.lite-salt');
  });

  it('potassium-caution: kidney function not known (no eGFR) removes the food tip and says nothing alarming', () => {
    const h = handoutOf(scenario(lowPotassium(adult()).lab({ loinc: '2951-2', value: 140, unit: 'mmol/L', date: '2026-11-01' })), 'en');
    expect(blockIds(h)).not.toContain('potassium.food');
    expect(blockIds(h)).not.toContain('diet.potassium');
    expect(h.suppressions).toContainEqual({ id: 'potassium-caution', basis: 'unknown', sources: ['lab-reduced-kidney-function'] });
    expect(patientText(h)).not.toMatch(/kidney/i);
  });
});

describe('fluid-limit: no "drink more" advice', () => {
  const cases = [
    ['dialysis', (b: BundleBuilder) => b.condition({ icd10: 'Z99.2', display: 'Dependence on renal dialysis', onset: '2022-01-01' })],
    ['heart failure', (b: BundleBuilder) => b.condition({ icd10: 'I50.9', display: 'Heart failure, unspecified', onset: '2020-01-01' })],
    ['cirrhosis', (b: BundleBuilder) => b.condition({ icd10: 'K74.60', display: 'Unspecified cirrhosis of liver', onset: '2020-01-01' })],
  ] as const;
  for (const [name, add] of cases) {
    it(`fluid-limit: ${name} replaces the fluid advice with the fluid limit`, () => {
      const ids = blocksOf(add(dehydrated(withNormalLabs(adult()))));
      expect(ids).not.toContain('prevention.fluids');
      expect(ids).not.toContain('fluids.drink');
      expect(ids).toEqual(expect.arrayContaining(['prevention.fluid-limit', 'fluids.ask']));
    });
  }

  it('fluid-limit: hyponatraemia (sodium 128) in someone losing fluid removes "drink more" and gives no fluid limit either: ask the doctor', () => {
    const h = handoutOf(scenario(dehydrated(adult()).lab({ loinc: '2951-2', value: 128, unit: 'mmol/L', date: '2026-11-01', low: 135, high: 145 }).lab({ loinc: '62238-1', value: 88, unit: 'mL/min/{1.73_m2}', date: '2026-11-01' })), 'en');
    const ids = blockIds(h);
    expect(ids).not.toContain('prevention.fluids');
    expect(ids).not.toContain('fluids.drink');
    expect(ids).not.toContain('prevention.fluid-limit');
    expect(ids).toEqual(expect.arrayContaining(['sodium.water', 'fluids.ask']));
    expect(patientText(h)).not.toMatch(/fluid limit|limit fluids|drink (enough|more)/i);
    expect(patientText(h)).toContain('Ask your doctor how much to drink.');
  });

  it('fluid-limit: a coded hyponatraemia without the low-sodium section says "ask your doctor how much to drink" once, in the prevention advice', () => {
    const h = handoutOf(scenario(withNormalLabs(adult()).condition({ icd10: 'E87.1', display: 'Hypo-osmolality and hyponatremia', onset: '2026-10-01' })), 'en');
    expect(blockIds(h)).toContain('prevention.fluid-ask');
    expect(patientText(h).match(/how much to drink/g)).toHaveLength(1);
    expect(patientText(h)).not.toMatch(/fluid limit|drink enough/i);
  });

  it('fluid-limit: conditions that could not be read give the neutral "unless your care team told you to limit fluids", not "your fluid limit"', () => {
    const h = handoutOf(scenario(dehydrated(withNormalLabs(adult())), { Condition: { state: 'failed', reason: 'HTTP 503' } }), 'en');
    expect(blockIds(h)).not.toContain('prevention.fluids');
    expect(blockIds(h)).not.toContain('prevention.fluid-limit');
    expect(blockIds(h)).toContain('prevention.fluid-limit-if-any');
    expect(patientText(h)).toContain('Drink as you always do, unless your care team told you to limit fluids.');
    expect(patientText(h)).not.toMatch(/drink enough|care team gave you/i);
  });

  it.each(LANGUAGES)('fluid-limit: the fluid-limit wording is free of "drink more" in %s', (lang) => {
    const text = patientText(handoutOf(scenario(withNormalLabs(adult()).condition({ icd10: 'I50.9', display: 'Heart failure', onset: '2020-01-01' })), lang));
    expect(text).not.toMatch(lang === 'en' ? /drink (more|enough|extra)/i : /tome (más|suficiente) líquido/i);
  });
});

describe('salt-caution: no salt advice with hypertension, heart, kidney or liver disease', () => {
  const cases = [
    ['hypertension', { icd10: 'I10', display: 'Essential (primary) hypertension' }],
    ['heart disease', { icd10: 'I25.10', display: 'Atherosclerotic heart disease of native coronary artery' }],
    ['heart failure', { icd10: 'I50.9', display: 'Heart failure, unspecified' }],
    ['kidney disease', { icd10: 'N18.3', display: 'Chronic kidney disease, stage 3' }],
    ['liver disease', { icd10: 'K76.0', display: 'Fatty (change of) liver, not elsewhere classified' }],
  ] as const;
  for (const [name, cond] of cases) {
    it(`salt-caution: ${name} prints the "do not add salt" warning and no salt advice`, () => {
      const h = handoutOf(scenario(withNormalLabs(adult()).condition({ ...cond, onset: '2019-01-01' })), 'en');
      expect(blockIds(h)).toContain('diet.salt');
      expect(h.suppressions.map((s) => s.id)).toContain('salt-caution');
      const saltLines = patientText(h).split('\n').filter((l) => /\bsalt\b/i.test(l));
      expect(saltLines.every((l) => /^Do not|^With this medicine, do not/.test(l))).toBe(true);
    });
  }

  it('salt-caution: a clean record says nothing about salt', () => {
    expect(patientText(handoutOf(scenario(withNormalLabs(adult())), 'en'))).not.toMatch(/\bsalt\b/i);
  });
});

describe('pregnancy: no supplement suggestion, explicit quinine and tonic-water warning', () => {
  const pregnant = () =>
    new BundleBuilder({ gender: 'female', birthDate: '1995-05-05' })
      .condition({ icd10: 'Z33.1', display: 'Pregnant state, incidental', onset: '2026-06-24' })
      .lab({ loinc: '2823-3', value: 3.2, unit: 'mmol/L', date: '2026-11-10', low: 3.5, high: 5.1 })
      .lab({ loinc: '14635-7', value: 30, unit: 'nmol/L', date: '2026-10-01' });

  it('pregnancy: drops the older-adult "magnesium pills will likely not stop your cramps" line for a normal magnesium', () => {
    const normalMg = { loinc: '2601-3', value: 0.85, unit: 'mmol/L', date: '2026-11-10', low: 0.7, high: 1.0 } as const;
    expect(blocksOf(pregnant().lab(normalMg))).not.toContain('medicines.magnesium-normal');
    expect(blocksOf(withNormalLabs(adult()).lab(normalMg))).toContain('medicines.magnesium-normal');
  });

  it('pregnancy: removes every supplement suggestion and keeps the quinine and tonic-water warning', () => {
    const h = handoutOf(scenario(pregnant()), 'en');
    const ids = blockIds(h);
    for (const id of ['medicines.supplements', 'potassium.treat', 'vitamin-d.treat', 'prevention.habits']) expect(ids).not.toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['pregnancy.quinine', 'pregnancy.supplements', 'prevention.habits-pregnancy']));
    expect(patientText(h)).toMatch(/Never take quinine or drink tonic water while you are pregnant/);
  });

  it('pregnancy: data that could not be read give the neutral supplement wording and never mention pregnancy', () => {
    const woman = new BundleBuilder({ gender: 'female', birthDate: '1995-05-05' });
    const h = handoutOf(scenario(withNormalLabs(woman), { Condition: { state: 'not-authorised' } }), 'en');
    expect(h.suppressions).toContainEqual(expect.objectContaining({ id: 'pregnancy', basis: 'unknown' }));
    expect(blockIds(h)).not.toContain('medicines.supplements');
    expect(blockIds(h)).toContain('medicines.supplements-if-any');
    expect(patientText(h)).not.toMatch(/pregnan|midwife|baby/i);
  });
});

describe('child: the pediatrician route', () => {
  it('child: an under-18 gets the required children section and no adult lifestyle wording', () => {
    const h = handoutOf(scenario(withNormalLabs(new BundleBuilder({ gender: 'male', birthDate: '2011-02-02' }))), 'en');
    const children = h.sections.find((s) => s.id === 'children');
    expect(children).toMatchObject({ optional: false, ruleIds: ['redflag-pediatric'] });
    expect(blockIds(h)).not.toContain('prevention.habits');
    expect(blockIds(h)).toContain('prevention.habits-child');
  });

  it('child: the 18th birthday ends the route (adult wording back)', () => {
    const ids = blocksOf(withNormalLabs(new BundleBuilder({ gender: 'male', birthDate: '2008-11-21' })));
    expect(ids).not.toContain('children.doctor');
    expect(ids).toContain('prevention.habits');
  });
});
