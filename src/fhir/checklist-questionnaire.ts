/**
 * The app's own point-of-care Questionnaire and the QuestionnaireResponse the clinician's answers
 * become. The answers then go through the same mapper (map-checklist.ts) and engine as any other
 * data, so red flags update as the clinician ticks, and a bundle that carries a response gives the
 * command-line evaluator the same findings.
 */
import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { CHECKLIST_ITEM_LIST, CHECKLIST_QUESTIONNAIRE_URL, CHECKLIST_QUESTIONNAIRE_VERSION } from '../../rules/codes/checklist.js';
import type { ChecklistAnswer } from '../../rules/engine/record.js';

export const CHECKLIST_QUESTIONNAIRE: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'point-of-care-checklist',
  url: CHECKLIST_QUESTIONNAIRE_URL,
  version: CHECKLIST_QUESTIONNAIRE_VERSION,
  name: 'NocturnalLegCrampsPointOfCareChecklist',
  title: 'Night leg cramps: point-of-care checklist',
  status: 'active',
  subjectType: ['Patient'],
  item: CHECKLIST_ITEM_LIST.map((i) => ({ linkId: i.id, text: i.text, type: 'boolean' as const, required: false })),
};

export function checklistResponse(answers: Readonly<Record<string, ChecklistAnswer>>, patientId: string, authored: string, id = 'point-of-care-checklist-response'): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: `${CHECKLIST_QUESTIONNAIRE_URL}|${CHECKLIST_QUESTIONNAIRE_VERSION}`,
    status: 'in-progress',
    subject: { reference: `Patient/${patientId}` },
    authored,
    item: CHECKLIST_ITEM_LIST.filter((i) => answers[i.id]).map((i) => ({ linkId: i.id, text: i.text, answer: [{ valueBoolean: answers[i.id] === 'yes' }] })),
  };
}
