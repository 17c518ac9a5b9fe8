/**
 * Metabolic and endocrine conditions (knowledge base rows C9–C11, C23, C24; appendix 10.2).
 * Lab findings are not conditions: an HbA1c of 8.1% flags lab-hyperglycemia, not cond-diabetes
 * (rule catalogue, Decisions). These lists match coded Conditions only.
 */
import { code, type ConditionCodeList } from './types.js';

export const DIABETES: ConditionCodeList = {
  id: 'diabetes',
  name: 'diabetes mellitus',
  icd10: [
    code('E10*', 'Type 1 diabetes mellitus', '◐', 'KB C9'),
    code('E11*', 'Type 2 diabetes mellitus', '◐', 'KB C9'),
    code('E13*', 'Other specified diabetes mellitus', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('73211009', 'Diabetes mellitus', '⚠️', 'KB C9'),
    code('44054006', 'Diabetes mellitus type 2', '◐', 'KB C9; Synthea corpus ("Diabetes")'),
    code('46635009', 'Diabetes mellitus type 1', '◐', 'KB C9'),
    code('368581000119106', 'Neuropathy due to type 2 diabetes mellitus', '◐', 'Synthea corpus'),
    code('422034002', 'Diabetic retinopathy associated with type II diabetes mellitus', '◐', 'Synthea corpus'),
    code('1551000119108', 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus', '◐', 'Synthea corpus'),
    code('1501000119109', 'Proliferative diabetic retinopathy due to type II diabetes mellitus', '◐', 'Synthea corpus'),
    code('90781000119102', 'Microalbuminuria due to type 2 diabetes mellitus', '◐', 'Synthea corpus'),
    code('127013003', 'Disorder of kidney due to diabetes mellitus', '◐', 'Synthea corpus'),
  ],
  phrases: ['diabetes mellitus', 'diabetes', 'diabetic', 't2dm', 't1dm', 'iddm', 'niddm'],
  excludePhrases: ['insipidus', 'gestational', 'prediabetes', 'pre diabetes', 'non diabetic', 'nondiabetic', 'without diabetes', 'no diabetes', 'family history', 'screening', 'risk', 'prevention'],
};

export const THYROID_DISEASE: ConditionCodeList = {
  id: 'thyroid-disease',
  name: 'hypo- or hyperthyroidism',
  icd10: [
    code('E03.9', 'Hypothyroidism, unspecified', '◐', 'KB C10'),
    code('E03*', 'Other hypothyroidism', '⚠️', 'background knowledge'),
    code('E02', 'Subclinical iodine-deficiency hypothyroidism', '⚠️', 'background knowledge'),
    code('E05.90', 'Thyrotoxicosis, unspecified, without thyrotoxic crisis', '◐', 'KB C10'),
    code('E05*', 'Thyrotoxicosis (hyperthyroidism)', '⚠️', 'background knowledge'),
    code('E06.3', 'Autoimmune thyroiditis', '⚠️', 'background knowledge'),
    code('E89.0', 'Postprocedural hypothyroidism', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('40930008', 'Hypothyroidism', '◐', 'KB C10'),
    code('34486009', 'Hyperthyroidism', '◐', 'KB C10'),
    code('83664006', 'Idiopathic atrophic hypothyroidism', '◐', 'Synthea corpus'),
  ],
  phrases: ['hypothyroidism', 'hyperthyroidism', 'thyrotoxicosis', 'graves disease', 'graves s disease', 'hashimoto thyroiditis', 'hashimotos thyroiditis', 'hashimoto s thyroiditis', 'autoimmune thyroiditis', 'myxedema', 'myxoedema', 'underactive thyroid', 'overactive thyroid'],
  excludePhrases: ['family history', 'screening', 'risk'],
};

export const PARATHYROID_DISEASE: ConditionCodeList = {
  id: 'parathyroid-disease',
  name: 'hyper- or hypoparathyroidism',
  icd10: [
    code('E21.0', 'Primary hyperparathyroidism', '⚠️', 'KB C11'),
    code('E21.3', 'Hyperparathyroidism, unspecified', '◐', 'KB C11'),
    code('E21*', 'Hyperparathyroidism and other disorders of parathyroid gland', '⚠️', 'background knowledge'),
    code('N25.81', 'Secondary hyperparathyroidism of renal origin', '⚠️', 'KB C11'),
    code('E20.9', 'Hypoparathyroidism, unspecified', '⚠️', 'KB C11'),
    code('E20*', 'Hypoparathyroidism', '⚠️', 'background knowledge'),
    code('E89.2', 'Postprocedural hypoparathyroidism', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('66999008', 'Hyperparathyroidism', '◐', 'KB C11'),
    code('36976004', 'Hypoparathyroidism', '◐', 'KB C11'),
  ],
  phrases: ['hyperparathyroidism', 'hypoparathyroidism'],
  excludePhrases: ['family history', 'screening'],
};

/**
 * Coded electrolyte and metabolic disorders (knowledge base row C23), one list per disorder so a
 * finding names which one matched and other rules can reuse a single disorder (hyponatraemia
 * matters to fluid advice). Each mirrors a Table B row: B1 magnesium, B2 calcium, B3 potassium,
 * B4 sodium, B8 vitamin D, B5/E9 hypoglycaemia.
 */
const ELECTROLYTE_EXCLUDES = ['family history', 'screening', 'risk', 'history of'];

export const HYPOMAGNESAEMIA: ConditionCodeList = {
  id: 'hypomagnesaemia',
  name: 'hypomagnesaemia',
  icd10: [code('E83.42', 'Hypomagnesemia', '✅', 'KB C23')],
  snomed: [code('190855004', 'Hypomagnesemia', '◐', 'KB C23')],
  phrases: ['hypomagnesemia', 'hypomagnesaemia'],
  excludePhrases: ELECTROLYTE_EXCLUDES,
};

export const HYPOCALCAEMIA: ConditionCodeList = {
  id: 'hypocalcaemia',
  name: 'hypocalcaemia',
  icd10: [code('E83.51', 'Hypocalcemia', '✅', 'KB C23')],
  snomed: [code('5291005', 'Hypocalcemia', '◐', 'KB C23')],
  phrases: ['hypocalcemia', 'hypocalcaemia'],
  excludePhrases: ELECTROLYTE_EXCLUDES,
};

export const HYPOKALAEMIA: ConditionCodeList = {
  id: 'hypokalaemia',
  name: 'hypokalaemia',
  icd10: [code('E87.6', 'Hypokalemia', '◐', 'KB C23')],
  snomed: [code('43339004', 'Hypokalemia', '◐', 'KB C23')],
  phrases: ['hypokalemia', 'hypokalaemia'],
  excludePhrases: ELECTROLYTE_EXCLUDES,
};

export const HYPONATRAEMIA: ConditionCodeList = {
  id: 'hyponatraemia',
  name: 'hyponatraemia',
  icd10: [code('E87.1', 'Hypo-osmolality and hyponatremia', '◐', 'KB C23')],
  snomed: [code('89627008', 'Hyponatremia', '◐', 'KB C23')],
  phrases: ['hyponatremia', 'hyponatraemia'],
  excludePhrases: ELECTROLYTE_EXCLUDES,
};

export const VITAMIN_D_DEFICIENCY: ConditionCodeList = {
  id: 'vitamin-d-deficiency',
  name: 'vitamin D deficiency',
  icd10: [code('E55.9', 'Vitamin D deficiency, unspecified', '◐', 'KB C23')],
  snomed: [code('34713006', 'Vitamin D deficiency', '◐', 'KB C23')],
  phrases: ['vitamin d deficiency'],
  excludePhrases: ELECTROLYTE_EXCLUDES,
};

export const HYPOGLYCAEMIA: ConditionCodeList = {
  id: 'hypoglycaemia',
  name: 'hypoglycaemia',
  icd10: [code('E16.2', 'Hypoglycemia, unspecified', '◐', 'KB C23')],
  snomed: [code('302866003', 'Hypoglycemia', '◐', 'KB C23')],
  phrases: ['hypoglycemia', 'hypoglycaemia'],
  excludePhrases: ELECTROLYTE_EXCLUDES,
};

/** Every list of row C23, in the order of Table B. */
export const CODED_ELECTROLYTE_DISORDERS: readonly ConditionCodeList[] = [HYPOMAGNESAEMIA, HYPOCALCAEMIA, HYPOKALAEMIA, HYPONATRAEMIA, VITAMIN_D_DEFICIENCY, HYPOGLYCAEMIA];

export const DEHYDRATION: ConditionCodeList = {
  id: 'dehydration',
  name: 'dehydration or fluid losses',
  icd10: [
    code('E86.0', 'Dehydration', '◐', 'KB C24'),
    code('E86*', 'Volume depletion', '⚠️', 'background knowledge'),
    code('R19.7', 'Diarrhea, unspecified', '◐', 'KB C24'),
  ],
  snomed: [
    code('34095006', 'Dehydration', '◐', 'KB C24'),
    code('236077008', 'Protracted diarrhea', '◐', 'Synthea corpus'),
  ],
  phrases: ['dehydration', 'volume depletion', 'hypovolemia', 'hypovolaemia', 'diarrhea', 'diarrhoea'],
  excludePhrases: ['history of', 'risk', 'prevention'],
  currentWithin: { iso: 'P90D', why: 'dehydration and fluid loss are short-lived', source: 'rule catalogue, second round' },
};
