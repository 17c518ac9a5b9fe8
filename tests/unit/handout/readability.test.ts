/**
 * Plain language, measured (issue 6 point 3): every text block, in every language, at or below
 * US school grade 6 on a standard formula, with a second formula as a cross-check.
 * - English: Flesch–Kincaid grade ≤ 6 (text-readability); Coleman–Liau, which counts letters
 *   instead of syllables, must agree that the text is easy.
 * - Spanish: Fernández-Huerta (corrected) ≥ 70, grade 6 on his scale; Szigriszt-Pazos on the
 *   INFLESZ scale at least "fairly easy" (65). Formulas and sources: src/handout/readability/spanish.ts.
 * Headings and table labels are labels of one to seven words, where grade formulas mean nothing
 * (one long word reads as grade 30): they are held to a word count instead.
 */
import { describe, expect, it } from 'vitest';
import { SECTION_SPECS } from '../../../src/handout/content/catalogue.js';
import { FOUND_LEAD, INTRO } from '../../../src/handout/content/general.js';
import { ACTION_TEXTS, PLAN_TEXTS } from '../../support/handout-texts.js';
import { colemanLiauGrade, fleschKincaidGrade } from '../../../src/handout/readability/english.js';
import { fernandezHuerta, fernandezHuertaGrade, infleszBand, spanishCounts, spanishSyllables, szigrisztPazos } from '../../../src/handout/readability/spanish.js';

/** Every block, its one-page line and its plural wording, as [id, {en, es}]. */
const BLOCKS = [...INTRO, ...FOUND_LEAD, ...SECTION_SPECS.flatMap((s) => [...s.blocks, ...(s.brief ?? [])])].flatMap((b) => [{ id: b.id, text: b.text }, ...(b.textMany ? [{ id: `${b.id} (several)`, text: b.textMany }] : [])]);
/** The red flags' actions (every action, tier and kind of subject) and the plan's lines, as printed. */
const GENERATED = [...ACTION_TEXTS, ...PLAN_TEXTS];
const GRADE_LIMIT = 6;

describe('English blocks', () => {
  it.each(BLOCKS.map((b) => [b.id, b.text.en] as const))('%s is at or below grade 6 (Flesch–Kincaid) and easy on Coleman–Liau', (_id, text) => {
    expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(GRADE_LIMIT);
    // One-sentence blocks swing on letter counts; 10 still flags a block that is really hard.
    expect(colemanLiauGrade(text)).toBeLessThanOrEqual(10);
  });

  it.each(GENERATED.map((g) => [g.id, g.text.en] as const))('%s (built) is at or below grade 6 (Flesch–Kincaid) and easy on Coleman–Liau', (_id, text) => {
    expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(GRADE_LIMIT);
    expect(colemanLiauGrade(text)).toBeLessThanOrEqual(10);
  });

  it.each(SECTION_SPECS.map((s) => [s.id, s.blocks.map((b) => b.text.en).join(' ')] as const))('section %s read as a whole is at or below grade 6 on both formulas', (_id, text) => {
    expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(GRADE_LIMIT);
    expect(colemanLiauGrade(text)).toBeLessThanOrEqual(9);
  });

  it('is grade 4 or below across the whole catalogue on both formulas', () => {
    const all = BLOCKS.map((b) => b.text.en).join(' ');
    expect(fleschKincaidGrade(all)).toBeLessThanOrEqual(4);
    expect(colemanLiauGrade(all)).toBeLessThanOrEqual(5);
  });
});

