/**
 * A patient's resources → the normalised PatientRecord the rules read. Used by the command-line
 * evaluator (from a Bundle) and by the live app (from search results): the same mappers, so the
 * same findings.
 *
 * Resources that belong to another patient are dropped and counted. A mapper that throws on some
 * malformed item (it should not) costs only that item: it is dropped and counted as malformed.
 */
import type { ChecklistResponse, CodedObservation, ConditionEntry, LabResult, MedicationUse, PatientInfo, PatientRecord, SourceKey, SourceStatus } from '../../rules/engine/record.js';
import { compareDays } from '../../rules/engine/time.js';
import type { JsonObject } from './fhir-values.js';
import { mapChecklist } from './map-checklist.js';
import { mapCondition } from './map-conditions.js';
import { mapMedication, MEDICATION_RESOURCE_TYPES } from './map-medications.js';
import { mapObservation } from './map-observations.js';
import { mapPatient } from './map-patient.js';
import { MappingReport } from './mapping-report.js';
import { referencedPatientId, subjectReference, type ResourceSet } from './resource-set.js';

export interface MappedRecord {
  readonly record: PatientRecord;
  readonly report: MappingReport;
}

/** Newest first; same day by time as sent, then id, so bundle order never decides. */
const byDateDesc = <T extends { date?: string; effective?: string; source: { id: string } }>(a: T, b: T) =>
  compareDays(b.date, a.date) || (b.effective ?? '').localeCompare(a.effective ?? '') || a.source.id.localeCompare(b.source.id);

function group<T extends { date?: string; effective?: string; source: { id: string } }>(items: readonly T[], key: (t: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) (out[key(item)] ??= []).push(item);
  for (const list of Object.values(out)) list.sort(byDateDesc);
  return out;
}

const MEDICATION_TYPES = new Set(MEDICATION_RESOURCE_TYPES);
/** Types the mappers read; the rest are counted as read and otherwise ignored. */
const MAPPED_TYPES = new Set(['Patient', 'Observation', 'Condition', 'QuestionnaireResponse', ...MEDICATION_RESOURCE_TYPES]);

export interface MapRecordOptions {
  /** The patient the record is for; resources about anyone else are dropped. */
  readonly patientId?: string;
  readonly sources: Readonly<Record<SourceKey, SourceStatus>>;
}

export function mapRecord(set: ResourceSet, options: MapRecordOptions): MappedRecord {
  const report = new MappingReport();
  let patient: PatientInfo | undefined;
  const medications: MedicationUse[] = [];
  const labs: LabResult[] = [];
  const coded: CodedObservation[] = [];
  const conditions: ConditionEntry[] = [];
  const checklists: ChecklistResponse[] = [];

  const subjectCache = new Map<string, boolean>();
  for (let i = 0; i < set.resources.length; i++) {
    const resource = set.resources[i]!;
    const type = set.types[i] ?? '(no resourceType)';
    report.countRead(type);
    if (!MAPPED_TYPES.has(type)) continue;
    try {
      if (type === 'Patient') {
        const p = mapPatient(resource, report);
        if (!p) report.drop(type, 'no id');
        else if (options.patientId && p.source.id !== options.patientId) report.drop(type, 'another patient');
        else if (!patient) patient = p;
        continue;
      }
      if (!belongsToPatient(resource, set, options.patientId, subjectCache)) {
        report.drop(type, 'belongs to another patient');
        continue;
      }
      if (MEDICATION_TYPES.has(type)) push(medications, mapMedication(resource, set, report), report, 'medications');
      else if (type === 'Observation') {
        const m = mapObservation(resource, report);
        if (m?.kind === 'lab') push(labs, m.lab, report, 'labs');
        else if (m?.kind === 'coded') push(coded, m.coded, report, 'codedObservations');
      } else if (type === 'Condition') push(conditions, mapCondition(resource, report), report, 'conditions');
      else if (type === 'QuestionnaireResponse') push(checklists, mapChecklist(resource, report), report, 'checklists');
    } catch {
      report.drop(type, 'malformed');
    }
  }

  const record: PatientRecord = {
    ...(patient ? { patient } : {}),
    medications,
    labs: group(labs, (l) => l.analyte),
    codedObservations: group(coded, (c) => c.kind),
    conditions,
    checklists: checklists.sort((a, b) => (b.authored ?? '').localeCompare(a.authored ?? '')),
    sources: options.sources,
  };
  return { record, report };
}

function push<T>(into: T[], item: T | undefined, report: MappingReport, what: string) {
  if (item === undefined) return;
  into.push(item);
  report.countKept(what);
}

function belongsToPatient(resource: JsonObject, set: ResourceSet, patientId: string | undefined, cache: Map<string, boolean>): boolean {
  if (!patientId) return true;
  const ref = subjectReference(resource);
  if (!ref) return true; // no subject: the resource came from this patient's own query or export
  let ok = cache.get(ref);
  if (ok === undefined) {
    ok = referencedPatientId(ref, set) === patientId;
    cache.set(ref, ok);
  }
  return ok;
}
