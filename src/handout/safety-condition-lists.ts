/**
 * Condition lists the handout needs for its safety suppressions and the rules do not have:
 * hypertension, heart disease other than heart failure, and liver disease beyond cirrhosis.
 * Knowledge base section 8 and row D9: salt advice must respect hypertension, heart, kidney and
 * liver disease. Heart failure (rules/codes/conditions/vascular.ts) and cirrhosis
 * (rules/codes/conditions/other.ts) are the engine's own lists and are reused, not repeated here.
 *
 * Same shape and matching as the engine's lists (ICD-10-CM with `*` for a whole branch, SNOMED CT
 * listed one by one, whole-word phrases). Most codes are background knowledge (⚠️): they only ever
 * make the handout more cautious (salt advice replaced by a warning), never less.
 */
import { code, type ConditionCodeList } from '../../rules/codes/conditions/types.js';

export const HYPERTENSION: ConditionCodeList = {
  id: 'handout-hypertension',
  name: 'high blood pressure',
  icd10: [
    code('I10', 'Essential (primary) hypertension', '⚠️', 'KB C19'),
    code('I11*', 'Hypertensive heart disease', '⚠️', 'background knowledge'),
    code('I12*', 'Hypertensive chronic kidney disease', '⚠️', 'background knowledge'),
    code('I13*', 'Hypertensive heart and chronic kidney disease', '⚠️', 'background knowledge'),
    code('I15*', 'Secondary hypertension', '⚠️', 'background knowledge'),
    code('I16*', 'Hypertensive crisis', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('38341003', 'Hypertensive disorder', '⚠️', 'background knowledge'),
    code('59621000', 'Essential hypertension', '◐', 'Synthea corpus'),
  ],
  phrases: ['hypertension', 'high blood pressure', 'essential hypertension', 'hypertensive disorder'],
  excludePhrases: ['family history', 'history of', 'screening', 'risk', 'pulmonary hypertension', 'ocular hypertension', 'portal hypertension', 'intracranial hypertension', 'white coat'],
};

/** Ischaemic, valvular and muscle disease of the heart, and atrial fibrillation; heart failure is the engine's HEART_FAILURE. */
export const HEART_DISEASE: ConditionCodeList = {
  id: 'handout-heart-disease',
  name: 'heart disease',
  icd10: [
    code('I20*', 'Angina pectoris', '◐', 'KB C19 (I20.9)'),
    code('I21*', 'Acute myocardial infarction', '⚠️', 'background knowledge'),
    code('I22*', 'Subsequent myocardial infarction', '⚠️', 'background knowledge'),
    code('I24*', 'Other acute ischaemic heart diseases', '⚠️', 'background knowledge'),
    code('I25*', 'Chronic ischaemic heart disease', '◐', 'KB C19 (I25.10)'),
    code('I05*', 'Rheumatic mitral valve diseases', '⚠️', 'background knowledge'),
    code('I06*', 'Rheumatic aortic valve diseases', '⚠️', 'background knowledge'),
    code('I34*', 'Nonrheumatic mitral valve disorders', '⚠️', 'background knowledge'),
    code('I35*', 'Nonrheumatic aortic valve disorders', '⚠️', 'background knowledge'),
    code('I42*', 'Cardiomyopathy', '⚠️', 'background knowledge'),
    code('I48*', 'Atrial fibrillation and flutter', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('53741008', 'Coronary arteriosclerosis', '◐', 'Synthea corpus'),
    code('414545008', 'Ischemic heart disease', '⚠️', 'background knowledge'),
    code('22298006', 'Myocardial infarction', '◐', 'Synthea corpus'),
    code('399211009', 'History of myocardial infarction', '◐', 'Synthea corpus'),
    code('194828000', 'Angina', '⚠️', 'background knowledge'),
    code('49436004', 'Atrial fibrillation', '◐', 'Synthea corpus'),
    code('85898001', 'Cardiomyopathy', '⚠️', 'background knowledge'),
  ],
  phrases: ['coronary artery disease', 'coronary heart disease', 'ischemic heart disease', 'ischaemic heart disease', 'myocardial infarction', 'heart attack', 'angina', 'cardiomyopathy', 'atrial fibrillation', 'aortic stenosis', 'mitral regurgitation'],
  excludePhrases: ['family history', 'screening', 'risk', 'no evidence of'],
};

/** Chronic liver disease of any kind (K70–K77), beyond the engine's CIRRHOSIS list. */
export const LIVER_DISEASE: ConditionCodeList = {
  id: 'handout-liver-disease',
  name: 'chronic liver disease',
  icd10: [
    code('K70*', 'Alcoholic liver disease', '⚠️', 'background knowledge'),
    code('K71*', 'Toxic liver disease', '⚠️', 'background knowledge'),
    code('K72*', 'Hepatic failure', '⚠️', 'background knowledge'),
    code('K73*', 'Chronic hepatitis, not elsewhere classified', '⚠️', 'background knowledge'),
    code('K74*', 'Fibrosis and cirrhosis of liver', '⚠️', 'background knowledge'),
    code('K75*', 'Other inflammatory liver diseases', '⚠️', 'background knowledge'),
    code('K76*', 'Other diseases of liver', '⚠️', 'background knowledge'),
    code('K77*', 'Liver disorders in diseases classified elsewhere', '⚠️', 'background knowledge'),
    code('B18*', 'Chronic viral hepatitis', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('328383001', 'Chronic liver disease', '⚠️', 'background knowledge'),
    code('235856003', 'Disorder of liver', '⚠️', 'background knowledge'),
    code('197321007', 'Steatosis of liver', '⚠️', 'background knowledge'),
    code('61977001', 'Chronic type B viral hepatitis', '⚠️', 'background knowledge'),
    code('128302006', 'Chronic hepatitis C', '◐', 'Synthea corpus'),
  ],
  phrases: ['liver disease', 'chronic liver disease', 'liver failure', 'hepatic failure', 'chronic hepatitis', 'fatty liver', 'hepatic steatosis', 'liver fibrosis', 'ascites'],
  excludePhrases: ['family history', 'screening', 'risk', 'no liver disease'],
};
