/**
 * order-sign, "diuretic without electrolytes". A drafted thiazide, loop, potassium-sparing diuretic
 * or carbonic anhydrase inhibitor (the gap rule's classes, rules/codes/medications/diuretics.ts) with
 * no potassium or magnesium result in the last 12 months, exactly as gap-diuretic-without-electrolytes
 * decides it on the patient's own results, raises an info card that orders the missing tests. When
 * the results could not be read in full the rule says insufficient-data and there is no card: absence
 * of a test cannot be claimed.
 */
import { diureticCard } from '../cards/diuretic-card.js';
import { loadPatientData } from '../data/load-patient-data.js';
import { draftMedications } from './draft-medications.js';
import { DIURETIC_GAP_RULE, diureticGapFor, isGapRuleDiuretic } from './engine-checks.js';
import { incompleteQueries } from './query-log.js';
import type { CdsService } from './service.js';

export const diureticOrderService: CdsService = {
  id: 'diuretic-electrolytes-order-sign',
  hook: 'order-sign',
  title: 'Diuretic without electrolytes',
  description:
    'On order-sign: a drafted thiazide, loop or potassium-sparing diuretic or carbonic anhydrase inhibitor with no potassium or magnesium result in the last 12 months raises an info card suggesting the missing tests (LOINC-coded ServiceRequests).',
  selection: { rules: [DIURETIC_GAP_RULE], withoutNeeds: ['medications'] },
  async run(call) {
    const { context } = call.request;
    const diuretics = draftMedications(context.draftOrders, context.patientId).filter((d) => isGapRuleDiuretic(d, call.asOf));
    if (!diuretics.length) return [];
    const data = await loadPatientData(call.request, { asOf: call.asOf, selection: this.selection, ...(call.fetch ? { fetch: call.fetch } : {}), ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}) });
    if (data.kind === 'wrong-patient') {
      call.log.warn(`${this.id}: the FHIR server returned another patient's record; no card`);
      return [];
    }
    const failed = incompleteQueries(data.fetched);
    if (failed) call.log.warn(`${this.id}: FHIR queries not complete: ${failed}`);
    const cards = [];
    for (const draft of diuretics) {
      const finding = diureticGapFor(data.fetched.record, draft, call.asOf);
      if (finding.outcome === 'insufficient-data') call.log.warn(`${this.id}: no card: the results could not be read in full`);
      if (finding.outcome !== 'flagged') continue;
      const card = diureticCard({ draft, finding, patientId: context.patientId, ...(context.encounterId ? { encounterId: context.encounterId } : {}), ...(call.appLink ? { appLink: call.appLink } : {}) });
      if (card) cards.push(card);
    }
    return cards;
  },
};
