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

export function activeMedicationIn(classes: readonly MedicationClass[], options: ActiveMedicationOptions): Criterion {
  const label = `active medication: ${options.what}`;
  return criterion(label, (ctx: EvaluationContext) => {
    const matches = classes.flatMap((cls) => ctx.medicationsIn(cls));
    const seen = new Set<string>();
    const active: EvidenceItem[] = [];
    let drug: string | undefined;
    let lastInactive: { item: EvidenceItem; date: string } | undefined;
    for (const { view, match } of matches) {
      const key = `${view.use.source.resourceType}/${view.use.source.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (view.activity.active) {
        active.push(medicationEvidence(view, match.basis, 'trigger', match.ingredient));
        drug ??= match.ingredient ?? shortName(view.use.text ?? view.use.codings.find((c) => c.display)?.display ?? describeBasis(match.basis));
      }
      else {
        const date = view.use.periodEnd ?? view.use.date ?? '';
        if (!lastInactive || date > lastInactive.date) lastInactive = { item: medicationEvidence(view, match.basis, 'checked', match.ingredient), date };
      }
    }
    if (active.length) return result('true', label, { evidence: active, facts: { drug: drug ?? options.what } });
    const incomplete = ctx.incompleteSources(MEDICATION_SOURCES);
    const evidence = lastInactive ? [lastInactive.item] : [];
    if (incomplete.length) {
      return result('unknown', label, { evidence, missing: [`medications could not all be read, so ${options.what} cannot be ruled out (${incomplete.join('; ')})`] });
    }
    return result('false', label, { evidence, note: lastInactive ? 'only inactive use found' : 'none found' });
  });
}

/** A product name short enough for a one-line summary. */
function shortName(display: string | undefined): string {
  const d = display ?? 'unnamed product';
  return d.length <= 40 ? d : `${d.slice(0, 39)}…`;
}
