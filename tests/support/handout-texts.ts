/**
 * Every text the handout builds rather than reads from its catalogue, in both languages, for the
 * readability and content tests: each red flag's action at each tier with each kind of subject
 * (no subject, one or two electrolytes, a named drug, each clot risk, CK and dark urine), and the
 * plan's lines with short and long topics and frequencies.
 */
import { ELECTROLYTES } from '../../src/handout/finding-facts.js';
import { wordAction } from '../../src/handout/content/red-flag-actions.js';
import type { Language, Localised } from '../../src/handout/language.js';
import { ACTION_IDS, ACTION_TIERS, CLOT_RISKS, type PatientAction } from '../../src/handout/patient-actions.js';
import { crampsPerMonthWords } from '../../src/handout/plan.js';

export interface BuiltText {
  readonly id: string;
  readonly text: Localised;
}

const SUBJECTS: readonly Partial<PatientAction>[] = [
  {},
  ...ELECTROLYTES.map((e) => ({ electrolytes: [e] })),
  { electrolytes: ['potassium', 'magnesium'] },
  { drugs: ['atorvastatin'] },
  { drugs: ['glipizide'] },
  { drugs: ['insulin', 'glipizide'] },
  ...CLOT_RISKS.map((r) => ({ risks: [r] })),
  { risks: ['hormone', 'cancer'] },
  { muscle: { ck: true, darkUrine: false } },
  { muscle: { ck: false, darkUrine: true } },
  { muscle: { ck: true, darkUrine: true }, drugs: ['simvastatin'] },
];

function actionTexts(): BuiltText[] {
  const out = new Map<string, BuiltText>();
  for (const action of ACTION_IDS) {
    for (const tier of ACTION_TIERS) {
      for (const subject of SUBJECTS) {
        const a = { ruleId: 'test', action, tier, ...subject } as PatientAction;
        const text = { en: wordAction(a, 'en').text, es: wordAction(a, 'es').text };
        if (!out.has(text.en + text.es)) out.set(text.en + text.es, { id: `action ${action} ${tier} ${JSON.stringify(subject)}`, text });
      }
    }
  }
  return [...out.values()];
}

const both = (f: (lang: Language) => string): Localised => ({ en: f('en'), es: f('es') });

function planTexts(): BuiltText[] {
  return [
    { id: 'plan frequency 1.5', text: both((l) => `${l === 'en' ? 'You told us' : 'Usted nos dijo'}: ${crampsPerMonthWords(1.5, l)}.`) },
    { id: 'plan frequency 12', text: both((l) => `${l === 'en' ? 'You told us' : 'Usted nos dijo'}: ${crampsPerMonthWords(12, l)}.`) },

  ];
}

export const ACTION_TEXTS: readonly BuiltText[] = actionTexts();
export const PLAN_TEXTS: readonly BuiltText[] = planTexts();
