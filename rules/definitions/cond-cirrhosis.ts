/**
 * cond-cirrhosis — knowledge base row C2.
 *
 * What decides it: an active Condition (clinical status active, recurrence or relapse; not refuted
 * or entered in error; onset on or before the as-of date and not abated by then) coded as liver
 * cirrhosis: ICD-10-CM K74.60, K74.69, K70.30, K70.31 (and the rest of K70.3, K74.3–K74.6), SNOMED
 * 19943007, or a record carrying only text that names cirrhosis. Code list: CIRRHOSIS in
 * rules/codes/conditions/other.ts.
 *
 * Pitfalls avoided: liver tests never fire it (lab findings belong to lab rules); fatty liver and
 * fibrosis are not cirrhosis. The lay article sends liver disease to "an endocrinologist or
 * infectious disease specialist": wrong (KB section 8), the route is hepatology/gastroenterology.
 * Quinine is not recommended (S10), and salt or fluid intake is not changed without the liver team.
 */
import { CIRRHOSIS } from '../codes/conditions/other.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-cirrhosis',
  version: '1.0.0',
  title: 'Liver cirrhosis',
  family: 'cond',
  redFlag: false,
  grade: 'A/B',
  evidenceStatement:
    'Cramps are reported by 22–88% of people with cirrhosis, clinically relevant in 12–42% (S23); the AAFP review gives about 60% (S1). Small trials support several specialist options (taurine, branched-chain amino acids, baclofen, orphenadrine, methocarbamol, L-carnitine, zinc, vitamin D; IV albumin), and quinine is not recommended (S10).',
  citations: [SOURCES.S23, SOURCES.S1, SOURCES.S10],
  knowledgeBaseRows: ['C2'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([CIRRHOSIS], 'liver cirrhosis'),
  summary: {
    flagged: (r) => `Liver cirrhosis on record (${r.facts.condition}): cramps are common in cirrhosis; hepatology route`,
    notFlagged: 'No active liver cirrhosis on record',
    insufficient: 'Conditions could not be read: liver cirrhosis not checked',
  },
  detail:
    'Cramps are frequent in cirrhosis and worsen quality of life. Diuretic dosing, low sodium and low albumin may contribute. ' +
    'Options with small-trial support (taurine, branched-chain amino acids, baclofen, orphenadrine, methocarbamol, L-carnitine, zinc, vitamin D, IV albumin) are decisions for the liver team; results for vitamin E conflict. Quinine is not recommended.',
  nextStep:
    'Hepatology or gastroenterology (not endocrinology or infectious disease). Review diuretic doses with the liver team. Quinine is not recommended. Salt and fluid intake are not changed without the liver team’s advice.',
  handoutSections: ['cirrhosis'],
});
