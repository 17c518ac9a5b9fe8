/**
 * Laboratory analytes the rules read, with every LOINC code the knowledge base lists for each
 * (section 3, Table B, and appendix 10.1), plus the blood-specimen codes real EHR exports use
 * (Synthea sends calcium 49765-1, potassium 6298-4, glucose 2339-0, creatinine 38483-4).
 *
 * Markers (knowledge base section 0): ✅ seen in a primary source, ◐ secondary source only,
 * ⚠️ not verified. Confirm ◐ and ⚠️ codes against the LOINC release before production.
 */
import type { Verification } from '../engine/types.js';

export const LOINC = 'http://loinc.org';

export interface CodeEntry {
  readonly code: string;
  readonly display: string;
  readonly marker: Verification;
  /** Where the code came from (knowledge-base source key or corpus). */
  readonly source: string;
}

export interface AnalyteDefinition {
  readonly id: string;
  /** Plain name for clinicians ("magnesium", "ionised calcium"). */
  readonly name: string;
  readonly loinc: readonly CodeEntry[];
  /**
   * Values outside this range (canonical unit, bounds included as plausible) are refused as
   * implausible: a wrong unit or a typo, not a result to act on. The ranges for HbA1c, potassium,
   * sodium, magnesium, total calcium, glucose, eGFR, CK and platelets are the rule catalogue's
   * (second round, "Implausible values and malformed data are unusable"); the others are set the
   * same way: wide enough for any value a living patient can have, so that only a wrong unit or a
   * typo falls outside (corrected calcium as total calcium; ionised calcium 0.2–4 mmol/L).
   */
  readonly plausible: { readonly min: number; readonly max: number };
}

const c = (code: string, display: string, marker: Verification, source: string): CodeEntry => ({ code, display, marker, source });

