/**
 * Kidney conditions (knowledge base rows C3, C4; appendix 10.2). Dialysis and end-stage kidney
 * disease (N18.6, Z99.2) belong to the dialysis list only: the rule catalogue keeps
 * cond-chronic-kidney-disease for CKD not on dialysis.
 */
import { code, type ConditionCodeList } from './types.js';

export const DIALYSIS: ConditionCodeList = {
  id: 'dialysis',
  name: 'haemodialysis or end-stage kidney disease',
  icd10: [
    code('Z99.2', 'Dependence on renal dialysis', '✅', 'KB C3'),
    code('N18.6', 'End stage renal disease', '✅', 'KB C3'),
    code('Z49*', 'Encounter for care involving renal dialysis', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('46177005', 'End-stage renal disease', '✅', 'KB C3'),
    code('302497006', 'Hemodialysis (procedure)', '⚠️', 'KB C3'),
    code('714152005', 'Chronic kidney disease stage 5 on dialysis', '⚠️', 'background knowledge'),
    code('105502003', 'Dependence on renal dialysis', '⚠️', 'background knowledge'),
  ],
  phrases: ['end stage renal disease', 'end stage kidney disease', 'esrd', 'eskd', 'hemodialysis', 'haemodialysis', 'peritoneal dialysis', 'renal dialysis', 'dialysis dependent', 'dependence on dialysis', 'on dialysis'],
  excludePhrases: ['history of', 'no dialysis', 'not on dialysis', 'pre dialysis', 'predialysis'],
};

export const CHRONIC_KIDNEY_DISEASE: ConditionCodeList = {
  id: 'chronic-kidney-disease',
  name: 'chronic kidney disease (not on dialysis)',
  icd10: [
    code('N18.1', 'Chronic kidney disease, stage 1', '⚠️', 'KB C4'),
    code('N18.2', 'Chronic kidney disease, stage 2 (mild)', '⚠️', 'KB C4'),
    code('N18.3*', 'Chronic kidney disease, stage 3 (N18.30, N18.31, N18.32)', '⚠️', 'KB C4'),
    code('N18.4', 'Chronic kidney disease, stage 4 (severe)', '✅', 'KB C4'),
    code('N18.5', 'Chronic kidney disease, stage 5', '✅', 'KB C4'),
    code('N18.9', 'Chronic kidney disease, unspecified', '◐', 'KB C4'),
  ],
  snomed: [
    code('709044004', 'Chronic kidney disease', '✅', 'KB C4 (CPG IG value set)'),
    code('431855005', 'Chronic kidney disease stage 1', '◐', 'Synthea corpus'),
    code('431856006', 'Chronic kidney disease stage 2', '◐', 'Synthea corpus'),
    code('433144002', 'Chronic kidney disease stage 3', '⚠️', 'background knowledge'),
    code('431857002', 'Chronic kidney disease stage 4', '⚠️', 'background knowledge'),
    code('433146000', 'Chronic kidney disease stage 5', '⚠️', 'background knowledge'),
    code('127013003', 'Disorder of kidney due to diabetes mellitus (diabetic renal disease)', '◐', 'Synthea corpus'),
  ],
  phrases: ['chronic kidney disease', 'ckd', 'chronic renal failure', 'chronic renal insufficiency', 'chronic renal disease', 'diabetic nephropathy', 'diabetic kidney disease', 'diabetic renal disease'],
  excludePhrases: ['end stage', 'dialysis', 'history of', 'screening', 'risk'],
  excludeIcd10: ['N18.6'],
};
