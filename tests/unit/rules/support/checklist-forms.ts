/**
 * Checklist answers the way other systems send them, for the red-flag tests: a QuestionnaireResponse
 * to someone else's form, recognised by item text, with yes as a LOINC answer coding (LA33-6) or
 * no (LA32-8). The app's own form is `BundleBuilder.checklist`.
 */
import type { BundleBuilder } from '../../../support/fhir-builder.js';

export const OTHER_FORM_URL = 'http://hospital.example.org/fhir/Questionnaire/neuro-vascular-screen';

const LOINC_ANSWER = {
  yes: { system: 'http://loinc.org', code: 'LA33-6', display: 'Yes' },
  no: { system: 'http://loinc.org', code: 'LA32-8', display: 'No' },
} as const;

/** Adds a completed QuestionnaireResponse to another form: item text → yes/no as a LOINC coding. */
export function otherFormResponse(b: BundleBuilder, id: string, authored: string, items: Record<string, 'yes' | 'no'>): BundleBuilder {
  return b.add({
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: OTHER_FORM_URL,
    status: 'completed',
    subject: { reference: `Patient/${b.patientId}` },
    authored,
    item: Object.entries(items).map(([text, a], i) => ({ linkId: `q${i + 1}`, text, answer: [{ valueCoding: LOINC_ANSWER[a] }] })),
  });
}
