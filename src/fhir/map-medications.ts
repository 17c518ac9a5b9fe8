/**
 * MedicationRequest, MedicationStatement, MedicationDispense and MedicationAdministration →
 * MedicationUse. The medication is read from `medicationCodeableConcept`, or from the Medication a
 * `medicationReference` points at (contained, in the same Bundle, or included in a search), with
 * its ingredients and dose form. Nothing is matched here: which class a drug belongs to is the
 * engine's job (rules/engine/medication-resolution.ts), so mapping stays a pure reshaping.
 */
import type { CodingRef, MedicationSourceKind, MedicationUse } from '../../rules/engine/record.js';
import { arr, bool, ccText, codings, day, field, malformedDateCounter, obj, period, referenceOf, resourceId, resourceType, str, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';
import type { ResourceSet } from './resource-set.js';

const KIND_BY_TYPE: Readonly<Record<string, MedicationSourceKind>> = {
  MedicationRequest: 'request',
  MedicationStatement: 'statement',
  MedicationDispense: 'dispense',
  MedicationAdministration: 'administration',
};

export const MEDICATION_RESOURCE_TYPES = Object.keys(KIND_BY_TYPE);

interface MedicationContent {
  unresolvedReference?: string;
  codings: CodingRef[];
  text?: string;
  ingredientCodings: CodingRef[];
  ingredientTexts: string[];
  formTexts: string[];
}

function fromCodeableConcept(cc: unknown): MedicationContent {
  const text = ccText(cc) ?? codings(cc).find((c) => c.display)?.display;
  return { codings: codings(cc), ...(text ? { text } : {}), ingredientCodings: [], ingredientTexts: [], formTexts: [] };
}

function fromMedication(med: JsonObject): MedicationContent {
  const base = fromCodeableConcept(field(med, 'code'));
  for (const ing of arr(field(med, 'ingredient')).map(obj)) {
    const item = field(ing, 'itemCodeableConcept');
    base.ingredientCodings.push(...codings(item));
    const t = ccText(item) ?? codings(item).find((c) => c.display)?.display ?? str(field(obj(field(ing, 'itemReference')), 'display'));
    if (t) base.ingredientTexts.push(t);
  }
  const form = field(med, 'form');
  const formText = ccText(form) ?? codings(form).find((c) => c.display)?.display;
  if (formText) base.formTexts.push(formText);
  return base;
}

function medicationContent(resource: JsonObject, set: ResourceSet, report: MappingReport, type: string): MedicationContent | undefined {
  const cc = field(resource, 'medicationCodeableConcept');
  if (cc !== undefined) return fromCodeableConcept(cc);
  const ref = obj(field(resource, 'medicationReference'));
  if (!ref) return undefined;
  const target = set.resolve(referenceOf(ref), resource);
  if (target && resourceType(target) === 'Medication') return fromMedication(target);
  const display = str(field(ref, 'display'));
  report.drop(type, display ? 'medicationReference not resolved (kept by its display text only)' : 'medicationReference not resolved and no display (an unidentified medication)');
  const reference = referenceOf(ref) ?? '(reference without a target)';
  return { unresolvedReference: reference, codings: [], ...(display ? { text: display } : {}), ingredientCodings: [], ingredientTexts: [], formTexts: [] };
}

/** Route words from dosage instructions (`dosageInstruction` on requests and dispenses, `dosage` elsewhere). */
function routeTexts(resource: JsonObject): string[] {
  const dosages = [...arr(field(resource, 'dosageInstruction')), ...arr(field(resource, 'dosage')), field(resource, 'dosage')].map(obj);
  const out: string[] = [];
  for (const d of dosages) {
    const route = field(d, 'route');
    const t = ccText(route) ?? codings(route).find((c) => c.display)?.display;
    if (t) out.push(t);
  }
  return out;
}

/**
 * The dates each kind of record carries. A date that is not a FHIR date in full is read as absent,
 * never as another day, and counted through `malformed` (rule catalogue, second round).
 */
function dates(resource: JsonObject, kind: MedicationSourceKind, malformed: (element: string) => void): { date?: string; periodEnd?: string; asserted?: string; validity?: { start?: string; end?: string } } {
  const dayOf = (element: string) => day(field(resource, element), () => malformed(element));
  const periodOf = (element: string, v = field(resource, element)) => period(v, (b) => malformed(`${element}.${b}`));
  switch (kind) {
    case 'request': {
      const d = dayOf('authoredOn');
      const validity = periodOf('dispenseRequest.validityPeriod', field(obj(field(resource, 'dispenseRequest')), 'validityPeriod'));
      return { ...(d ? { date: d } : {}), ...(validity.start || validity.end ? { validity } : {}) };
    }
    case 'statement': {
      const p = periodOf('effectivePeriod');
      const asserted = dayOf('dateAsserted');
      const d = dayOf('effectiveDateTime') ?? p.start ?? asserted;
      return { ...(d ? { date: d } : {}), ...(p.end ? { periodEnd: p.end } : {}), ...(asserted ? { asserted } : {}) };
    }
    case 'dispense': {
      const d = dayOf('whenHandedOver') ?? dayOf('whenPrepared');
      return d ? { date: d } : {};
    }
    case 'administration': {
      const p = periodOf('effectivePeriod');
      const d = dayOf('effectiveDateTime') ?? p.end ?? p.start;
      return d ? { date: d } : {};
    }
  }
}

export function mapMedication(resource: JsonObject, set: ResourceSet, report: MappingReport): MedicationUse | undefined {
  const type = resourceType(resource) ?? '';
  // `type` is a FHIR string: only the table's own keys are kinds ('constructor' is not).
  const kind = Object.prototype.hasOwnProperty.call(KIND_BY_TYPE, type) ? KIND_BY_TYPE[type] : undefined;
  const id = resourceId(resource);
  if (!kind) return undefined;
  if (!id) {
    report.drop(type, 'no id');
    return undefined;
  }
  const status = str(field(resource, 'status'));
  if (!status) {
    report.drop(type, 'no status');
    return undefined;
  }
  const content = medicationContent(resource, set, report, type);
  if (!content) {
    report.drop(type, 'no medication');
    return undefined;
  }
  const intent = kind === 'request' ? str(field(resource, 'intent')) : undefined;
  const doNotPerform = kind === 'request' ? bool(field(resource, 'doNotPerform')) : undefined;
  return {
    source: { resourceType: type, id },
    kind,
    status,
    ...(intent ? { intent } : {}),
    ...(doNotPerform ? { doNotPerform } : {}),
    codings: content.codings,
    ...(content.text ? { text: content.text } : {}),
    ...(content.unresolvedReference ? { unresolvedReference: content.unresolvedReference } : {}),
    ingredientCodings: content.ingredientCodings,
    ingredientTexts: content.ingredientTexts,
    formTexts: [...content.formTexts, ...routeTexts(resource)],
    ...dates(resource, kind, malformedDateCounter(report, type)),
  };
}
