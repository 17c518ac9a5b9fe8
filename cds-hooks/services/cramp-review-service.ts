/**
 * patient-view, "night leg cramps review". One card at most, and only when it helps: a cramp
 * complaint on record (cramp-complaint.ts) and a red flag or a likely contributor from the engine
 * (the evaluation report of src/evaluation/evaluate-bundle.ts, on the record the live data layer
 * read). A record that could not be read (the Patient or the Conditions), an encounter that could
 * not be read when nothing else shows the complaint, or another patient's record: no card, and a
 * line in the log without patient data.
 */
import { ALL_RULES } from '../../rules/index.js';
import { buildReport } from '../../src/evaluation/evaluate-bundle.js';
import { crampReviewCard } from '../cards/cramp-review-card.js';
import { loadPatientData } from '../data/load-patient-data.js';
import { crampComplaint } from './cramp-complaint.js';
import { incompleteQueries } from './query-log.js';
import type { CdsService } from './service.js';

const NEEDED_SOURCES = ['Patient', 'Condition'] as const;

export const crampReviewService: CdsService = {
  id: 'leg-cramps-review',
  hook: 'patient-view',
  title: 'Night leg cramps review',
  description:
    'When a patient with a leg-cramp complaint on record (within 12 months, or the reason for this visit) is opened, names the red flags and likely contributors the leg-cramps engine finds in the record, with their evidence, and links to the full review app. No card otherwise.',
  selection: { rules: ALL_RULES },
  withEncounter: true,
  async run(call) {
    const data = await loadPatientData(call.request, { asOf: call.asOf, selection: this.selection, withEncounter: true, ...(call.fetch ? { fetch: call.fetch } : {}), ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}) });
    if (data.kind === 'wrong-patient') {
      call.log.warn(`${this.id}: the FHIR server returned another patient's record; no card`);
      return [];
    }
    const { record, report } = data.fetched;
    const failed = incompleteQueries(data.fetched);
    if (failed) call.log.warn(`${this.id}: FHIR queries not complete: ${failed}`);
    const unread = NEEDED_SOURCES.filter((k) => record.sources[k]?.state !== 'complete');
    if (unread.length) {
      call.log.warn(`${this.id}: no card: ${unread.join(' and ')} could not be read in full`);
      return [];
    }
    const complaint = crampComplaint(record, data.encounter, call.asOf);
    if (complaint.state === 'unknown') {
      call.log.warn(`${this.id}: no card: whether leg cramps are a complaint is unknown (${complaint.why})`);
      return [];
    }
    if (complaint.state === 'absent') return [];
    const evaluation = buildReport(record, report, call.asOf);
    const card = crampReviewCard({ findings: evaluation.findings, complaint, deceased: evaluation.patient.deceased, ...(call.appLink ? { appLink: call.appLink } : {}) });
    return card ? [card] : [];
  },
};
