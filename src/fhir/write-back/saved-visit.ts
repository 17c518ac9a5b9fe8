/**
 * What this visit saved before a relaunch: the app's own checklist response for this patient,
 * authored today (and in this encounter, when both the launch and the response name one), read by
 * the live layer's QuestionnaireResponse query (query-plan.ts) like any other data. The app puts
 * its answers back into the review and updates the same response, and the chart note it points at,
 * at the next save (save-visit.ts) instead of adding new ones.
 *
 * Everything here is read from the server's JSON, so everything is checked: the questionnaire must
 * be the app's own, the subject the launch patient, the ids FHIR ids; a response that is
 * entered-in-error or stopped is not this visit's.
 */
import { CHECKLIST_QUESTIONNAIRE_URL } from '../../../rules/codes/checklist.js';
import type { ChecklistAnswer } from '../../../rules/engine/record.js';
import { arr, day, field, obj, referenceOf, resourceId, resourceType, str, type JsonObject } from '../fhir-values.js';
import type { FetchedRecord } from '../live/fetch-record.js';
import { mapChecklist } from '../map-checklist.js';
import { MappingReport } from '../mapping-report.js';
import { CHART_NOTE_EXTENSION } from './checklist-for-record.js';

export interface SavedVisit {
  readonly questionnaireResponseId: string;
  /** The chart note saved with it, when it names one. */
  readonly documentReferenceId?: string;
  readonly answers: Readonly<Record<string, ChecklistAnswer>>;
}

export interface VisitContext {
  readonly patientId: string;
  /** Today, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly encounterId?: string;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const NOT_THIS_VISIT = new Set(['entered-in-error', 'stopped']);

/** The id in a relative (`Type/id`) or absolute (`…/Type/id`) reference to a resource of this type. */
function referencedId(reference: string | undefined, type: string): string | undefined {
  const m = reference ? new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference) : null;
  return m && FHIR_ID.test(m[1]!) ? m[1] : undefined;
}

function isThisVisit(qr: JsonObject, c: VisitContext): boolean {
  if (resourceType(qr) !== 'QuestionnaireResponse' || !FHIR_ID.test(resourceId(qr) ?? '')) return false;
  if (str(field(qr, 'questionnaire'))?.split('|')[0] !== CHECKLIST_QUESTIONNAIRE_URL) return false;
  if (referencedId(referenceOf(field(qr, 'subject')), 'Patient') !== c.patientId) return false;
  if (day(field(qr, 'authored')) !== c.asOf) return false;
  if (NOT_THIS_VISIT.has(str(field(qr, 'status')) ?? '')) return false;
  const encounter = referencedId(referenceOf(field(qr, 'encounter')), 'Encounter');
  return !(encounter && c.encounterId && encounter !== c.encounterId);
}

const updatedAt = (qr: JsonObject): number => {
  const t = Date.parse(str(field(obj(field(qr, 'meta')), 'lastUpdated')) ?? '');
  return Number.isNaN(t) ? -Infinity : t;
};

function noteIdOf(qr: JsonObject): string | undefined {
  const link = arr(field(qr, 'extension')).map(obj).find((e) => str(field(e, 'url')) === CHART_NOTE_EXTENSION);
  return referencedId(referenceOf(field(link, 'valueReference')), 'DocumentReference');
}

/** Among the server's responses, the newest that is this visit's, with its answers. */
export function findSavedVisit(resources: readonly JsonObject[], c: VisitContext): SavedVisit | undefined {
  const candidates = resources.filter((r) => isThisVisit(r, c));
  if (!candidates.length) return undefined;
  const newest = candidates.reduce((a, b) => (updatedAt(b) > updatedAt(a) ? b : a));
  const answers = mapChecklist(newest, new MappingReport())?.answers ?? {};
  const noteId = noteIdOf(newest);
  return { questionnaireResponseId: resourceId(newest)!, ...(noteId ? { documentReferenceId: noteId } : {}), answers };
}

/** The QuestionnaireResponses the launch read (its QuestionnaireResponse query's answers). */
export function savedVisitIn(fetched: Pick<FetchedRecord, 'queries'>, c: VisitContext): SavedVisit | undefined {
  const read = fetched.queries.filter((q) => q.query.resourceType === 'QuestionnaireResponse').flatMap((q) => q.resources.map((r) => r.resource));
  return findSavedVisit(read, c);
}
