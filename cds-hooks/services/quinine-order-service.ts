/**
 * order-select and order-sign, "quinine for cramps". A drafted MedicationRequest or
 * MedicationStatement for any quinine product (as the engine's quinine rule reads it) raises a
 * critical card, whatever else the record holds: the decision rests on the order in the request.
 * Pregnancy (cond-pregnancy) and the quinine-toxicity red flag (low platelets or reported bleeding,
 * with the draft counted as in use) come from the engine's findings for the patient and strengthen
 * the wording. When the record could not be read the card says so instead of guessing; without a
 * prefetch or FHIR access the call is answered 412, as the specification requires.
 */
import { evaluate } from '../../rules/index.js';
import { quinineCard } from '../cards/quinine-card.js';
import { loadPatientData } from '../data/load-patient-data.js';
import type { Hook } from '../hooks/hook-request.js';
import { draftMedications } from './draft-medications.js';
import { isQuinine, PREGNANCY_RULE, QUININE_TOXICITY_RULE, withDrafts } from './engine-checks.js';
import { incompleteQueries } from './query-log.js';
import type { CdsService } from './service.js';

function quinineService(hook: Extract<Hook, 'order-select' | 'order-sign'>, id: string): CdsService {
  return {
    id,
    hook,
    title: 'Quinine for cramps',
    description: `On ${hook}: a drafted quinine product (by code or by name) raises a critical card. Quinine is not a treatment for leg cramps (FDA boxed warning), with stronger wording in pregnancy and with low platelets or reported bleeding; suggests removing the draft.`,
    // The patient's own medicine list is not read: the draft is in the request.
    selection: { rules: [QUININE_TOXICITY_RULE, PREGNANCY_RULE], withoutNeeds: ['medications'] },
    async run(call) {
      const { context } = call.request;
      const drafts = draftMedications(context.draftOrders, context.patientId, hook === 'order-select' ? context.selections : undefined);
      const quinine = drafts.filter((d) => isQuinine(d, call.asOf));
      if (!quinine.length) return [];
      const data = await loadPatientData(call.request, { asOf: call.asOf, selection: this.selection, ...(call.fetch ? { fetch: call.fetch } : {}), ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}) });
      let findings: { pregnancy?: ReturnType<typeof evaluate>[number]; toxicity?: ReturnType<typeof evaluate>[number] } = {};
      if (data.kind === 'wrong-patient') {
        call.log.warn(`${this.id}: the FHIR server returned another patient's record; the card says the record was not checked`);
      } else {
        const failed = incompleteQueries(data.fetched);
        if (failed) call.log.warn(`${this.id}: FHIR queries not complete: ${failed}`);
        const evaluated = evaluate(withDrafts(data.fetched.record, quinine), call.asOf, [QUININE_TOXICITY_RULE, PREGNANCY_RULE]);
        findings = { toxicity: evaluated.find((f) => f.ruleId === QUININE_TOXICITY_RULE.id), pregnancy: evaluated.find((f) => f.ruleId === PREGNANCY_RULE.id) };
      }
      return quinine.map((draft) => quinineCard({ draft, ...findings, ...(call.appLink ? { appLink: call.appLink } : {}) }));
    },
  };
}

export const quinineOrderSelectService = quinineService('order-select', 'quinine-order-select');
export const quinineOrderSignService = quinineService('order-sign', 'quinine-order-sign');
