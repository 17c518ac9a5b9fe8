/**
 * Vascular conditions (knowledge base rows C5, C6, C19 heart failure, E1 history; appendix 10.2).
 */
import { code, type ConditionCodeList } from './types.js';

export const PERIPHERAL_ARTERIAL_DISEASE: ConditionCodeList = {
  id: 'peripheral-arterial-disease',
  name: 'peripheral arterial disease',
  icd10: [
    code('I70.2*', 'Atherosclerosis of native arteries of the extremities', '⚠️', 'KB C5'),
    code('I73.9', 'Peripheral vascular disease, unspecified', '◐', 'KB C5'),
  ],
  snomed: [
    code('400047006', 'Peripheral vascular disease', '◐', 'KB C5'),
    code('399957001', 'Peripheral arterial occlusive disease', '⚠️', 'KB C5'),
  ],
  phrases: ['peripheral arterial disease', 'peripheral artery disease', 'peripheral vascular disease', 'peripheral arterial occlusive disease', 'intermittent claudication', 'claudication', 'atherosclerosis of native arteries of extremities', 'atherosclerosis of native arteries of the extremities', 'atherosclerosis of artery of lower limb'],
  excludePhrases: ['history of', 'screening', 'risk', 'neurogenic claudication', 'spinal claudication'],
};

export const VARICOSE_VEINS: ConditionCodeList = {
  id: 'varicose-veins',
  name: 'varicose veins or chronic venous insufficiency',
  icd10: [
    code('I83.9*', 'Asymptomatic varicose veins of lower extremities (I83.90–I83.93)', '◐', 'KB C6'),
    code('I83.8*', 'Varicose veins of lower extremities with other complications', '⚠️', 'KB C6'),
    code('I83.0*', 'Varicose veins of lower extremities with ulcer', '⚠️', 'background knowledge (same ICD-10-CM block)'),
    code('I83.1*', 'Varicose veins of lower extremities with inflammation', '⚠️', 'background knowledge (same ICD-10-CM block)'),
    code('I83.2*', 'Varicose veins of lower extremities with both ulcer and inflammation', '⚠️', 'background knowledge (same ICD-10-CM block)'),
    code('I87.2', 'Venous insufficiency (chronic) (peripheral)', '✅', 'KB C6'),
    code('I87.3*', 'Chronic venous hypertension (idiopathic)', '⚠️', 'background knowledge'),
  ],
  snomed: [code('72866009', 'Varicose veins of lower limb', '◐', 'KB C6')],
  phrases: ['varicose vein', 'varicose veins', 'varicosities of leg', 'venous insufficiency', 'chronic venous insufficiency', 'chronic venous disease'],
  excludePhrases: ['esophageal', 'oesophageal', 'gastric', 'scrotal', 'history of'],
};

/** Earlier deep-vein thrombosis or pulmonary embolism: a risk factor for the DVT red flag (E1). */
export const VENOUS_THROMBOEMBOLISM: ConditionCodeList = {
  id: 'venous-thromboembolism',
  name: 'deep-vein thrombosis or pulmonary embolism (current or past)',
  icd10: [
    code('I82.4*', 'Acute embolism and thrombosis of deep veins of lower extremity', '◐', 'KB E1'),
    code('I82.5*', 'Chronic embolism and thrombosis of deep veins of lower extremity', '⚠️', 'background knowledge'),
    code('I26*', 'Pulmonary embolism', '⚠️', 'background knowledge'),
    code('Z86.71*', 'Personal history of venous thrombosis and embolism', '⚠️', 'background knowledge'),
  ],
  snomed: [code('128053003', 'Deep venous thrombosis', '◐', 'KB E1')],
  phrases: ['deep vein thrombosis', 'deep venous thrombosis', 'dvt', 'pulmonary embolism', 'venous thromboembolism'],
  excludePhrases: ['family history', 'prophylaxis', 'screening', 'risk of', 'no dvt', 'ruled out'],
};

/**
 * Heart failure (knowledge base row C19). Used as context: with dialysis, cirrhosis and
 * hyponatraemia it usually means a fluid limit, so fluid advice must not say "drink more" (section 8).
 */
export const HEART_FAILURE: ConditionCodeList = {
  id: 'heart-failure',
  name: 'heart failure',
  icd10: [code('I50*', 'Heart failure', '◐', 'KB C19')],
  snomed: [
    code('84114007', 'Heart failure', '⚠️', 'background knowledge'),
    code('42343007', 'Congestive heart failure', '⚠️', 'background knowledge'),
    code('88805009', 'Chronic congestive heart failure', '◐', 'Synthea corpus'),
  ],
  phrases: ['heart failure', 'cardiac failure'],
  excludePhrases: ['family history', 'history of', 'screening', 'risk'],
};
