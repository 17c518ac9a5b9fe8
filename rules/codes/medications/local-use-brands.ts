/**
 * Brand names of products used locally (inhalers, nasal sprays), whose text often carries no
 * dose-form word: "Symbicort 160/4.5" contains budesonide, but inhaled budesonide is not a
 * systemic corticosteroid. A match on one of these names marks the use as local. Lower case.
 * Standard pharmacology (⚠️ until checked against RxNorm's dose forms).
 */
export const LOCAL_USE_BRANDS: readonly string[] = [
  // Inhaled corticosteroid combinations
  'advair', 'advair diskus', 'advair hfa', 'wixela', 'airduo', 'seretide', 'symbicort', 'breyna', 'dulera', 'breo', 'breo ellipta',
  'trelegy', 'breztri', 'airsupra',
  // Inhaled corticosteroids alone
  'pulmicort', 'flovent', 'qvar', 'asmanex', 'alvesco', 'arnuity', 'armonair',
  // Nasal corticosteroids
  'rhinocort', 'flonase', 'nasonex', 'nasacort', 'veramyst', 'beconase', 'omnaris', 'zetonna', 'xhance',
];
