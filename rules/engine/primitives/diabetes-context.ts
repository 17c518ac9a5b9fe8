/**
 * Criterion: the patient is treated or known as having diabetes, so the ADA hypoglycaemia levels
 * apply (rule catalogue, second round: "Hypoglycaemia outside diabetes"; S15b, S41):
 * - a diabetes Condition (knowledge base C9) on record at any date, current or past, not refuted;
 * - an HbA1c of 6.5 % or more within the usual 12-month lab lookback;
 * - a glucose-lowering medicine in use (insulin, a sulfonylurea or any other A10 drug).
 *
 * False when none of these holds and the sources were read: a missing HbA1c is not "could not
 * look", it is no evidence of diabetes. Unknown when a source that could hold one of them could
 * not be read, or a glucose-lowering order is stale (is the patient still taking it?).
 */
import { DIABETES } from '../../codes/conditions/metabolic.js';
import { INSULINS, OTHER_GLUCOSE_LOWERING, SULFONYLUREAS } from '../../codes/medications/glucose-lowering.js';
import { anyOf, criterion, result, type Criterion } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import { conditionOnRecord } from './condition-history.js';
import { labEvidence, resultText, selectLab } from './lab-selection.js';
import { judge } from './lab-threshold.js';
import { activeMedicationIn } from './medication.js';

export interface DiabetesContextOptions {
  /** HbA1c at or above which diabetes is diagnosed (ADA: 6.5 %). */
  readonly hba1c: ThresholdParameter;
  readonly lookback: string;
}

function hba1cInDiabetesRange(o: DiabetesContextOptions): Criterion {
  const label = `HbA1c at or above ${o.hba1c.value} ${o.hba1c.unit} within ${o.lookback}`;
  return criterion(label, (ctx) => {
    const sel = selectLab(ctx, 'hba1c', o.lookback);
    const r = sel.latest;
    const j = r ? judge(r, '>=', o.hba1c, false) : undefined;
    if (r && j?.meets) return result('true', label, { evidence: [labEvidence(r, 'trigger', `${j.reason}: diabetes range`)], facts: { hba1c: `${resultText(r)} on ${r.date}` } });
    if (!sel.complete) return result('unknown', label, { missing: [`HbA1c results ${sel.sourceProblem ?? 'could not be read'}`] });
    return result('false', label, { ...(r ? { evidence: [labEvidence(r, 'checked', j?.reason ?? 'not in the diabetes range')] } : {}), note: r ? 'below the diabetes range' : 'no HbA1c in the window: no evidence of diabetes' });
  });
}

export function diabetesContext(o: DiabetesContextOptions): Criterion {
  return anyOf(
    'diabetes known or treated: a diabetes Condition at any date, an HbA1c in the diabetes range, or a glucose-lowering medicine in use',
    conditionOnRecord([DIABETES], 'diabetes'),
    hba1cInDiabetesRange(o),
    activeMedicationIn([INSULINS, SULFONYLUREAS, OTHER_GLUCOSE_LOWERING], { what: 'a glucose-lowering medicine' }),
  );
}
