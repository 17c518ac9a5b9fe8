/**
 * Everything a criterion may read while one patient is evaluated: the record, `asOf`, and
 * derived facts computed once per patient (age, what each medication contains and whether it is
 * active, which sources could not be read).
 */
import type { MedicationClass } from '../codes/medications/types.js';
import { medicationActivity, type Activity } from './medication-activity.js';
import { staleUses, type StaleUse } from './medication-currency.js';
import { matchClass, resolveMedication, type ClassMatch, type ResolvedMedication } from './medication-resolution.js';
import type { DayString, MedicationUse, PatientRecord, SourceKey, SourceStatus } from './record.js';
import { vitalStatus, type VitalStatus } from './vital-status.js';

export interface MedicationView {
  readonly use: MedicationUse;
  readonly resolved: ResolvedMedication;
  readonly activity: Activity;
  /** Set when the use is active by its status but nothing in 15 months shows it is still in use. */
  readonly stale?: StaleUse;
}

export const MEDICATION_SOURCES: readonly SourceKey[] = ['MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration'];

const NOT_REQUESTED: SourceStatus = { state: 'failed', reason: 'not requested' };

/** Memo for medication resolution: the same product text and codes resolve the same way. */
const resolutionCache = new Map<string, ResolvedMedication>();
const RESOLUTION_CACHE_LIMIT = 20_000;

/** Forget every memoised resolution (the benchmark's cold runs; tests of the index). */
export function clearMedicationResolutionCache(): void {
  resolutionCache.clear();
}

/** Everything resolution reads, joined with separators that cannot occur in the parts' roles. */
function resolutionKey(use: MedicationUse): string {
  let key = `${use.text ?? ''}\u0001`;
  for (const c of use.codings) key += `${c.system}|${c.code}|${c.display ?? ''}\u0002`;
  key += '\u0001';
  for (const c of use.ingredientCodings) key += `${c.system}|${c.code}|${c.display ?? ''}\u0002`;
  return `${key}\u0001${use.ingredientTexts.join('\u0002')}\u0001${use.formTexts.join('\u0002')}`;
}

function resolveCached(use: MedicationUse): ResolvedMedication {
  const key = resolutionKey(use);
  let hit = resolutionCache.get(key);
  if (!hit) {
    hit = resolveMedication(use);
    if (resolutionCache.size >= RESOLUTION_CACHE_LIMIT) resolutionCache.clear();
    resolutionCache.set(key, hit);
  }
  return hit;
}

export class EvaluationContext {
  /** Age on `asOf`, or at death for a patient who died before it. */
  readonly ageYears: number | undefined;
  readonly vital: VitalStatus;
  private medicationViews?: readonly MedicationView[];
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly record: PatientRecord,
    readonly asOf: DayString,
  ) {
    this.vital = vitalStatus(record.patient, asOf);
    this.ageYears = this.vital.ageYears;
  }

  /** Status of a data source; a source never asked for counts as unavailable. */
  source(key: SourceKey): SourceStatus {
    return this.record.sources[key] ?? this.record.sources['*'] ?? NOT_REQUESTED;
  }

  /** Sources among `keys` that could not be read in full, as "MedicationStatement: not authorised". */
  incompleteSources(keys: readonly SourceKey[]): string[] {
    const out: string[] = [];
    for (const key of keys) {
      const s = this.source(key);
      if (s.state !== 'complete') out.push(`${key}: ${describeState(s)}`);
    }
    return out;
  }

  medications(): readonly MedicationView[] {
    if (!this.medicationViews) {
      const views = this.record.medications.map((use) => {
        const resolved = resolveCached(use);
        const activity = medicationActivity(use, this.asOf);
        return { use, resolved, activity, active: activity.active };
      });
      const stale = staleUses(views, this.asOf);
      this.medicationViews = views.map(({ use, resolved, activity }) => {
        const s = stale.get(use);
        return s ? { use, resolved, activity, stale: s } : { use, resolved, activity };
      });
    }
    return this.medicationViews;
  }

  /** Medications in a class, with how each matched; computed once per class per patient. */
  medicationsIn(cls: MedicationClass): readonly { view: MedicationView; match: Extract<ClassMatch, { matched: true }> }[] {
    return this.memoise(`class:${cls.id}`, () => {
      const out: { view: MedicationView; match: Extract<ClassMatch, { matched: true }> }[] = [];
      for (const view of this.medications()) {
        const match = matchClass(view.resolved, cls);
        if (match.matched) out.push({ view, match });
      }
      return out;
    });
  }

  /** Cache a derived value for this patient. */
  memoise<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }
}

export function describeState(s: SourceStatus): string {
  const base =
    s.state === 'not-authorised' ? 'not authorised'
    : s.state === 'truncated' ? 'only partly read (truncated)'
    : s.state === 'failed' ? 'could not be read'
    : s.state === 'unsupported' ? 'not offered by this EHR'
    : 'read in full';
  // An unsupported type's reason ("this EHR does not offer MedicationStatement") only repeats the base.
  return s.reason && s.state !== 'complete' && s.state !== 'unsupported' ? `${base} (${s.reason})` : base;
}
