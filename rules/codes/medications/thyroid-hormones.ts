/**
 * Thyroid hormone replacement (rule catalogue, second round: "Thyroid hormone users"): with
 * levothyroxine or liothyronine in use, a TSH outside the range speaks about the dose (over- or
 * under-replacement), not about new thyroid disease.
 */
import { unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const THYROID_HORMONES: MedicationClass = {
  id: 'thyroid-hormone',
  name: 'thyroid hormone (levothyroxine, liothyronine)',
  ingredients: [
    { name: 'levothyroxine', synonyms: ['levothyroxine sodium', 'l-thyroxine', 'thyroxine'], brands: ['synthroid', 'levoxyl', 'unithroid', 'euthyrox', 'tirosint', 'levo-t'], rxcui: unverified('10582'), atc: [unverified('H03AA01')] },
    { name: 'liothyronine', synonyms: ['liothyronine sodium'], brands: ['cytomel', 'triostat'], rxcui: unverified('10814'), atc: [unverified('H03AA02')] },
  ],
  // H03AA thyroid hormones (including combinations and desiccated thyroid).
  atcPrefixes: [unverified('H03AA')],
};
