/**
 * What the patient must do about each red flag the screen shows: one table keyed by rule id and by
 * what fired, read from the same Finding the red-flag banner renders (its urgency, its trigger
 * evidence). The result is language-neutral; content/red-flag-actions.ts words it per language,
 * and the handout's urgent box only places it. So the screen's "Stop quinine now; urgent CBC"
 * and the sheet's "Stop taking quinine now ... get a blood test today" come from one decision.
 *
 * The tier follows the screen's urgency, never softer and never louder:
 * - emergency → `now` (ambulance or hospital now);
 * - same-day and urgent → `today` (the screen's "same-day review", "urgent CBC": a test or call today);
 * - prompt and routine → `soon`.
 * A red flag without an urgency is treated as urgent, as the screen treats it (src/review/urgency.ts).
 *
 * A red flag the clinician marked "not relevant" keeps its action: it fired, and the urgent box is
 * the one place nothing is taken away (the screen still shows it above everything).
 */
import { CHECKLIST_ITEMS } from '../../rules/codes/checklist.js';
import type { Finding, Urgency } from '../../rules/engine/types.js';
import { checklistTriggered, checklistYes, ingredientsIn, labTriggered, triggeringElectrolytes, type Electrolyte } from './finding-facts.js';

export const ACTION_TIERS = ['now', 'today', 'soon'] as const;
export type ActionTier = (typeof ACTION_TIERS)[number];

const TIER_OF_URGENCY: Readonly<Record<Urgency, ActionTier>> = {
  emergency: 'now',
  'same-day': 'today',
  urgent: 'today',
  prompt: 'soon',
  routine: 'soon',
};

/** The patient's tier for a red flag's urgency (undefined counts as urgent, like the screen). */
export function tierOf(urgency: Urgency | undefined): ActionTier {
  return TIER_OF_URGENCY[urgency ?? 'urgent'];
}

/** The things a patient can be asked to do, one per rule and what fired. */
export const ACTION_IDS = [
  'quinine-low-platelets',
  'quinine-bleeding',
  'electrolyte-danger',
  'calf-swelling',
  'clot-risk',
  'muscle-breakdown',
  'night-low-sugar',
  'nerve-doctor',
  'back-emergency',
  'seizure-check',
  'leg-blood-flow-now',
  'leg-blood-flow-referral',
  'child-doctor',
  'child-nerve-doctor',
  'red-flag',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** Why a clot is more likely, as the DVT rule names its risk factors (rules/definitions/redflag-vte-risk.ts). */
export const CLOT_RISKS = ['hormone', 'pregnancy', 'postpartum', 'cancer', 'earlier-clot'] as const;
export type ClotRisk = (typeof CLOT_RISKS)[number];

export interface PatientAction {
  readonly ruleId: string;
  readonly action: ActionId;
  readonly tier: ActionTier;
  /** The electrolytes at a dangerous level (electrolyte-danger). */
  readonly electrolytes?: readonly Electrolyte[];
  /** Suspect or relevant drugs, as the engine's ingredient names (never record text). */
  readonly drugs?: readonly string[];
  /** The DVT risk factors on record (clot-risk). */
  readonly risks?: readonly ClotRisk[];
  /** What raised the muscle-breakdown flag: a very high CK, reported dark urine with muscle pain, or both. */
  readonly muscle?: { readonly ck: boolean; readonly darkUrine: boolean };
}

/**
 * The DVT rule's summary names each risk factor with the label of its fact ("DVT risk (estrogen or
 * a SERM, pregnancy): ..."); those labels are fixed in the rule and pinned by a test.
 */
const RISK_LABELS: readonly (readonly [ClotRisk, string])[] = [
  ['hormone', 'estrogen or a SERM'],
  ['pregnancy', 'pregnancy'],
  ['postpartum', 'postpartum'],
  ['cancer', 'active cancer'],
  ['earlier-clot', 'previous DVT/PE'],
];

function clotRisks(f: Finding): ClotRisk[] {
  const listed = /\(([^)]*)\)/.exec(f.summary)?.[1] ?? '';
  const labels = listed.split(',').map((s) => s.trim());
  return RISK_LABELS.filter(([, label]) => labels.includes(label)).map(([risk]) => risk);
}

