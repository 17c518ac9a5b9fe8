/**
 * The handout for scenario-like patients, in each language: which sections and phrases must and
 * must not be there (issue 6 point 6). The patients go through the real mappers and engine.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/handout/language.js';
import { allClearAdult, blockIds, childPatient, dialysisOnDiuretic, handoutOf, patientText, pregnantPatient, quinineUser, scenario, sectionIds } from '../../support/handout.js';

describe('pregnant patient', () => {
  const s = scenario(pregnantPatient().lab({ loinc: '14635-7', value: 30, unit: 'nmol/L', date: '2026-10-01' }));

  it('has the pregnancy route, required, right after the urgent box (DVT risk is a red flag in pregnancy)', () => {
    const h = handoutOf(s, 'en');
    expect(h.redFlagFired).toBe(true);
    expect(sectionIds(h).slice(0, 2)).toEqual(['urgent-help', 'pregnancy']);
    expect(h.sections.find((x) => x.id === 'pregnancy')).toMatchObject({ optional: false, ruleIds: ['cond-pregnancy'] });
  });

  it.each(LANGUAGES)('warns against quinine and tonic water and suggests no supplement (%s)', (lang) => {
    const text = patientText(handoutOf(s, lang));
    if (lang === 'en') {
      expect(text).toContain('Never take quinine or drink tonic water while you are pregnant.');
      expect(text).not.toMatch(/potassium, magnesium or calcium pills|good for your bones|drink less alcohol|a lot of tonic water|supplement/i);
    } else {
      expect(text).toContain('Nunca tome quinina ni agua tónica durante el embarazo.');
      expect(text).not.toMatch(/pastillas de potasio, magnesio o calcio|bueno para sus huesos|tome menos alcohol|mucha agua tónica|suplemento/i);
    }
  });

  it('drops the vitamin D treatment line and the general supplement line, keeps the vitamin D finding', () => {
    const h = handoutOf(s, 'en');
    expect(sectionIds(h)).toContain('vitamin-d');
    expect(blockIds(h)).toEqual(expect.arrayContaining(['vitamin-d.found', 'pregnancy.quinine', 'pregnancy.supplements', 'prevention.habits-pregnancy']));
    expect(blockIds(h)).not.toContain('vitamin-d.treat');
    expect(blockIds(h)).not.toContain('medicines.supplements');
    expect(blockIds(h)).not.toContain('medicines.quinine');
    expect(blockIds(h)).not.toContain('prevention.habits');
  });
});

describe('dialysis patient on a diuretic', () => {
  const s = scenario(dialysisOnDiuretic());

  it('has the dialysis and low-potassium sections and one section per water pill, each naming its drug with its own message', () => {
    const h = handoutOf(s, 'en');
    expect(sectionIds(h)).toEqual(expect.arrayContaining(['dialysis', 'low-potassium', 'drug-potassium-sparing-diuretic', 'drug-loop-diuretic']));
    const spiro = h.sections.find((x) => x.id === 'drug-potassium-sparing-diuretic')!;
    const loop = h.sections.find((x) => x.id === 'drug-loop-diuretic')!;
    expect([spiro.heading, spiro.ruleIds]).toEqual(['Your water pill (spironolactone)', ['med-potassium-sparing-diuretic']]);
    expect([loop.heading, loop.ruleIds]).toEqual(['Your water pill (furosemide)', ['med-loop-diuretic']]);
    expect(loop.blocks[0]!.text).toMatch(/only weakly linked/);
    expect(spiro.blocks[0]!.text).toMatch(/linked to night cramps in large studies/);
  });

  it.each(LANGUAGES)('says nothing about potassium-rich food, salt substitutes or drinking more (%s)', (lang) => {
    const text = patientText(handoutOf(s, lang));
    if (lang === 'en') {
      expect(text).not.toMatch(/banana|orange|potato|potassium-rich|rich in potassium|salt substitute|drink more|drink enough|eat more/i);
      expect(text).toContain('Keep to the fluid limit your care team gave you.');
      expect(text).toContain('Do not add salt to your food to stop cramps.');
    } else {
      expect(text).not.toMatch(/plátano|naranja|\bpapa\b|rico en potasio|sustituto|tome suficiente líquido|comer más/i);
      expect(text).toContain('Respete el límite de líquidos que le dio su equipo de salud.');
      expect(text).toContain('No le ponga más sal a la comida para quitar los calambres.');
    }
  });

  it('puts the dialysis warning sign in the urgent box', () => {
    const box = handoutOf(s, 'en').sections.find((x) => x.id === 'urgent-help')!;
    expect(box.blocks.map((b) => b.id)).toContain('urgent.dialysis');
    expect(box.ruleIds).toContain('cond-dialysis');
  });
});

describe('quinine user', () => {
  const s = scenario(quinineUser());

  it.each(LANGUAGES)('says quinine is not recommended and lists the urgent bleeding signs (%s)', (lang) => {
    const h = handoutOf(s, lang);
    const quinine = h.sections.find((x) => x.id === 'quinine-warning')!;
    expect(quinine.optional).toBe(false);
    expect(quinine.ruleIds).toEqual(['safety-quinine']);
    const text = quinine.blocks.map((b) => b.text).join(' ');
    const box = h.sections.find((x) => x.id === 'urgent-help')!.blocks.map((b) => b.text).join(' ');
    if (lang === 'en') {
      expect(text).toContain('Quinine is not recommended for leg cramps.');
      expect(text).toMatch(/bleed/);
      expect(box).toMatch(/quinine and you bruise or bleed easily/);
    } else {
      expect(text).toContain('La quinina no se recomienda para los calambres.');
      expect(text).toMatch(/sangr/);
      expect(box).toMatch(/quinina y le salen moretones o sangra/);
    }
  });

  it('puts the quinine section first among the causes, right after the urgent box', () => {
    const h = handoutOf(s, 'en');
    expect(h.redFlagFired).toBe(false);
    expect(sectionIds(h).slice(0, 2)).toEqual(['urgent-help', 'quinine-warning']);
  });
});

describe('child', () => {
  const s = scenario(childPatient());

  it.each(LANGUAGES)('sends the family to the child’s doctor (%s)', (lang) => {
    const h = handoutOf(s, lang);
    expect(sectionIds(h).slice(0, 2)).toEqual(['urgent-help', 'children']);
    const text = patientText(h);
    if (lang === 'en') {
      expect(text).toContain('Your child’s doctor should check the cramps. This is often a pediatrician.');
      expect(text).not.toMatch(/drink less alcohol|if you smoke/i);
    } else {
      expect(text).toContain('El médico de su hijo o hija (el pediatra) debe revisar los calambres.');
      expect(text).not.toMatch(/tome menos alcohol|si fuma/i);
    }
  });
});

describe('all clear adult', () => {
  const s = scenario(allClearAdult());

  it('has the urgent box first, then only the general sections and the diary (food only when there is a caution), and no safety rule applied', () => {
    const h = handoutOf(s, 'en');
    expect(h.redFlagFired).toBe(false);
    expect(sectionIds(h)).toEqual(['urgent-help', 'during-a-cramp', 'prevention', 'medicines', 'cramp-diary']);
    expect(h.suppressions).toEqual([]);
    expect(h.intro.map((b) => b.id)).toEqual(['intro.common']);
    expect(blockIds(h)).toEqual(expect.arrayContaining(['prevention.fluids', 'prevention.habits', 'medicines.supplements']));
    expect(blockIds(h)).not.toContain('urgent.read-first');
  });

  it.each(LANGUAGES)('keeps the fluid advice with its exception and says nothing about salt (%s)', (lang) => {
    const text = patientText(handoutOf(s, lang));
    if (lang === 'en') {
      expect(text).toContain('Drink enough during the day, unless your care team told you to limit fluids.');
      expect(text).not.toMatch(/\bsalt\b/i);
    } else {
      expect(text).toContain('Tome suficiente líquido de día, a menos que su equipo de salud le diga que lo limite.');
      expect(text).not.toMatch(/\bsal\b/i);
    }
  });
});
