/**
 * Drugs that can cause hypoglycaemia (knowledge base row E9): insulin of any kind and
 * sulfonylureas. Used by the nocturnal-hypoglycaemia red flag, not as a cause of cramps.
 */
import { publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const INSULINS: MedicationClass = {
  id: 'insulin',
  name: 'insulin',
  ingredients: [
    {
      name: 'insulin',
      synonyms: ['insulin glargine', 'insulin lispro', 'insulin aspart', 'insulin detemir', 'insulin degludec', 'insulin glulisine', 'insulin human', 'regular insulin', 'insulin isophane', 'nph insulin'],
      brands: ['humulin', 'novolin', 'lantus', 'levemir', 'toujeo', 'tresiba', 'humalog', 'novolog', 'apidra', 'fiasp', 'basaglar', 'semglee', 'admelog', 'lyumjev', 'afrezza', 'rezvoglar', 'myxredlin'],
    },
  ],
  atcPrefixes: [unverified('A10A')],
};

export const SULFONYLUREAS: MedicationClass = {
  id: 'sulfonylurea',
  name: 'sulfonylurea',
  ingredients: [
    { name: 'glipizide', brands: ['glucotrol'], rxcui: publicList('4821', 'CPIC drug table'), atc: [unverified('A10BB07')] },
    { name: 'glyburide', synonyms: ['glibenclamide'], brands: ['diabeta', 'glynase', 'micronase'], rxcui: publicList('4815', 'CPIC drug table'), atc: [unverified('A10BB01')] },
    { name: 'glimepiride', brands: ['amaryl'], rxcui: publicList('25789', 'CPIC drug table'), atc: [unverified('A10BB12')] },
    { name: 'gliclazide', brands: ['diamicron'], atc: [unverified('A10BB09')] },
    { name: 'tolbutamide', atc: [unverified('A10BB03')] },
    { name: 'chlorpropamide', atc: [unverified('A10BB02')] },
    { name: 'tolazamide', atc: [unverified('A10BB05')] },
  ],
  atcPrefixes: [unverified('A10BB')],
};

/**
 * Every other glucose-lowering medicine (ATC A10B beyond the sulfonylureas). With insulin and the
 * sulfonylureas they make "a glucose-lowering medicine in use": the patient is treated for
 * diabetes, so lab-hypoglycemia uses the ADA levels (rule catalogue, second round:
 * "Hypoglycaemia outside diabetes"). They are not red-flag drugs: most rarely cause hypoglycaemia.
 */
export const OTHER_GLUCOSE_LOWERING: MedicationClass = {
  id: 'other-glucose-lowering',
  name: 'another glucose-lowering medicine',
  ingredients: [
    { name: 'metformin', synonyms: ['metformin hydrochloride'], brands: ['glucophage', 'glumetza', 'fortamet', 'riomet'], rxcui: unverified('6809'), atc: [unverified('A10BA02')] },
    { name: 'sitagliptin', brands: ['januvia', 'janumet'] },
    { name: 'linagliptin', brands: ['tradjenta', 'jentadueto'] },
    { name: 'saxagliptin', brands: ['onglyza'] },
    { name: 'alogliptin', brands: ['nesina'] },
    { name: 'empagliflozin', brands: ['jardiance', 'synjardy'] },
    { name: 'dapagliflozin', brands: ['farxiga', 'forxiga', 'xigduo'] },
    { name: 'canagliflozin', brands: ['invokana', 'invokamet'] },
    { name: 'ertugliflozin', brands: ['steglatro'] },
    { name: 'liraglutide', brands: ['victoza'] },
    { name: 'semaglutide', brands: ['ozempic', 'rybelsus'] },
    { name: 'dulaglutide', brands: ['trulicity'] },
    { name: 'exenatide', brands: ['byetta', 'bydureon'] },
    { name: 'tirzepatide', brands: ['mounjaro'] },
    { name: 'pioglitazone', brands: ['actos'] },
    { name: 'rosiglitazone', brands: ['avandia'] },
    { name: 'repaglinide', brands: ['prandin'] },
    { name: 'nateglinide', brands: ['starlix'] },
    { name: 'acarbose', brands: ['precose'] },
  ],
  atcPrefixes: [unverified('A10B')],
};
