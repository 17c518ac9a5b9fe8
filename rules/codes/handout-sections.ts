/**
 * Patient-handout sections a finding can feed (knowledge base section 11 and the "Patient handout
 * says" column of each row). The texts live in src/handout/, per language; rules name sections by
 * these ids so the handout includes only what applies to this patient.
 */
export const HANDOUT_SECTIONS = [
  // General sections (knowledge base section 11)
  'urgent-help',
  'during-a-cramp',
  'prevention',
  'medicines',
  'diet',
  'cramp-diary',
  'children',
  'pregnancy',
  // Medicines (Table A)
  'drug-potassium-sparing-diuretic',
  'drug-thiazide-diuretic',
  'drug-loop-diuretic',
  'drug-acetazolamide',
  'drug-long-acting-inhaler',
  'drug-reliever-inhaler',
  'drug-statin',
  'drug-iv-iron',
  'drug-hormones',
  'drug-teriparatide',
  'drug-naproxen',
  'drug-nifedipine',
  'drug-cholinesterase-inhibitor',
  'drug-aminocaproic-acid',
  'drug-chemotherapy',
  'drug-review',
  'quinine-warning',
  // Labs (Table B)
  'low-magnesium',
  'low-calcium',
  'low-potassium',
  'low-sodium',
  'blood-sugar',
  'low-blood-sugar',
  'thyroid',
  'parathyroid',
  'parathyroid-kidney',
  'vitamin-d',
  'kidney',
  'muscle-enzyme',
  // Conditions (Table C, D)
  'cirrhosis',
  'dialysis',
  'circulation',
  'varicose-veins',
  'back-nerves',
  'neuropathy',
  'multiple-sclerosis',
  'parkinsons',
  'weakness-warning',
  'malabsorption',
  'alcohol',
  'flat-feet',
  'fluids',
  'diabetes',
] as const;

export type HandoutSection = (typeof HANDOUT_SECTIONS)[number];
