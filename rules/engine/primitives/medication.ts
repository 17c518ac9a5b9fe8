/**
 * Criterion: an active medication in one of the given classes.
 * True with the active uses as evidence; false only when every medication source was read in
 * full and none is active; unknown when a source could not be read.
 */
import type { MedicationClass } from '../../codes/medications/types.js';
import { MEDICATION_SOURCES, type EvaluationContext, type MedicationView } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { MatchBasis } from '../medication-resolution.js';
import type { EvidenceItem, EvidenceRole } from '../types.js';

const RESOURCE_TYPE = {
  request: 'MedicationRequest',
  statement: 'MedicationStatement',
  dispense: 'MedicationDispense',
  administration: 'MedicationAdministration',
} as const;

export function describeBasis(basis: MatchBasis): string {
  switch (basis.by) {
    case 'rxnorm-code':
      return `RxNorm ${basis.code}`;
    case 'atc-code':
      return `ATC ${basis.code}`;
    case 'text':
      return `name "${basis.term}" in the text`;
  }
}

export function medicationEvidence(view: MedicationView, basis: MatchBasis, role: EvidenceRole, ingredient?: string): EvidenceItem {
  const { use } = view;
  const coded = basis.by === 'text' ? use.codings.find((c) => c.code) : { code: basis.code, system: basis.by === 'atc-code' ? 'http://www.whocc.no/atc' : 'http://www.nlm.nih.gov/research/umls/rxnorm', display: basis.display };
  const display = use.text ?? use.codings.find((c) => c.display)?.display ?? use.ingredientTexts[0] ?? '(no name)';
  return {
    resourceType: use.source.resourceType || RESOURCE_TYPE[use.kind],
    id: use.source.id,
    role,
    ...(coded?.code ? { code: coded.code } : {}),
    ...(coded?.system ? { system: coded.system } : {}),
    display,
    value: use.status || 'unknown',
    ...(use.date ? { date: use.date } : {}),
    note: `${view.activity.reason}; ${ingredient ? `${ingredient}, ` : ''}matched by ${describeBasis(basis)}`,
  };
}

export interface ActiveMedicationOptions {
  /** Words for the trace and for `missing`, e.g. "a potassium-sparing diuretic". */
  readonly what: string;
}

/**
 * Criterion: a medication in one of the classes is in use on `asOf`.
 *
 * - true: a current use (active by the catalogue's decision and not stale), with its evidence;
 * - unknown: only stale uses ("whether the patient still takes hydrochlorothiazide (order from
 *   1974 still marked active; nothing since)"), or an active medication that could not be
 *   identified (it may be this drug), or a medication source that could not be read in full. One
 *   source failing never erases a drug found in another: a current use is true whatever failed.
 * - false: every medication source was read in full, nothing current or stale matched, and every
 *   active medication could be identified.
 * Facts: `drug` (true); `staleDrug` and `staleWhy` for the first stale use, `unidentifiedMedication`.
 */
export function activeMedicationIn(classes: readonly MedicationClass[], options: ActiveMedicationOptions): Criterion {
  const label = `active medication: ${options.what}`;
  return criterion(label, (ctx: EvaluationContext) => {
    const matches = classes.flatMap((cls) => ctx.medicationsIn(cls));
    const seen = new Set<string>();
    const current: EvidenceItem[] = [];
    const stale: { item: EvidenceItem; drug: string; why: string }[] = [];
    let drug: string | undefined;
    let lastInactive: { item: EvidenceItem; date: string } | undefined;
    for (const { view, match } of matches) {
      const key = `${view.use.source.resourceType}/${view.use.source.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = match.ingredient ?? shortName(view.use.text ?? view.use.codings.find((c) => c.display)?.display ?? describeBasis(match.basis));
      if (view.activity.active && view.stale) {
        const item = medicationEvidence(view, match.basis, 'unusable', match.ingredient);
        stale.push({ item: { ...item, note: `${item.note}; not counted: ${view.stale.why}` }, drug: name, why: view.stale.why });
      } else if (view.activity.active) {
        current.push(medicationEvidence(view, match.basis, 'trigger', match.ingredient));
        drug ??= name;
      } else {
        const date = view.use.periodEnd ?? view.use.date ?? '';
        if (!lastInactive || date > lastInactive.date) lastInactive = { item: medicationEvidence(view, match.basis, 'checked', match.ingredient), date };
      }
    }
    if (current.length) return result('true', label, { evidence: current, facts: { drug: drug ?? options.what } });

    const missing = stale.map((s) => `whether the patient still takes ${s.drug} (${s.why})`);
    const unidentified = unidentifiedMedications(ctx);
    for (const u of unidentified) missing.push(`${describeUnidentified(u)}: it may be ${options.what}`);
    const incomplete = ctx.incompleteSources(MEDICATION_SOURCES);
    if (incomplete.length) missing.push(`medications could not all be read, so ${options.what} cannot be ruled out (${incomplete.join('; ')})`);
    const evidence = [...stale.map((s) => s.item), ...unidentified.map(unidentifiedEvidence), ...(lastInactive ? [lastInactive.item] : [])];
    if (missing.length) {
      const facts: Record<string, string | boolean> = {};
      if (stale[0]) Object.assign(facts, { staleDrug: stale[0].drug, staleWhy: stale[0].why });
      if (unidentified.length) facts.unidentifiedMedication = true;
      return result('unknown', label, { evidence, missing, facts });
    }
    return result('false', label, { evidence, note: lastInactive ? 'only inactive use found' : 'none found' });
  });
}

/**
 * Active medications that cannot be identified: no code, no text, no ingredient, because their
 * `medicationReference` could not be read (rule catalogue, second round: "An unidentified
 * medication is not an absent one"). A stale one is left out: it is not in use either way.
 */
export function unidentifiedMedications(ctx: EvaluationContext): readonly MedicationView[] {
  return ctx.memoise('medications:unidentified', () =>
    ctx.medications().filter(({ use, activity, stale }) =>
      activity.active && !stale && !use.codings.length && !use.text && !use.ingredientCodings.length && !use.ingredientTexts.length),
  );
}

function describeUnidentified(view: MedicationView): string {
  const ref = view.use.unresolvedReference ? `its medication ${JSON.stringify(view.use.unresolvedReference.slice(0, 80))} could not be read` : 'it names no medication';
  return `an unidentified medication (${view.use.source.resourceType} ${view.use.source.id}: ${ref})`;
}

function unidentifiedEvidence(view: MedicationView): EvidenceItem {
  const { use } = view;
  return {
    resourceType: use.source.resourceType || RESOURCE_TYPE[use.kind],
    id: use.source.id,
    role: 'unusable',
    display: '(unidentified medication)',
    value: use.status || 'unknown',
    ...(use.date ? { date: use.date } : {}),
    note: `${view.activity.reason}; ${use.unresolvedReference ? `medicationReference ${use.unresolvedReference.slice(0, 80)} could not be read` : 'no medication code, text or reference'}, so it may be any drug`,
  };
}

/** A product name short enough for a one-line summary. */
function shortName(display: string | undefined): string {
  const d = display ?? 'unnamed product';
  return d.length <= 40 ? d : `${d.slice(0, 39)}…`;
}
