/**
 * Pregnancy and the puerperium (knowledge base row C1 and section 10.4; rule catalogue
 * "Postpartum"). The knowledge base counts Z33.1, Z34.*, O09.*, O26.*, other O00–O9A and Z3A.*
 * as pregnancy. Two parts of the O block describe a pregnancy that has ended and are kept out of
 * "pregnant": abortive outcomes (O03–O08) and delivery and the puerperium (O80–O92), which count
 * as postpartum instead.
 */
import { code, type ConditionCodeList } from './types.js';

export const PREGNANCY: ConditionCodeList = {
  id: 'pregnancy',
  name: 'pregnancy',
  icd10: [
    code('Z33.1', 'Pregnant state, incidental', '✅', 'KB C1'),
    code('Z34*', 'Encounter for supervision of normal pregnancy', '⚠️', 'KB C1'),
    code('Z3A*', 'Weeks of gestation', '◐', 'KB C1'),
    code('O09*', 'Supervision of high risk pregnancy', '⚠️', 'KB C1'),
    code('O26*', 'Maternal care for other conditions predominantly related to pregnancy', '⚠️', 'KB C1'),
    code('O0*', 'Pregnancy with abortive outcome block: ectopic, molar (O00–O02)', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O1*', 'Oedema, proteinuria and hypertensive disorders in pregnancy', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O2*', 'Other maternal disorders predominantly related to pregnancy', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O3*', 'Maternal care related to the fetus and amniotic cavity', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O4*', 'Maternal care related to the fetus and amniotic cavity (continued)', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O6*', 'Complications of labour and delivery', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O7*', 'Complications of labour and delivery (continued)', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O98*', 'Maternal infectious diseases complicating pregnancy, childbirth and the puerperium', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O99*', 'Other maternal diseases complicating pregnancy, childbirth and the puerperium', '⚠️', 'KB 10.4 (O00–O9A)'),
    code('O9A*', 'Maternal malignant neoplasms, traumatic injuries and abuse complicating pregnancy', '⚠️', 'KB 10.4 (O00–O9A)'),
  ],
  excludeIcd10: ['O03*', 'O04*', 'O05*', 'O06*', 'O07*', 'O08*'],
  currentWithin: { iso: 'P10M', why: 'a pregnancy ends within 10 months', source: 'rule catalogue, second round; KB 10.4' },
  snomed: [
    code('77386006', 'Pregnant (finding)', '✅', 'KB C1, 10.4'),
    code('72892002', 'Normal pregnancy', '◐', 'Synthea corpus (descendant of 77386006)'),
    code('47200007', 'High risk pregnancy', '⚠️', 'background knowledge'),
    code('16356006', 'Multiple pregnancy', '⚠️', 'background knowledge'),
    code('79586000', 'Tubal pregnancy', '◐', 'Synthea corpus'),
    code('34801009', 'Ectopic pregnancy', '⚠️', 'background knowledge'),
    code('198992004', 'Antepartum eclampsia', '◐', 'Synthea corpus'),
    code('398254007', 'Pre-eclampsia', '◐', 'Synthea corpus'),
    code('156073000', 'Fetus with unknown complication', '◐', 'Synthea corpus'),
  ],
  phrases: ['pregnancy', 'pregnant', 'intrauterine pregnancy', 'weeks gestation', 'antepartum', 'gravid'],
  excludePhrases: ['not pregnant', 'history of', 'miscarriage', 'termination', 'abortion', 'postpartum', 'post partum', 'puerperal', 'pregnancy test', 'screening', 'possible', 'planning', 'prevention', 'contraception', 'risk', 'previous', 'prior'],
};

export const POSTPARTUM: ConditionCodeList = {
  id: 'postpartum',
  name: 'delivery or the puerperium',
  icd10: [
    code('O80', 'Encounter for full-term uncomplicated delivery', '⚠️', 'background knowledge'),
    code('O82', 'Encounter for cesarean delivery without indication', '⚠️', 'background knowledge'),
    code('O85', 'Puerperal sepsis', '⚠️', 'background knowledge'),
    code('O86*', 'Other puerperal infections', '⚠️', 'background knowledge'),
    code('O87*', 'Venous complications and haemorrhoids in the puerperium', '⚠️', 'background knowledge'),
    code('O88*', 'Obstetric embolism', '⚠️', 'background knowledge'),
    code('O89*', 'Complications of anaesthesia during the puerperium', '⚠️', 'background knowledge'),
    code('O90*', 'Complications of the puerperium, not elsewhere classified', '⚠️', 'background knowledge'),
    code('O91*', 'Infections of breast associated with pregnancy, the puerperium and lactation', '⚠️', 'background knowledge'),
    code('O92*', 'Other disorders of breast and lactation', '⚠️', 'background knowledge'),
    code('Z39*', 'Encounter for maternal postpartum care and examination', '⚠️', 'background knowledge'),
  ],
  snomed: [],
  phrases: ['postpartum', 'post partum', 'puerperium', 'puerperal', 'postnatal'],
  excludePhrases: ['history of'],
};
