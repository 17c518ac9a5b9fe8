/**
 * Canonical citations, keyed as in the knowledge base's section 12. Rules cite these by key;
 * a test checks that every rule cites at least one and only keys that exist here.
 */
import type { Citation } from '../engine/types.js';

const s = (key: string, text: string, url?: string): Citation => (url ? { key, text, url } : { key, text });

export const SOURCES = {
  S1: s('S1', 'Allen RE, Kirby KA. Nocturnal leg cramps. Am Fam Physician. 2012;86(4):350-355. PMID 22963024.', 'https://www.aafp.org/pubs/afp/issues/2012/0815/p350.html'),
  S2: s('S2', 'Katzberg HD, Khan AH, So YT. Assessment: symptomatic treatment for muscle cramps (an evidence-based review). Report of the Therapeutics and Technology Assessment Subcommittee of the American Academy of Neurology. Neurology. 2010;74(8):691-696. doi:10.1212/WNL.0b013e3181d0ccca.'),
  S3: s('S3', 'Garrison SR, Dormuth CR, Morrow RL, Carney GA, Khan KM. Nocturnal leg cramps and prescription use that precedes them: a sequence symmetry analysis. Arch Intern Med. 2012;172(2):120-126. doi:10.1001/archinternmed.2011.1029. PMID 22157068.'),
  S4: s('S4', 'US FDA. Drug Safety Communication: new risk management plan and patient Medication Guide for Qualaquin (quinine sulfate), 8 July 2010; Qualaquin boxed warning and safety labelling change, 2009.'),
  S5: s('S5', 'FPIN Help Desk Answers: Treatments for nocturnal leg cramps. Am Fam Physician. 2017;96(7). El-Tawil S et al. Quinine for muscle cramps. Cochrane Database Syst Rev. 2015;(4):CD005044.'),
  S6: s('S6', 'MHRA Drug Safety Update: quinine - not for routine treatment of nocturnal leg cramps, June 2010; MHRA advice on QT prolongation with quinine, 2017.'),
  S7: s('S7', 'NICE Clinical Knowledge Summaries: Leg cramps.', 'https://cks.nice.org.uk/topics/leg-cramps/'),
  S8: s('S8', 'Garrison SR, Korownyk CS, Kolber MR, et al. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2020;9:CD009402.'),
  S9: s('S9', 'Interventions for leg cramps in pregnancy. Cochrane Database Syst Rev. 2020; CD010655.pub3. Earlier version: Zhou K, West HM, Zhang J, Xu L, Li W. CD010655.pub2 (2015).'),
  S10: s('S10', 'Kalia S et al. Treatment of muscle cramps in patients with cirrhosis of liver: a systematic review. J Clin Exp Hepatol. Vidot H et al. Aliment Pharmacol Ther. 2014. Mehta SS, Fallon MB. Muscle cramps in liver disease. Clin Gastroenterol Hepatol. 2013;11:1385-1391.'),
  S11: s('S11', 'Reviews of muscle cramps in haemodialysis: Jundishapur Sci Med J review; Ulu MS, Ahsen A. Eur J Gen Med. 2015;12(3):277-281.'),
  S12: s('S12', 'StatPearls: Hypomagnesemia.'),
  S13: s('S13', 'StatPearls: Hypokalemia.'),
  S14: s('S14', 'Albumin-corrected calcium formula and reference ranges (standard clinical chemistry; secondary sources).'),
  S15: s('S15', 'American Diabetes Association. Standards of Care: diagnostic criteria for diabetes and prediabetes; classification of hypoglycaemia.'),
  S16: s('S16', 'Vitamin D status thresholds (IOM 2011; Endocrine Society 2011), secondary sources.'),
  S17: s('S17', 'LOINC codes verified through HL7 implementation guides (PDDI CDS, LIVD, CPG, Order Catalog, eCR, IPS) and the LOINC top 2000 list.'),
  S18: s('S18', 'ICD-10-CM code set (CMS/CDC; FY2026 for G35.x, FY2024 for G20.x); mCODE Elixhauser renal value set; CPG IG CKD SNOMED value set.'),
  S19: s('S19', 'National Sleep Foundation. Sleep-related leg cramps: etiology and risk factors (citing Monderer RS et al. Curr Neurol Neurosci Rep. 2010).'),
  S20: s('S20', 'Grandner MA, Winkelman JW. Nocturnal leg cramps: prevalence and associations with demographics, sleep disturbance symptoms, medical conditions, and cardiometabolic risk factors. PLoS One. 2017;12(6):e0178465.', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5460850/'),
  S21: s('S21', 'Garrison SR, Dormuth CR, Morrow RL, Carney GA, Khan KM. Seasonal effects on the occurrence of nocturnal leg cramps: a prospective cohort study. CMAJ. 2015;187(4):248-253.'),
  S22: s('S22', 'Coppin RJ, Wicke DM, Little PS. Managing nocturnal leg cramps - calf-stretching exercises and cessation of quinine treatment: a factorial randomised controlled trial. Br J Gen Pract. 2005;55(512):186-191.'),
  S23: s('S23', 'BMJ Best Practice: Leg cramps (topic 569).'),
  S24: s('S24', 'Mackie MA, Davidson J. Prescribing of quinine and cramp inducing drugs in general practice. BMJ. 1995;311:1541.'),
  S27: s('S27', 'Hallegraeff J, de Greef M, Krijnen W, van der Schans C. Criteria in diagnosing nocturnal leg cramps: a systematic review. BMC Fam Pract. 2017;18:29.'),
  S28: s('S28', 'Mayo Clinic: Night leg cramps - causes.'),
  S29b: s('S29b', 'Raloxifene prescribing information (boxed warning: venous thromboembolism, stroke death).'),
  S30: s('S30', 'Review of fasciculations, cramps and restless legs (anticholinesterase drugs provoke fasciculations).'),
  S31: s('S31', 'Clinician differential-diagnosis list for muscle cramps (secondary source).'),
  S32: s('S32', 'FPnotebook: Nocturnal leg cramps.'),
  S33: s('S33', 'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease: GFR categories G1-G5.'),
  S34: s('S34', 'Lindemuth R et al. S1-Leitlinie Crampi/Muskelkrampf. Deutsche Gesellschaft für Neurologie, 2017 (AWMF 030/037).'),
  S35: s('S35', 'Haskell SG, Fiebach NH. Clinical epidemiology of nocturnal leg cramps in male veterans. Am J Med Sci.'),
  S36: s('S36', 'Singh V, Gibson J, McLean B, Boggild M, Silver N, White R. Fasciculations and cramps: how benign? Report of four cases progressing to ALS. J Neurol. 2011;258:573-578.'),
  S37: s('S37', 'MedicineNet: Leg cramps at night (secondary source).'),
  S38: s('S38', 'A patient handout on nocturnal leg cramps in the "The Basics" style (secondary source).'),
  S39: s('S39', 'A GP leg-pain reasoning algorithm (secondary source).'),
  S40: s('S40', 'NHS Devon referral guidance: intermittent claudication (nocturnal rest pain is an urgent vascular referral).'),
  S41: s('S41', 'Cryer PE, Axelrod L, Grossman AB, et al. Evaluation and management of adult hypoglycemic disorders: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2009;94(3):709-728. (Without diabetes, evaluate hypoglycaemia below 55 mg/dL, 3.0 mmol/L: Whipple\'s triad.)'),
  S42: s('S42', 'Wells PS, Anderson DR, Bormanis J, et al. Value of assessment of pretest probability of deep-vein thrombosis in clinical management. Lancet. 1997;350(9094):1795-1798. (Active cancer: treatment ongoing, within the previous 6 months, or palliative.)'),
  S43: s('S43', 'Prescribing information with boxed or prominent venous thromboembolism warnings for selective estrogen receptor modulators: tamoxifen, toremifene, conjugated estrogens/bazedoxifene (and ospemifene).'),
} as const satisfies Record<string, Citation>;

export type SourceKey = keyof typeof SOURCES;