export const ANALYTES = {
  magnesium: {
    id: 'magnesium',
    name: 'magnesium',
    loinc: [
      c('19123-9', 'Magnesium [Mass/volume] in Serum or Plasma', '✅', 'S17 HL7 PDDI'),
      c('2601-3', 'Magnesium [Moles/volume] in Serum or Plasma', '✅', 'S17 HL7 PDDI'),
    ],
    plausible: { min: 0.2, max: 10 },
  },
  'calcium-total': {
    id: 'calcium-total',
    name: 'calcium',
    loinc: [
      c('17861-6', 'Calcium [Mass/volume] in Serum or Plasma', '✅', 'S17'),
      c('2000-8', 'Calcium [Moles/volume] in Serum or Plasma', '✅', 'S17c'),
      c('49765-1', 'Calcium [Mass/volume] in Blood', '◐', 'Synthea corpus'),
    ],
    plausible: { min: 2, max: 20 },
  },
  'calcium-corrected': {
    id: 'calcium-corrected',
    name: 'albumin-corrected calcium',
    loinc: [c('29265-6', 'Calcium [Moles/volume] corrected for albumin in Serum or Plasma', '✅', 'S17')],
    plausible: { min: 2, max: 20 },
  },
  'calcium-ionised': {
    id: 'calcium-ionised',
    name: 'ionised calcium',
    loinc: [
      c('1995-0', 'Calcium.ionized [Moles/volume] in Serum or Plasma', '✅', 'S17'),
      c('1994-3', 'Calcium.ionized [Moles/volume] in Blood', '✅', 'S17'),
      c('17864-0', 'Calcium.ionized [Mass/volume] in Serum or Plasma by Ion-selective membrane electrode (ISE)', '✅', 'S17'),
    ],
    plausible: { min: 0.2, max: 4 },
  },
  albumin: {
    id: 'albumin',
    name: 'albumin',
    loinc: [c('1751-7', 'Albumin [Mass/volume] in Serum or Plasma', '✅', 'S17c')],
    plausible: { min: 0.5, max: 10 },
  },
  potassium: {
    id: 'potassium',
    name: 'potassium',
    loinc: [
      c('2823-3', 'Potassium [Moles/volume] in Serum or Plasma', '✅', 'S17'),
      c('6298-4', 'Potassium [Moles/volume] in Blood', '✅', 'S17c'),
      c('22760-3', 'Potassium [Mass/volume] in Serum or Plasma', '✅', 'S17'),
    ],
    plausible: { min: 1.0, max: 10.0 },
  },
  sodium: {
    id: 'sodium',
    name: 'sodium',
    loinc: [
      c('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', '✅', 'S17c'),
      c('2947-0', 'Sodium [Moles/volume] in Blood', '✅', 'S17c'),
    ],
    plausible: { min: 90, max: 200 },
  },
  glucose: {
    id: 'glucose',
    name: 'glucose (random)',
    loinc: [
      c('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', '✅', 'S17d'),
      c('14749-6', 'Glucose [Moles/volume] in Serum or Plasma', '✅', 'S17d'),
      c('15074-8', 'Glucose [Moles/volume] in Blood', '✅', 'S17c'),
      c('2339-0', 'Glucose [Mass/volume] in Blood', '◐', 'KB 10.1; Synthea corpus'),
      c('41653-7', 'Glucose [Mass/volume] in Capillary blood by Glucometer', '⚠️', 'not in the knowledge base; common point-of-care code'),
    ],
    plausible: { min: 10, max: 2000 },
  },
  'glucose-fasting': {
    id: 'glucose-fasting',
    name: 'fasting glucose',
    loinc: [
      c('1558-6', 'Fasting glucose [Mass/volume] in Serum or Plasma', '◐', 'KB 10.1 (many implementations)'),
      c('14771-0', 'Fasting glucose [Moles/volume] in Serum or Plasma', '✅', 'S17c'),
    ],
    plausible: { min: 10, max: 2000 },
  },
  hba1c: {
    id: 'hba1c',
    name: 'HbA1c',
    loinc: [
      c('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', '✅', 'S17c'),
      c('17856-6', 'Hemoglobin A1c/Hemoglobin.total in Blood by HPLC', '⚠️', 'not in the knowledge base; common method-specific code'),
    ],
    plausible: { min: 3, max: 20 },
  },
  tsh: {
    id: 'tsh',
    name: 'TSH',
    loinc: [
      c('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma', '✅', 'S17c'),
      c('11580-8', 'Thyrotropin [Units/volume] in Serum or Plasma by Detection limit <= 0.005 mIU/L', '✅', 'S17c'),
      c('11579-0', 'Thyrotropin [Units/volume] in Serum or Plasma by Detection limit <= 0.05 mIU/L', '◐', 'KB Table B6'),
    ],
    plausible: { min: 0, max: 1000 },
  },
  't4-free': {
    id: 't4-free',
    name: 'free T4',
    loinc: [
      c('14920-3', 'Thyroxine (T4) free [Moles/volume] in Serum or Plasma', '✅', 'S17c'),
      c('3024-7', 'Thyroxine (T4) free [Mass/volume] in Serum or Plasma', '◐', 'KB Table B6'),
    ],
    plausible: { min: 0, max: 20 },
  },
  pth: {
    id: 'pth',
    name: 'parathyroid hormone (PTH)',
    loinc: [c('2731-8', 'Parathyrin.intact [Mass/volume] in Serum or Plasma', '◐', 'KB 10.1 (many implementations)')],
    plausible: { min: 0, max: 5000 },
  },
  'vitamin-d': {
    id: 'vitamin-d',
    name: '25-OH vitamin D',
    loinc: [
      c('62292-8', '25-hydroxyvitamin D2+25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma', '◐', 'KB 10.1'),
      c('1989-3', '25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma', '◐', 'KB 10.1 (display conflicts between sources)'),
      c('14635-7', '25-hydroxyvitamin D3 [Moles/volume] in Serum or Plasma', '✅', 'S17g'),
    ],
    plausible: { min: 0, max: 400 },
  },
  egfr: {
    id: 'egfr',
    name: 'eGFR',
    loinc: [
      c('98979-8', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)', '◐', 'KB 10.1 (several IGs)'),
      c('62238-1', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)', '✅', 'S17f'),
      c('33914-3', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)', '✅', 'S17c/e'),
      c('48642-3', 'Glomerular filtration rate/1.73 sq M.predicted among non-blacks [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (MDRD)', '⚠️', 'not in the knowledge base; legacy race-specific code'),
      c('48643-1', 'Glomerular filtration rate/1.73 sq M.predicted among blacks [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (MDRD)', '⚠️', 'not in the knowledge base; legacy race-specific code'),
    ],
    plausible: { min: 1, max: 200 },
  },
  creatinine: {
    id: 'creatinine',
    name: 'creatinine',
    loinc: [
      c('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', '✅', 'S17e'),
      c('14682-9', 'Creatinine [Moles/volume] in Serum or Plasma', '✅', 'S17e'),
      c('38483-4', 'Creatinine [Mass/volume] in Blood', '◐', 'Synthea corpus'),
    ],
    plausible: { min: 0.05, max: 40 },
  },
  ck: {
    id: 'ck',
    name: 'creatine kinase (CK)',
    loinc: [c('2157-6', 'Creatine kinase [Enzymatic activity/volume] in Serum or Plasma', '✅', 'S17c')],
    plausible: { min: 1, max: 500_000 },
  },
  platelets: {
    id: 'platelets',
    name: 'platelets',
    loinc: [
      c('777-3', 'Platelets [#/volume] in Blood by Automated count', '✅', 'S17c'),
      c('26515-7', 'Platelets [#/volume] in Blood', '⚠️', 'not in the knowledge base; common unspecified-method code'),
    ],
    plausible: { min: 1, max: 2000 },
  },
} as const satisfies Record<string, AnalyteDefinition>;

export type AnalyteId = keyof typeof ANALYTES;

/** LOINC code → analyte id, for the mappers (one analyte per code). */
export const ANALYTE_BY_LOINC: ReadonlyMap<string, AnalyteId> = new Map(
  (Object.values(ANALYTES) as AnalyteDefinition[]).flatMap((a) => a.loinc.map((l) => [l.code, a.id as AnalyteId] as const)),
);
