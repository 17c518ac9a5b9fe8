/**
 * Other conditions (knowledge base rows C2, C17, C18, C21, C25; appendix 10.2).
 */
import { code, type ConditionCodeList } from './types.js';

export const CIRRHOSIS: ConditionCodeList = {
  id: 'cirrhosis',
  name: 'liver cirrhosis',
  icd10: [
    code('K74.60', 'Unspecified cirrhosis of liver', '✅', 'KB C2'),
    code('K74.69', 'Other cirrhosis of liver', '✅', 'KB C2'),
    code('K70.30', 'Alcoholic cirrhosis of liver without ascites', '✅', 'KB C2'),
    code('K70.31', 'Alcoholic cirrhosis of liver with ascites', '✅', 'KB C2'),
    code('K74.6*', 'Other and unspecified cirrhosis of liver', '⚠️', 'background knowledge'),
    code('K70.3*', 'Alcoholic cirrhosis of liver', '⚠️', 'background knowledge'),
    code('K74.3', 'Primary biliary cirrhosis', '⚠️', 'background knowledge'),
    code('K74.4', 'Secondary biliary cirrhosis', '⚠️', 'background knowledge'),
    code('K74.5', 'Biliary cirrhosis, unspecified', '⚠️', 'background knowledge'),
  ],
  snomed: [code('19943007', 'Cirrhosis of liver', '◐', 'KB C2')],
  phrases: ['cirrhosis', 'liver cirrhosis', 'cirrhosis of liver', 'hepatic cirrhosis'],
  excludePhrases: ['no cirrhosis', 'history of', 'screening', 'risk', 'family history'],
};

export const MALABSORPTION: ConditionCodeList = {
  id: 'malabsorption',
  name: 'gastrectomy, bariatric surgery, coeliac disease or malabsorption',
  icd10: [
    code('Z90.3', 'Acquired absence of stomach [part of]', '⚠️', 'KB C17'),
    code('K91.1', 'Postgastric surgery syndromes', '⚠️', 'KB C17'),
    code('K90.0', 'Celiac disease', '◐', 'KB C17'),
    code('K90*', 'Intestinal malabsorption', '⚠️', 'background knowledge'),
    code('Z98.84', 'Bariatric surgery status', '⚠️', 'background knowledge'),
  ],
  snomed: [code('396331005', 'Celiac disease', '⚠️', 'background knowledge')],
  phrases: ['coeliac disease', 'celiac disease', 'coeliac sprue', 'celiac sprue', 'malabsorption', 'gastrectomy', 'bariatric surgery', 'gastric bypass', 'short bowel syndrome', 'dumping syndrome'],
  excludePhrases: ['screening', 'family history', 'risk'],
};

export const ALCOHOL_USE_DISORDER: ConditionCodeList = {
  id: 'alcohol-use-disorder',
  name: 'alcohol use disorder',
  icd10: [
    code('F10.20', 'Alcohol dependence, uncomplicated', '◐', 'KB C18'),
    code('F10.10', 'Alcohol abuse, uncomplicated', '⚠️', 'KB C18'),
    code('F10.1*', 'Alcohol abuse', '⚠️', 'background knowledge'),
    code('F10.2*', 'Alcohol dependence', '⚠️', 'background knowledge'),
    code('F10.9*', 'Alcohol use, unspecified, with complications', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('7200002', 'Alcoholism', '◐', 'KB C18; Synthea corpus'),
    code('66590003', 'Alcohol dependence', '⚠️', 'background knowledge'),
    code('15167005', 'Alcohol abuse', '⚠️', 'background knowledge'),
  ],
  phrases: ['alcoholism', 'alcohol dependence', 'alcohol use disorder', 'alcohol abuse', 'alcohol addiction'],
  excludePhrases: ['family history', 'screening', 'risk', 'non alcoholic', 'nonalcoholic', 'in remission'],
  // In remission (F10.11, F10.21, F10.91) the drinking that lowers magnesium has stopped; F10.90
  // is "alcohol use, unspecified, uncomplicated", not a disorder. Background knowledge ⚠️.
  excludeIcd10: ['F10.11', 'F10.21', 'F10.90', 'F10.91'],
};

export const FLAT_FEET: ConditionCodeList = {
  id: 'flat-feet',
  name: 'flat feet (pes planus)',
  icd10: [
    code('M21.4*', 'Flat foot [pes planus] (acquired) (M21.40–M21.42)', '⚠️', 'KB C21'),
    code('Q66.5*', 'Congenital pes planus', '⚠️', 'KB C21'),
  ],
  snomed: [code('53226007', 'Flat foot', '⚠️', 'KB C21')],
  phrases: ['flat foot', 'flat feet', 'flatfoot', 'pes planus', 'fallen arches'],
};

export const ACTIVE_CANCER: ConditionCodeList = {
  id: 'active-cancer',
  name: 'active cancer',
  icd10: [code('C*', 'Malignant neoplasms (C00–C96, C4A, C7A, C7B)', '◐', 'KB C25 ("any C-code")')],
  snomed: [
    code('363346000', 'Malignant neoplastic disease', '⚠️', 'background knowledge'),
    code('254637007', 'Non-small cell lung cancer', '◐', 'Synthea corpus'),
    code('424132000', 'Non-small cell carcinoma of lung, TNM stage 1', '◐', 'Synthea corpus'),
    code('254632001', 'Small cell carcinoma of lung', '◐', 'Synthea corpus'),
    code('67811000119102', 'Primary small cell malignant neoplasm of lung, TNM stage 1', '◐', 'Synthea corpus'),
    code('363406005', 'Malignant tumor of colon', '◐', 'Synthea corpus'),
    code('109838007', 'Overlapping malignant neoplasm of colon', '◐', 'Synthea corpus'),
    code('94260004', 'Secondary malignant neoplasm of colon', '◐', 'Synthea corpus'),
    code('314994000', 'Metastasis from malignant tumor of prostate', '◐', 'Synthea corpus'),
  ],
  phrases: ['cancer', 'carcinoma', 'adenocarcinoma', 'malignant', 'malignancy', 'lymphoma', 'leukemia', 'leukaemia', 'sarcoma', 'melanoma', 'myeloma', 'metastasis', 'metastatic'],
  excludePhrases: ['in situ', 'suspected', 'history of', 'screening', 'family history', 'benign', 'risk', 'fear', 'non malignant', 'nonmalignant', 'premalignant', 'pre malignant', 'remission'],
  // Wells: "active cancer" is treatment ongoing or within 6 months, or palliative (S42). A cancer
  // diagnosed within 6 months counts by itself; an older one needs anticancer treatment in use.
  currentWithin: { iso: 'P6M', why: 'active cancer (Wells) means diagnosis or treatment within 6 months', source: 'rule catalogue, second round (S42)' },
};