describe('Spanish blocks', () => {
  it.each(BLOCKS.map((b) => [b.id, b.text.es] as const))('%s is at or below grade 6 (Fernández-Huerta) and fairly easy on INFLESZ', (_id, text) => {
    const fh = fernandezHuerta(text);
    expect(fernandezHuertaGrade(fh), `Fernández-Huerta ${fh.toFixed(1)}`).toBeLessThanOrEqual(GRADE_LIMIT);
    const sp = szigrisztPazos(text);
    expect(['fairly easy', 'very easy'], `Szigriszt-Pazos ${sp.toFixed(1)}`).toContain(infleszBand(sp));
  });

  it.each(GENERATED.map((g) => [g.id, g.text.es] as const))('%s (built) is at or below grade 6 (Fernández-Huerta) and fairly easy on INFLESZ', (_id, text) => {
    const fh = fernandezHuerta(text);
    expect(fernandezHuertaGrade(fh), `Fernández-Huerta ${fh.toFixed(1)}`).toBeLessThanOrEqual(GRADE_LIMIT);
    const sp = szigrisztPazos(text);
    expect(['fairly easy', 'very easy'], `Szigriszt-Pazos ${sp.toFixed(1)}`).toContain(infleszBand(sp));
  });

  it('is grade 5 or below across the whole catalogue', () => {
    const all = BLOCKS.map((b) => b.text.es).join(' ');
    expect(fernandezHuertaGrade(fernandezHuerta(all))).toBeLessThanOrEqual(5);
  });
});

describe('labels', () => {
  const labels = SECTION_SPECS.flatMap((s) => [s.heading, ...(s.drugHeading ? [s.drugHeading.one, s.drugHeading.many] : []), ...(s.table ? [s.table.caption, ...s.table.columns] : [])]);
  it.each(['en', 'es'] as const)('headings and table labels are short (%s)', (lang) => {
    const long = labels.map((l) => l[lang]).filter((t) => t.split(/\s+/).length > 7);
    expect(long).toEqual([]);
  });
});

describe('the Spanish formulas', () => {
  it('splits Spanish syllables, hiatus and diphthongs included', () => {
    expect(['pantorrilla', 'diálisis', 'quinina', 'cafeína', 'pierna', 'riñón', 'Embarazada', 'y'].map(spanishSyllables)).toEqual([4, 3, 3, 4, 2, 2, 5, 1]);
  });

  it('counts words without digits or symbols, and sentences at . ! ? …', () => {
    expect(spanishCounts('El perro come. ¿Dónde está? Tiene 3 años…')).toEqual({ words: 7, sentences: 3, syllables: 13 });
  });

  it('computes the corrected Fernández-Huerta score: 206.84 − 60 × syllables/word − 1.02 × words/sentence', () => {
    // "El perro come." 3 words, 5 syllables, 1 sentence.
    expect(fernandezHuerta('El perro come.')).toBeCloseTo(206.84 - 60 * (5 / 3) - 1.02 * 3, 6);
    expect(szigrisztPazos('El perro come.')).toBeCloseTo(206.835 - 62.3 * (5 / 3) - 3, 6);
  });

  it('maps the score to Fernández Huerta’s grades at the band edges', () => {
    expect([95, 90, 89.9, 80, 79.9, 70, 69.9, 60, 50, 30, 10].map(fernandezHuertaGrade)).toEqual([4, 4, 5, 5, 6, 6, 8, 8, 12, 14, 16]);
    expect([39.9, 40, 55, 65, 80].map(infleszBand)).toEqual(['very difficult', 'somewhat difficult', 'normal', 'fairly easy', 'very easy']);
  });

  it('tells hard Spanish prose from plain Spanish', () => {
    const hard = 'La administración concomitante de diuréticos ahorradores de potasio y suplementos electrolíticos incrementa significativamente la probabilidad de hiperpotasemia clínicamente relevante, particularmente en pacientes con insuficiencia renal crónica.';
    expect(fernandezHuertaGrade(fernandezHuerta(hard))).toBeGreaterThan(12);
    expect(infleszBand(szigrisztPazos(hard))).toBe('very difficult');
    expect(fernandezHuertaGrade(fernandezHuerta('Camine un poco. Estire la pierna. Tome agua.'))).toBeLessThanOrEqual(5);
  });
});

describe('the English formulas', () => {
  it('tell hard English prose from plain English, both of them', () => {
    const hard = 'Concomitant administration of potassium-sparing diuretics and electrolyte supplementation substantially increases the probability of clinically significant hyperkalaemia, particularly in individuals with chronic renal insufficiency.';
    expect(fleschKincaidGrade(hard)).toBeGreaterThan(14);
    expect(colemanLiauGrade(hard)).toBeGreaterThan(14);
    expect(fleschKincaidGrade('Walk a bit. Stretch your leg. Drink some water.')).toBeLessThan(3);
  });
});
