/**
 * Conditional sentences follow the record (issue 11 point 2): the fluid advice by what is on record,
 * the magnesium sentences by the measured value, the parathyroid hormone to the kidney team in
 * kidney disease, each medicine section naming only the patient's own drugs with its class's own
 * message, and no general sentence contradicting a red flag's action. Scenario patients from
 * sandbox/patients and patients built for the purpose, through the real mappers and engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handoutForBundle } from '../../../src/handout/handout-for-bundle.js';
import { LANGUAGES, type Language } from '../../../src/handout/language.js';
import type { Handout } from '../../../src/handout/model.js';
import { AS_OF, blockIds, BundleBuilder, handoutOf, patientText, scenario, sectionIds, withNormalLabs } from '../../support/handout.js';

const patient = (file: string, lang: Language = 'en'): Handout => {
  const json = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'sandbox', 'patients', `${file}.json`), 'utf8'));
  return handoutForBundle(json, AS_OF, lang).handout!;
};
const section = (h: Handout, id: string) => h.sections.find((s) => s.id === id);
const adult = () => new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' });

describe('fluid advice follows the record', () => {
  it.each(LANGUAGES)('hydrochlorothiazide, two weeks of diarrhoea and low sodium: no fluid limit and no "drink more"; ask how much to drink (%s)', (lang) => {
    const text = patientText(patient('hctz-severe-hypokalaemia', lang));
    if (lang === 'en') {
      expect(text).not.toMatch(/fluid limit|limit fluids|drink enough|drink more/i);
      expect(text).toContain('Ask your doctor how much to drink.');
    } else {
      expect(text).not.toMatch(/límite de líquidos|lo limite|los limite|tome suficiente/i);
      expect(text).toContain('Pregunte a su médico cuánto debe tomar.');
    }
  });

  it('keeps the fluid limit for heart failure and dialysis on record', () => {
    expect(patientText(patient('dialysis-furosemide-iron'))).toContain('Keep to the fluid limit your care team gave you.');
    expect(patientText(handoutOf(scenario(withNormalLabs(adult()).condition({ icd10: 'I50.9', display: 'Heart failure, unspecified', onset: '2020-01-01' })), 'en'))).toContain('Keep to the fluid limit your care team gave you.');
  });

  it('says "unless your care team told you to limit fluids" when it cannot be known, and "drink enough" only when nothing calls for a limit', () => {
    const unknown = patientText(handoutOf(scenario(adult()), 'en'));
    expect(unknown).toContain('Drink as you always do, unless your care team told you to limit fluids.');
    expect(unknown).not.toMatch(/drink enough|fluid limit your care team gave/i);
    const clear = patientText(handoutOf(scenario(withNormalLabs(adult())), 'en'));
    expect(clear).toContain('Drink enough during the day, unless your care team told you to limit fluids.');
  });
});

describe('magnesium sentences follow the value', () => {
  const mg = (value: number) => ({ loinc: '2601-3', value, unit: 'mmol/L', date: '2026-11-10', low: 0.7, high: 1.0 }) as const;

  it.each(LANGUAGES)('low: "your magnesium was low; your doctor will find the reason and may treat it", never "if it is normal" (%s)', (lang) => {
    const h = handoutOf(scenario(withNormalLabs(adult()).lab(mg(0.55))), lang);
    const text = patientText(h);
    expect(section(h, 'low-magnesium')!.blocks.map((b) => b.text)).toEqual([lang === 'en' ? 'Your magnesium was low. Your doctor will find the reason and may treat it.' : 'Su magnesio salió bajo. Su médico buscará la causa y tal vez se lo trate.']);
    expect(text).not.toMatch(lang === 'en' ? /magnesium (is|was) (normal|not low)/i : /magnesio (está normal|no salió bajo)/i);
  });

  it('measured and not low: the "magnesium pills will likely not help" sentence, once', () => {
    const text = patientText(handoutOf(scenario(withNormalLabs(adult()).lab(mg(0.85))), 'en'));
    expect(text.match(/Your magnesium was not low\. So magnesium pills will likely not help\./g)).toHaveLength(1);
    expect(text).not.toMatch(/magnesium was low/);
  });

  it('not measured: neither sentence', () => {
    expect(patientText(handoutOf(scenario(withNormalLabs(adult())), 'en'))).not.toMatch(/your magnesium was/i);
  });
});

describe('the parathyroid hormone in kidney disease is the kidney team’s', () => {
  it.each(LANGUAGES)('dialysis with a high PTH and coded renal hyperparathyroidism: one section, the kidney team, no hormone doctor (%s)', (lang) => {
    const h = patient('dialysis-furosemide-iron', lang);
    expect(sectionIds(h)).toContain('parathyroid-kidney');
    expect(sectionIds(h)).not.toContain('parathyroid');
    expect(section(h, 'parathyroid-kidney')!.ruleIds).toEqual(expect.arrayContaining(['lab-parathyroid-calcium-axis', 'cond-parathyroid-disease']));
    expect(patientText(h)).not.toMatch(lang === 'en' ? /hormone doctor/i : /médico de las hormonas/i);
  });

  it('hypoparathyroidism without kidney disease still goes to the hormone doctor', () => {
    expect(patientText(patient('hypopara-corrected-low'))).toMatch(/hormone doctor/);
  });
});

describe('each medicine section names only the patient’s own drugs, each class with its own message', () => {
  it('furosemide is a loop diuretic: only weakly linked, never "hydrochlorothiazide type"', () => {
    const h = patient('fault-labs-503');
    const loop = section(h, 'drug-loop-diuretic')!;
    expect(loop.heading).toBe('Your water pill (bumetanide)');
    expect(loop.blocks[0]!.text).toMatch(/only weakly linked/);
    expect(patientText(h)).not.toMatch(/hydrochlorothiazide|thiazide/i);
  });

  it.each(LANGUAGES)('amlodipine is named, nifedipine is not, for the patient on amlodipine (%s)', (lang) => {
    const h = patient('quinine-low-platelets', lang);
    expect(section(h, 'drug-nifedipine')!.heading).toBe(lang === 'en' ? 'Your blood pressure pill (amlodipine)' : 'Su pastilla para la presión (amlodipino)');
    expect(patientText(h)).not.toMatch(/nifedipin/i);
  });

  it('a spironolactone and a furosemide order give two sections; one triamterene–hydrochlorothiazide pill gives one naming both', () => {
    const two = patient('cirrhosis-diuretics');
    expect(['drug-potassium-sparing-diuretic', 'drug-loop-diuretic'].map((id) => section(two, id)?.heading)).toEqual(['Your water pill (spironolactone)', 'Your water pill (furosemide)']);
    const combo = handoutOf(scenario(withNormalLabs(adult()).medicationRequest({ text: 'Triamterene 37.5 MG / Hydrochlorothiazide 25 MG Oral Tablet', date: '2026-09-01' })), 'en');
    expect(sectionIds(combo)).toContain('drug-potassium-sparing-diuretic');
    expect(sectionIds(combo)).not.toContain('drug-thiazide-diuretic');
    expect(section(combo, 'drug-potassium-sparing-diuretic')!.heading).toBe('Your water pill (triamterene and hydrochlorothiazide)');
    expect(section(combo, 'drug-potassium-sparing-diuretic')!.blocks[0]!.text).toBe('This water pill is linked to night cramps in large studies.');
  });

  it('two medicines in one section are spoken of in the plural', () => {
    const h = patient('fault-meds-403');
    const review = section(h, 'drug-review')!;
    expect(review.heading).toBe('Medicines to look at (acebutolol and cimetidine)');
    expect(review.blocks.map((b) => b.text)).toEqual(['These medicines may add to your cramps.', 'Do not stop them on your own. Ask your doctor to go over them with you.']);
  });

  it('never prints what the record typed: a hostile drug text is named by the engine’s own name, or not at all', () => {
    const h = handoutOf(scenario(withNormalLabs(adult()).medicationRequest({ text: '<script>alert(1)</script> FUROSEMIDE 40mg \u202Eevil', date: '2026-09-01' })), 'en');
    expect(section(h, 'drug-loop-diuretic')!.heading).toBe('Your water pill (furosemide)');
    expect(patientText(h)).not.toMatch(/script|evil|\u202E|40mg/i);
  });
});

describe('no general sentence softens a red flag', () => {
  it.each(LANGUAGES)('quinine with platelets 62: stop now, in the box and in the quinine section; the medicines advice excepts quinine (%s)', (lang) => {
    const h = patient('quinine-low-platelets', lang);
    const text = patientText(h);
    if (lang === 'en') {
      expect(section(h, 'quinine-warning')!.blocks.map((b) => b.text)).toContain('Stop taking quinine now. Get a blood test today.');
      expect(text).not.toMatch(/Talk to your doctor about stopping it|^Do not stop a medicine on your own\.$/m);
      expect(text).toContain('Apart from quinine, do not stop a medicine on your own.');
    } else {
      expect(text).toContain('Deje de tomar la quinina ahora mismo. Hágase un análisis de sangre hoy mismo.');
      expect(text).not.toMatch(/Hable con su médico para dejarla/);
    }
  });

  it('quinine without a red flag: talk to the doctor about stopping it (the screen’s "plan to stop")', () => {
    const text = patientText(patient('quinine-statement-normal-platelets'));
    expect(text).toContain('Talk to your doctor about stopping it.');
    expect(text).not.toMatch(/Stop taking quinine now/);
  });

  it('a statin with a red-flag CK is not "only weakly linked": ask today whether to stop it', () => {
    const h = patient('statin-high-ck');
    expect(section(h, 'drug-statin')!.blocks.map((b) => b.text)).toEqual(['Your muscle blood test was high. This pill may be harming your muscles. Ask your doctor today if you should stop it.']);
    expect(patientText(h)).not.toMatch(/weakly linked/);
  });

  it('levothyroxine with a low TSH: the dose may need a change, not a new thyroid disease to treat', () => {
    const h = patient('old-records-woman');
    expect(section(h, 'thyroid')!.blocks.map((b) => b.id)).toEqual(['thyroid.dose']);
  });

  it('a kidney section does not promise a kidney team the patient may not have', () => {
    const text = patientText(patient('quinine-low-platelets'));
    expect(text).toContain('Your doctor will keep a check on your kidneys and your medicines.');
    expect(text).not.toMatch(/kidney team/);
  });

  it('glipizide with a low glucose: the box and the section say the medicine, not "do you use insulin?"', () => {
    const h = patient('glipizide-low-glucose');
    expect(blockIds(h)).toContain('low-sugar.medicine');
    expect(patientText(h)).not.toMatch(/Do you use insulin/);
  });
});

describe('losing fluid', () => {
  it('never says "drink more" where the screen says "no blanket advice to drink more": ask how much to drink, even with no fluid fact on record', () => {
    const b = withNormalLabs(adult()).condition({ icd10: 'E86.0', display: 'Dehydration', onset: '2026-11-15' });
    const h = handoutOf(scenario(b), 'en');
    expect(section(h, 'fluids')!.blocks.map((x) => x.text)).toEqual(['Loose stools, vomiting or heavy sweating can dry you out and bring on cramps.', 'Ask your doctor how much to drink on hot days or when you are sick.']);
    expect(patientText(h)).not.toMatch(/drink (enough|more)/i);
  });
});
