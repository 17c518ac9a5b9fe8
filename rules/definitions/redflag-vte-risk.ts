/**
 * redflag-vte-risk — knowledge base row E1 (deep-vein thrombosis presenting as "a cramp"), with
 * the risk context of rows A9 (estrogens), A10 (raloxifene) and C1 (pregnancy), and the rule
 * catalogue's decision on the postpartum window.
 *
 * Two levels:
 *  - same-day: the clinician reports one-sided calf swelling, warmth or tenderness, with or
 *    without a risk factor. A DVT must be excluded today (Wells score, compression ultrasound).
 *  - prompt: a risk factor is on record — an active estrogen (combined contraception, HRT, patch,
 *    ring) or raloxifene; pregnancy; postpartum (an EDD or a delivery within the last 42 days);
 *    active cancer; or a deep-vein thrombosis or pulmonary embolism at any time (past VTE counts:
 *    a resolved DVT is still a risk factor). Persistent one-sided calf pain in such a patient needs
 *    DVT excluded before it is called a cramp.
 *
 * Not-flagged only when every risk-factor source was read, none is present, and the calf question
 * was answered "no" for this visit. An unanswered calf question is insufficient-data: swelling
 * is the one sign that separates a DVT from a cramp (S7), so the app asks for it rather than
 * reassuring.
 *
 * Pitfalls avoided: progestin-only contraception (Jolivette, Mirena, the implant) is not an
 * estrogen and does not count (ESTROGENS class); pregnancy data in a male or implausible-age
 * record are ignored (plausibility filter in `pregnant`); cancer "in situ", "history of" or
 * "in remission" is not active cancer (ACTIVE_CANCER); cast or immobilisation (KB D10) has no
 * coded source here and is left to the clinician.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { VENOUS_THROMBOEMBOLISM } from '../codes/conditions/vascular.js';
import { ESTROGENS, RALOXIFENE } from '../codes/medications/hormones.js';
import { SERMS_WITH_VTE_WARNING } from '../codes/medications/serms.js';
import { SOURCES } from '../codes/sources.js';
import { anyOf } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { duration } from '../engine/parameters.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { ACTIVE_CANCER_WINDOW, activeCancer } from '../engine/primitives/active-cancer.js';
import { conditionOnRecord } from '../engine/primitives/condition-history.js';
import { factsWithPrefix, withFact } from '../engine/primitives/fact.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { PREGNANCY_PARAMETERS, postpartum, pregnant } from '../engine/primitives/pregnancy.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  postpartumWindow: duration('Postpartum: an EDD or a delivery within the last', PREGNANCY_PARAMETERS.postpartumWindow, 'rule catalogue, Decisions: postpartum'),
  pregnancyStatusLookback: duration('Pregnancy-status observation counts if within', PREGNANCY_PARAMETERS.statusLookback, 'KB 10.4'),
  eddHorizon: duration('A future EDD counts as pregnancy if within', PREGNANCY_PARAMETERS.eddHorizon, 'KB 10.4'),
  eddRecordedWithin: duration('EDD observations are read if recorded within (a whole pregnancy plus the 42-day postpartum window)', 'P12M', 'derived: 40 weeks + 42 days < 12 months'),
  activeCancerWindow: duration('Active cancer (Wells): a cancer diagnosed, or anticancer treatment, within', ACTIVE_CANCER_WINDOW, 'rule catalogue, second round (S42)'),
  pregnancyConditionWindow: duration('A pregnancy Condition counts if its onset (or recorded date) is within', 'P10M', 'rule catalogue, second round'),
  ...MEDICATION_PARAMETERS,
} as const;

const RISK = 'risk:';
const calfSwelling = clinicianReports(CHECKLIST_ITEMS.calfSwelling);

const riskFactor = anyOf(
  'a DVT risk factor on record',
  withFact(`${RISK}hormone`, 'estrogen or a SERM', activeMedicationIn([ESTROGENS, RALOXIFENE, SERMS_WITH_VTE_WARNING], { what: 'an estrogen, raloxifene or another SERM' })),
  withFact(`${RISK}pregnancy`, 'pregnancy', pregnant()),
  withFact(`${RISK}postpartum`, 'postpartum', postpartum()),
  withFact(`${RISK}cancer`, 'active cancer', activeCancer()),
  withFact(`${RISK}vte`, 'previous DVT/PE', conditionOnRecord([VENOUS_THROMBOEMBOLISM], 'a deep-vein thrombosis or pulmonary embolism')),
);

const calfReported = (r: RuleSummaryInput) => r.evidence.some((e) => e.role === 'trigger' && e.code === CHECKLIST_ITEMS.calfSwelling.id);

function flaggedSummary(r: RuleSummaryInput): string {
  const risks = factsWithPrefix(r.facts, RISK);
  if (calfReported(r)) return `One-sided calf swelling, warmth or tenderness${risks.length ? ` with ${risks.join(', ')}` : ''}: exclude DVT today (Wells, ultrasound)`;
  return `DVT risk (${risks.join(', ')}): check for DVT before calling calf pain a cramp`;
}

function insufficientSummary(r: RuleSummaryInput): string {
  const unasked = r.missing.some((m) => m.startsWith('not asked'));
  const unread = r.missing.some((m) => !m.startsWith('not asked'));
  if (unasked && !unread) return 'No DVT risk factor on record; ask about one-sided calf swelling, warmth or tenderness';
  return `DVT not excluded: ${[unread && 'risk factors not fully readable', unasked && 'calf swelling not asked'].filter(Boolean).join('; ')}`;
}

export const rule = defineRule({
  id: 'redflag-vte-risk',
  version: '1.0.0',
  title: 'Possible deep-vein thrombosis (calf swelling or DVT risk factors)',
  family: 'redflag',
  redFlag: true,
  grade: 'B',
  evidenceStatement:
    'NICE CKS names calf swelling as the clue that a "cramp" may be a DVT (S7). Estrogens, raloxifene and the other SERMs raise VTE risk (boxed or prominent VTE warnings: raloxifene S29b; tamoxifen, toremifene, bazedoxifene, ospemifene S43), as do pregnancy, the puerperium, active cancer (the Wells definition: diagnosis or treatment within 6 months, S42) and earlier VTE. Grade B: guidance and labelling, not a study of cramps.',
  citations: [SOURCES.S7, SOURCES.S29b, SOURCES.S42, SOURCES.S43, SOURCES.S39],
  knowledgeBaseRows: ['E1', 'A9', 'A10', 'C1'],
  parameters: PARAMETERS,
  needs: [
    ...MEDICATION_NEEDS,
    ...CONDITION_NEEDS,
    { kind: 'patient' },
    { kind: 'coded-observation', observation: 'pregnancy-status', lookback: PREGNANCY_PARAMETERS.statusLookback },
    { kind: 'coded-observation', observation: 'edd', lookback: PARAMETERS.eddRecordedWithin.iso },
    { kind: 'checklist' },
  ],
  criteria: anyOf('one-sided calf swelling reported, or a DVT risk factor on record', calfSwelling, riskFactor),
  summary: {
    flagged: flaggedSummary,
    notFlagged: 'No DVT risk factor on record and no one-sided calf swelling reported',
    insufficient: insufficientSummary,
  },
  detail:
    'A deep-vein thrombosis can present as calf pain that is mistaken for a cramp. A cramp is brief, eased by stretching and leaves no swelling; a DVT gives persistent pain with one-sided swelling, warmth or tenderness. Pregnancy and the 6 weeks after delivery, estrogens (including combined contraception), raloxifene and the other SERMs (tamoxifen, toremifene, bazedoxifene, ospemifene), active cancer (diagnosed or treated within 6 months) and an earlier DVT or PE all raise the risk. A pregnancy recorded over 10 months ago, or a cancer with no treatment or diagnosis in 6 months, is not counted: ask about it.',
  nextStep:
    'Calf swelling, warmth or tenderness: same-day assessment (Wells score, compression ultrasound). Risk factor only: examine both calves and exclude DVT before calling persistent calf pain a cramp.',
  handoutSections: ['urgent-help'],
  urgency: (r) => (calfReported(r) ? 'same-day' : 'prompt'),
});
