/**
 * RxNorm product codes (clinical drug, branded drug, pack) with their ingredients, for products
 * whose text does not name the ingredient ("Trinessa 28 Day Pack", "Lasix 40mg") or misspells it
 * ("Simvistatin 10 MG"), and look-alikes that must NOT match (progestin-only packs, oral iron,
 * topical hydrocortisone). Codes and texts are as they appear together in the Synthea corpus
 * (knowledge base 10.3a, ◐); the ingredients are standard pharmacology, to confirm with RxNav.
 *
 * A product listed here is resolved by its code alone: its text is not read, so a misspelled
 * display cannot hide it and a brand name cannot add a wrong ingredient.
 */
export interface ProductEntry {
  readonly rxcui: string;
  readonly text: string;
  readonly ingredients: readonly string[];
}

const p = (rxcui: string, text: string, ...ingredients: string[]): ProductEntry => ({ rxcui, text, ingredients });

export const RXNORM_PRODUCTS: readonly ProductEntry[] = [
  // Diuretics
  p('315971', 'Lasix 40mg', 'furosemide'),
  p('1719286', '10 ML Furosemide 10 MG/ML Injection', 'furosemide'),
  p('316049', 'Hydrochlorothiazide 25 MG', 'hydrochlorothiazide'),
  p('316052', 'Hydrochlorothiazide 6.25 MG', 'hydrochlorothiazide'),
  // Statins (the misspelled display is the corpus's own)
  p('316672', 'Simvistatin 10 MG', 'simvastatin'),
  p('312961', 'Simvastatin 20 MG Oral Tablet', 'simvastatin'),
  p('259255', 'Atorvastatin 80 MG Oral Tablet', 'atorvastatin'),
  // Combined hormonal contraceptives: estrogen + progestin
  p('751905', 'Trinessa 28 Day Pack', 'norgestimate', 'ethinyl estradiol'),
  p('749785', 'Ortho Tri-Cyclen 28 Day Pack', 'norgestimate', 'ethinyl estradiol'),
  p('748879', 'Levora 0.15/30 28 Day Pack', 'levonorgestrel', 'ethinyl estradiol'),
  p('749762', 'Seasonique 91 Day Pack', 'levonorgestrel', 'ethinyl estradiol'),
  p('748856', 'Yaz 28 Day Pack', 'drospirenone', 'ethinyl estradiol'),
  p('978950', 'Natazia 28 Day Pack', 'estradiol', 'dienogest'),
  p('1359133', 'Estrostep Fe 28 Day Pack', 'norethindrone', 'ethinyl estradiol', 'ferrous fumarate'),
  p('749882', 'Norinyl 1+50 28 Day Pack', 'norethindrone', 'mestranol'),
  p('235389', 'Mestranol / Norethynodrel [Enovid]', 'mestranol', 'norethynodrel'),
  p('1367439', 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring', 'etonogestrel', 'ethinyl estradiol'),
  p('1534809', '168 HR Ethinyl Estradiol 0.00146 MG/HR / norelgestromin 0.00625 MG/HR Transdermal System', 'ethinyl estradiol', 'norelgestromin'),
  // Progestin only: not estrogens
  p('748962', 'Camila 28 Day Pack', 'norethindrone'),
  p('831533', 'Errin 28 Day Pack', 'norethindrone'),
  p('757594', 'Jolivette 28 Day Pack', 'norethindrone'),
  p('807283', 'Mirena 52 MG Intrauterine System', 'levonorgestrel'),
  p('1856546', 'Kyleena 19.5 MG Intrauterine System', 'levonorgestrel'),
  p('1605257', 'Liletta 52 MG Intrauterine System', 'levonorgestrel'),
  p('389221', 'Etonogestrel 68 MG Drug Implant', 'etonogestrel'),
  p('1000126', '1 ML medroxyprogesterone acetate 150 MG/ML Injection', 'medroxyprogesterone'),
  p('1000156', '0.65 ML medroxyprogesterone acetate 160 MG/ML Prefilled Syringe', 'medroxyprogesterone'),
  // Calcium-channel blockers
  p('197361', 'Amlodipine 5 MG Oral Tablet', 'amlodipine'),
  p('897718', 'Verapamil Hydrochloride 40 MG', 'verapamil'),
  // Beta-blocker without intrinsic sympathomimetic activity
  p('866414', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]', 'metoprolol'),
  // Cholinesterase inhibitors
  p('313185', 'Tacrine 10 MG Oral Capsule', 'tacrine'),
  p('310436', 'Galantamine 4 MG Oral Tablet', 'galantamine'),
  p('997223', 'Donepezil hydrochloride 10 MG Oral Tablet', 'donepezil'),
  p('998582', 'Donepezil hydrochloride 23 MG [Aricept]', 'donepezil'),
  p('1599803', '24 HR Donepezil hydrochloride 10 MG / Memantine hydrochloride 28 MG Extended Release Oral Capsule', 'donepezil', 'memantine'),
  // Chemotherapy: neurotoxic, and not
  p('1736854', 'Cisplatin 50 MG Injection', 'cisplatin'),
  p('1736776', '10 ML oxaliplatin 5 MG/ML Injection', 'oxaliplatin'),
  p('583214', 'PACLitaxel 100 MG Injection', 'paclitaxel'),
  p('1860480', '1 ML DOCEtaxel 20 MG/ML Injection', 'docetaxel'),
  p('1734340', 'Etoposide 100 MG Injection', 'etoposide'),
  p('1803932', 'Leucovorin 100 MG Injection', 'leucovorin'),
  // Corticosteroids: systemic, and not
  p('312617', 'predniSONE 5 MG Oral Tablet', 'prednisone'),
  p('106258', 'Hydrocortisone 10 MG/ML Topical Cream', 'hydrocortisone'),
  p('895994', '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler', 'fluticasone'),
  // Inhalers
  p('896209', '60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler', 'fluticasone', 'salmeterol'),
  p('745679', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', 'albuterol'),
  // Naproxen
  p('849574', 'Naproxen sodium 220 MG Oral Tablet', 'naproxen'),
  p('198014', 'Naproxen 500 MG Oral Tablet', 'naproxen'),
  // Iron by mouth: not parenteral iron
  p('310325', 'ferrous sulfate 325 MG Oral Tablet', 'ferrous sulfate'),
  // Insulin
  p('106892', 'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]', 'insulin'),
];
