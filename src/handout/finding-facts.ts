/**
 * What a finding says about this patient, read from the finding itself (the same object the screen
 * shows), never from the record again: which drugs of a class its evidence names, which analytes
 * made it fire, which checklist answers triggered it. The handout words these; it never invents
 * what fired.
 *
 * Drug names come only from the engine's own ingredient lists (rules/codes/medications): an
 * evidence note reads "active order; furosemide, matched by RxNorm 4603", and only a name our
 * lists hold is taken from it, so nothing an EHR typed reaches the patient's sheet.
 */
import { ANALYTES } from '../../rules/codes/labs.js';
import { MEDICATION_CLASSES } from '../../rules/codes/medications/index.js';
import type { MedicationClass } from '../../rules/codes/medications/types.js';
import type { EvidenceItem, EvidenceRole, Finding } from '../../rules/engine/types.js';

const MEDICATION_TYPES = new Set(['MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration', 'Medication']);

export const isMedicationEvidence = (e: EvidenceItem): boolean => MEDICATION_TYPES.has(e.resourceType);

const CLASS_BY_ID: ReadonlyMap<string, MedicationClass> = new Map(MEDICATION_CLASSES.map((c) => [c.id, c]));

/** The medication class with this id (`loop-diuretic`); throws for an id the engine does not have. */
export function medicationClass(id: string): MedicationClass {
  const c = CLASS_BY_ID.get(id);
  if (!c) throw new Error(`unknown medication class ${id}`);
  return c;
}

/**
 * Ingredient names (the engine's lower-case RxNorm names) of the given classes that this evidence
 * item names as the drug it matched, in the class's order.
 */
function ingredientsOf(e: EvidenceItem, classes: readonly MedicationClass[]): string[] {
  if (!isMedicationEvidence(e) || !e.note) return [];
  const note = e.note.toLowerCase();
  const out: string[] = [];
  for (const c of classes) for (const i of c.ingredients) if (note.includes(`; ${i.name}, matched by`) && !out.includes(i.name)) out.push(i.name);
  return out;
}

/**
 * The ingredients of the given classes (every class when none is given) that this finding's
 * evidence names, in the roles asked for (what made it fire, by default).
 */
export function ingredientsIn(finding: Finding, classIds?: readonly string[], roles: readonly EvidenceRole[] = ['trigger']): string[] {
  const classes = classIds ? classIds.map(medicationClass) : MEDICATION_CLASSES;
  const out: string[] = [];
  for (const e of finding.evidence) if (roles.includes(e.role)) for (const n of ingredientsOf(e, classes)) if (!out.includes(n)) out.push(n);
  return out;
}

/** True when a checklist answer with this item id made the finding fire. */
export function checklistTriggered(finding: Finding, itemId: string): boolean {
  return finding.evidence.some((e) => e.role === 'trigger' && e.resourceType === 'QuestionnaireResponse' && e.code === itemId);
}

/** True when the finding's evidence holds a "yes" to this checklist item, whatever its role. */
export function checklistYes(finding: Finding, itemId: string): boolean {
  return finding.evidence.some((e) => e.resourceType === 'QuestionnaireResponse' && e.code === itemId && e.value === 'yes');
}

const LOINC_OF = (analyte: keyof typeof ANALYTES) => new Set(ANALYTES[analyte].loinc.map((l) => l.code));

/** True when a result of this analyte (by LOINC code) made the finding fire. */
export function labTriggered(finding: Finding, analyte: keyof typeof ANALYTES): boolean {
  const codes = LOINC_OF(analyte);
  return finding.evidence.some((e) => e.role === 'trigger' && e.resourceType === 'Observation' && codes.has(e.code ?? ''));
}

/** The blood salts a patient can be told about, in a fixed order. */
export const ELECTROLYTES = ['potassium', 'magnesium', 'calcium', 'sodium'] as const;
export type Electrolyte = (typeof ELECTROLYTES)[number];

const ELECTROLYTE_OF_ANALYTE: Readonly<Record<string, Electrolyte>> = {
  potassium: 'potassium',
  magnesium: 'magnesium',
  sodium: 'sodium',
  'calcium-total': 'calcium',
  'calcium-corrected': 'calcium',
  'calcium-ionised': 'calcium',
};

const ELECTROLYTE_BY_LOINC: ReadonlyMap<string, Electrolyte> = new Map(
  Object.entries(ANALYTES).flatMap(([id, a]) => (ELECTROLYTE_OF_ANALYTE[id] ? a.loinc.map((l) => [l.code, ELECTROLYTE_OF_ANALYTE[id]!] as const) : [])),
);

/** The electrolytes whose results made this finding fire, by LOINC code, in a fixed order. */
export function triggeringElectrolytes(finding: Finding): Electrolyte[] {
  const found = new Set<Electrolyte>();
  for (const e of finding.evidence) {
    if (e.role !== 'trigger' || e.resourceType !== 'Observation' || !e.code) continue;
    const which = ELECTROLYTE_BY_LOINC.get(e.code);
    if (which) found.add(which);
  }
  return ELECTROLYTES.filter((x) => found.has(x));
}

/** Findings by rule id. */
export function byRule(findings: readonly Finding[]): ReadonlyMap<string, Finding> {
  return new Map(findings.map((f) => [f.ruleId, f]));
}
