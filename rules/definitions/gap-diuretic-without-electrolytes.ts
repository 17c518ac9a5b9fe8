/**
 * gap-diuretic-without-electrolytes — a data gap, not a cause: a diuretic is active and the
 * electrolytes it can disturb were not measured in the last 12 months, so the app suggests
 * testing (rule catalogue, "Data gaps"; knowledge base rows A1–A4, next-step column).
 *
 * Which drugs, which tests:
 *  - potassium-sparing (A1), thiazide or thiazide-like (A2) and loop (A3) diuretics, alone or in
 *    combination: potassium AND magnesium. The knowledge base asks for K and Mg with each; these
 *    drugs lower (or, for A1, raise) potassium and lower magnesium (S12, S13).
 *  - acetazolamide and methazolamide (A4) count for potassium only: the knowledge base's next
 *    step for them is "check K, bicarbonate", not magnesium, and the app does not read bicarbonate.
 * Fires when any required test has no usable result within 12 months; the summary names which.
 *
 * The window is deliberately 12 months (rule catalogue, Decisions), longer than the 3 months the
 * electrolyte lab rules use to interpret a value: this rule asks for a test when none was done
 * in a year, while `lab-low-potassium` refuses to read a stale one. Both can show at once.
 *
 * Not-flagged when no diuretic is active (medications read in full), or every required test has a
 * usable result within 12 months (whatever the medication sources say). A failed or unauthorised
 * Observation source is insufficient-data: absence of a test cannot be claimed. It suggests a
 * test, never a supplement (knowledge base section 8).
 */
import { ANALYTES } from '../codes/labs.js';
import { CARBONIC_ANHYDRASE_INHIBITORS, LOOP_DIURETICS, POTASSIUM_SPARING_DIURETICS, THIAZIDE_DIURETICS } from '../codes/medications/diuretics.js';
import { SOURCES } from '../codes/sources.js';
import { allOf, anyOf } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { duration } from '../engine/parameters.js';
import { noUsableResult } from '../engine/primitives/lab-absence.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  window: duration('A diuretic user should have a usable result within', 'P12M', "rule catalogue, Decisions: the gap rule's window is deliberately longer"),
  ...MEDICATION_PARAMETERS,
} as const;

const noPotassium = noUsableResult('potassium', PARAMETERS.window.iso);
const noMagnesium = noUsableResult('magnesium', PARAMETERS.window.iso);

/** "potassium or magnesium", from the facts the absence criteria set. */
function missingTests(r: RuleSummaryInput): string {
  return (['potassium', 'magnesium'] as const)
    .filter((a) => r.facts[`no-${a}`] !== undefined)
    .map((a) => ANALYTES[a].name)
    .join(' or ');
}

export const rule = defineRule({
  id: 'gap-diuretic-without-electrolytes',
  version: '1.0.0',
  title: 'Diuretic without a recent potassium or magnesium test',
  family: 'gap',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Diuretics were associated with starting cramp treatment (S3) and disturb potassium and magnesium (S12, S13); the knowledge base asks for K and Mg with every diuretic (rows A1–A3) and K with acetazolamide (A4). Grade B: reviews and an observational study.',
  citations: [SOURCES.S3, SOURCES.S12, SOURCES.S13],
  knowledgeBaseRows: ['A1', 'A2', 'A3', 'A4'],
  parameters: PARAMETERS,
  needs: [
    ...MEDICATION_NEEDS,
    { kind: 'lab', analyte: 'potassium', lookback: PARAMETERS.window.iso },
    { kind: 'lab', analyte: 'magnesium', lookback: PARAMETERS.window.iso },
  ],
  criteria: anyOf(
    'a diuretic without the electrolytes it needs in the last 12 months',
    allOf(
      'potassium-sparing, thiazide or loop diuretic without potassium or magnesium',
      activeMedicationIn([POTASSIUM_SPARING_DIURETICS, THIAZIDE_DIURETICS, LOOP_DIURETICS], { what: 'a diuretic' }),
      anyOf('no potassium or no magnesium', noPotassium, noMagnesium),
    ),
    allOf('carbonic anhydrase inhibitor without potassium', activeMedicationIn([CARBONIC_ANHYDRASE_INHIBITORS], { what: 'a carbonic anhydrase inhibitor' }), noPotassium),
  ),
  summary: {
    flagged: (r) => `On ${r.facts.drug} with no ${missingTests(r)} result in the last 12 months: suggest testing`,
    notFlagged: (r) => (r.facts.drug ? `On ${r.facts.drug}: the electrolytes it needs were tested in the last 12 months` : 'No diuretic in use'),
    insufficient: (r) => (r.facts.drug ? `On ${r.facts.drug}: could not check whether electrolytes were tested (results not fully read)` : 'Diuretic use could not be checked: medications not fully read'),
  },
  detail: (r) => {
    const why = [r.facts['no-potassium'], r.facts['no-magnesium']].filter((x) => x !== undefined).join('. ');
    return `${why ? `${why}. ` : ''}Diuretics can lower potassium and magnesium (potassium-sparing ones can raise potassium), and both can cause cramps. A test tells whether a deficiency needs treating; supplements without a measured deficiency are not advised. The 12-month window is longer than the 3 months the lab rules use to interpret a value.`;
  },
  nextStep: 'Check potassium and magnesium (with sodium and kidney function); for acetazolamide, potassium and bicarbonate. Treat only a measured abnormality.',
  handoutSections: ['medicines'],
});