type ActionRule = (f: Finding, tier: ActionTier) => Omit<PatientAction, 'ruleId' | 'tier'>;

const SUSPECT_MUSCLE_DRUGS = ['statin', 'aminocaproic-acid'];
const GLUCOSE_LOWERING = ['insulin', 'sulfonylurea'];
const PEDIATRIC_WARNINGS = [CHECKLIST_ITEMS.weaknessWasting.id, CHECKLIST_ITEMS.falls.id];

const drugs = (names: readonly string[]) => (names.length ? { drugs: names } : {});

/** One entry per red-flag rule of the catalogue (a test checks that none is missing). */
export const RED_FLAG_ACTIONS: Readonly<Record<string, ActionRule>> = {
  'redflag-quinine-toxicity': (f) => ({ action: checklistTriggered(f, CHECKLIST_ITEMS.bleedingOnQuinine.id) ? 'quinine-bleeding' : 'quinine-low-platelets' }),
  'redflag-severe-electrolyte': (f) => ({ action: 'electrolyte-danger', electrolytes: triggeringElectrolytes(f) }),
  'redflag-vte-risk': (f) => (checklistTriggered(f, CHECKLIST_ITEMS.calfSwelling.id) ? { action: 'calf-swelling' } : { action: 'clot-risk', risks: clotRisks(f) }),
  'redflag-rhabdomyolysis': (f) => {
    const darkUrine = checklistTriggered(f, CHECKLIST_ITEMS.darkUrine.id);
    // A CK that fired, or (should the evidence not say) anything but dark urine: the CK.
    const ck = labTriggered(f, 'ck') || !darkUrine;
    return { action: 'muscle-breakdown', muscle: { ck, darkUrine }, ...drugs(ingredientsIn(f, SUSPECT_MUSCLE_DRUGS, ['trigger', 'supporting'])) };
  },
  'redflag-nocturnal-hypoglycemia': (f) => ({ action: 'night-low-sugar', ...drugs(ingredientsIn(f, GLUCOSE_LOWERING)) }),
  'redflag-neuromuscular': () => ({ action: 'nerve-doctor' }),
  'redflag-cauda-equina': () => ({ action: 'back-emergency' }),
  'redflag-seizure': () => ({ action: 'seizure-check' }),
  'redflag-limb-ischemia': (f) => ({ action: checklistTriggered(f, CHECKLIST_ITEMS.coldPaleNumbLeg.id) ? 'leg-blood-flow-now' : 'leg-blood-flow-referral' }),
  // Weakness or falls reported make the rule urgent (rules/definitions/redflag-pediatric.ts): read both.
  'redflag-pediatric': (f) => ({ action: f.urgency === 'urgent' || PEDIATRIC_WARNINGS.some((id) => checklistYes(f, id)) ? 'child-nerve-doctor' : 'child-doctor' }),
};

/** The patient's action for one red flag the screen shows (a flagged red-flag finding), else none. */
export function patientActionOf(f: Finding): PatientAction | undefined {
  if (f.outcome !== 'flagged' || !f.redFlag) return undefined;
  const tier = tierOf(f.urgency);
  // A red flag this table does not know still reaches the patient, in general words at its tier.
  const decided = RED_FLAG_ACTIONS[f.ruleId]?.(f, tier) ?? { action: 'red-flag' as const };
  return { ruleId: f.ruleId, tier, ...decided };
}

/** Every red flag's action, most urgent first, then in the findings' order. */
export function patientActions(findings: readonly Finding[]): PatientAction[] {
  const out = findings.map(patientActionOf).filter((a): a is PatientAction => a !== undefined);
  return out.sort((a, b) => ACTION_TIERS.indexOf(a.tier) - ACTION_TIERS.indexOf(b.tier));
}
