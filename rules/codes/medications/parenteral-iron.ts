/**
 * Parenteral (intravenous) iron (knowledge base row A8). Oral iron does not count, and iron in a
 * contraceptive pack (Estrostep Fe: ferrous fumarate tablets) does not count.
 */
import { kbUnverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const PARENTERAL_IRON: MedicationClass = {
  id: 'parenteral-iron',
  name: 'intravenous iron',
  ingredients: [
    { name: 'iron sucrose', synonyms: ['iron saccharate', 'ferric hydroxide sucrose complex'], brands: ['venofer'] },
    { name: 'ferric carboxymaltose', brands: ['injectafer', 'ferinject'] },
    { name: 'ferumoxytol', brands: ['feraheme'] },
    { name: 'iron dextran', brands: ['infed', 'dexferrum', 'cosmofer'] },
    { name: 'sodium ferric gluconate complex', synonyms: ['sodium ferric gluconate', 'ferric sodium gluconate'], brands: ['ferrlecit'] },
    { name: 'ferric derisomaltose', synonyms: ['iron isomaltoside', 'ferric isomaltoside'], brands: ['monoferric', 'monofer'] },
    { name: 'ferric pyrophosphate citrate', brands: ['triferic'] },
    // Lay and order-set names for an iron infusion when the product is not named.
    { name: 'intravenous iron', synonyms: ['iv iron', 'iron infusion'] },
  ],
  atcPrefixes: [kbUnverified('B03AC')],
};
