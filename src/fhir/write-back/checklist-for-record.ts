/**
 * The checklist as the app saves it: a QuestionnaireResponse to the app's own Questionnaire
 * (checklist-questionnaire.ts), for the launch patient, authored on the visit day, in the launch's
 * encounter when there is one, and pointing at the chart note saved with it, so that a relaunch
 * the same day finds both again (saved-visit.ts): the answers come back into the review and the
 * next save updates the same note instead of adding another.
 *
 * `authored` is the visit day itself (a FHIR dateTime may be a date): the engine counts a checklist
 * for the visit by its day, and the server's date search finds it by that day whatever its time zone.
 */
import type { QuestionnaireResponse } from 'fhir/r4';
import type { ChecklistAnswer } from '../../../rules/engine/record.js';
import { checklistResponse } from '../checklist-questionnaire.js';

/** The extension on the saved response that names the chart note saved with it (`valueReference`). */
export const CHART_NOTE_EXTENSION = 'http://example.org/fhir/leg-cramps/StructureDefinition/chart-note';

export interface ChecklistForRecordInput {
  readonly answers: Readonly<Record<string, ChecklistAnswer>>;
  readonly patientId: string;
  /** The visit day, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly encounterId?: string;
  /** The chart note saved with it. */
  readonly documentReferenceId?: string;
  /** The id the server gave at the first save (or the one read back after a relaunch): the update keeps it. */
  readonly id?: string;
}

export function checklistForRecord(input: ChecklistForRecordInput): QuestionnaireResponse {
  const { id: _ownId, ...response } = checklistResponse(input.answers, input.patientId, input.asOf);
  return {
    ...response,
    ...(input.id ? { id: input.id } : {}),
    status: 'completed',
    ...(input.encounterId ? { encounter: { reference: `Encounter/${input.encounterId}` } } : {}),
    ...(input.documentReferenceId ? { extension: [{ url: CHART_NOTE_EXTENSION, valueReference: { reference: `DocumentReference/${input.documentReferenceId}` } }] } : {}),
  };
}
