/**
 * Neurological conditions (knowledge base rows C7, C8, C12–C16; appendix 10.2).
 */
import { code, type ConditionCodeList } from './types.js';

export const LUMBAR_RADICULOPATHY: ConditionCodeList = {
  id: 'lumbar-radiculopathy',
  name: 'lumbar spinal stenosis or radiculopathy',
  icd10: [
    code('M48.06*', 'Spinal stenosis, lumbar region (M48.061 without, M48.062 with neurogenic claudication)', '✅', 'KB C7'),
    code('M48.07', 'Spinal stenosis, lumbosacral region', '⚠️', 'background knowledge'),
    code('M54.16', 'Radiculopathy, lumbar region', '⚠️', 'KB C7'),
    code('M54.17', 'Radiculopathy, lumbosacral region', '⚠️', 'KB C7'),
    code('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '⚠️', 'KB C7'),
    code('M51.17', 'Intervertebral disc disorders with radiculopathy, lumbosacral region', '⚠️', 'KB C7'),
    code('M54.3*', 'Sciatica', '⚠️', 'background knowledge: radicular leg pain'),
    code('M54.4*', 'Lumbago with sciatica', '⚠️', 'background knowledge: radicular leg pain'),
  ],
  snomed: [
    code('18347007', 'Spinal stenosis of lumbar region', '◐', 'public code-mapping file'),
    code('23056005', 'Sciatica', '⚠️', 'background knowledge'),
  ],
  phrases: ['lumbar spinal stenosis', 'spinal stenosis of lumbar region', 'lumbar stenosis', 'lumbar canal stenosis', 'lumbar radiculopathy', 'lumbosacral radiculopathy', 'sciatica', 'lumbar disc herniation', 'herniated lumbar disc', 'prolapsed lumbar disc', 'lumbar disc prolapse'],
  excludePhrases: ['cervical', 'thoracic', 'history of'],
};

export const PERIPHERAL_NEUROPATHY: ConditionCodeList = {
  id: 'peripheral-neuropathy',
  name: 'peripheral neuropathy',
  icd10: [
    code('G62.9', 'Polyneuropathy, unspecified', '◐', 'KB C8'),
    code('G62.0', 'Drug-induced polyneuropathy', '⚠️', 'KB C8'),
    code('G62*', 'Other and unspecified polyneuropathies (alcoholic, toxic, other)', '⚠️', 'background knowledge'),
    code('G60*', 'Hereditary and idiopathic neuropathy', '⚠️', 'background knowledge'),
    code('G61*', 'Inflammatory polyneuropathy', '⚠️', 'background knowledge'),
    code('G63', 'Polyneuropathy in diseases classified elsewhere', '⚠️', 'background knowledge'),
    code('E11.40', 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified', '⚠️', 'KB C8'),
    code('E11.42', 'Type 2 diabetes mellitus with diabetic polyneuropathy', '⚠️', 'KB C8'),
    code('E10.40', 'Type 1 diabetes mellitus with diabetic neuropathy, unspecified', '⚠️', 'background knowledge'),
    code('E10.42', 'Type 1 diabetes mellitus with diabetic polyneuropathy', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('302226006', 'Peripheral nerve disease', '◐', 'KB C8'),
    code('368581000119106', 'Neuropathy due to type 2 diabetes mellitus', '◐', 'Synthea corpus'),
    code('230572002', 'Diabetic neuropathy', '⚠️', 'background knowledge'),
  ],
  phrases: ['peripheral neuropathy', 'polyneuropathy', 'neuropathy', 'diabetic neuropathy', 'peripheral nerve disease', 'chemotherapy induced neuropathy'],
  // Focal neuropathies of the arm (ulnar, median, carpal tunnel) do not explain leg cramps.
  excludePhrases: ['optic', 'autonomic', 'cranial', 'ulnar', 'median nerve', 'carpal tunnel', 'history of', 'screening', 'risk'],
};

export const MOTOR_NEURON_DISEASE: ConditionCodeList = {
  id: 'motor-neuron-disease',
  name: 'motor neuron disease (ALS)',
  icd10: [
    code('G12.21', 'Amyotrophic lateral sclerosis', '⚠️', 'KB C12'),
    code('G12.2*', 'Motor neuron disease (all G12.2x)', '⚠️', 'background knowledge'),
  ],
  snomed: [
    code('86044005', 'Amyotrophic lateral sclerosis', '⚠️', 'KB C12'),
    code('37340000', 'Motor neuron disease', '⚠️', 'background knowledge'),
  ],
  phrases: ['amyotrophic lateral sclerosis', 'motor neuron disease', 'motor neurone disease', 'lou gehrig disease', 'lou gehrigs disease', 'progressive bulbar palsy', 'primary lateral sclerosis', 'progressive muscular atrophy'],
  excludePhrases: ['family history', 'screening', 'suspected', 'ruled out'],
};

export const MULTIPLE_SCLEROSIS: ConditionCodeList = {
  id: 'multiple-sclerosis',
  name: 'multiple sclerosis',
  icd10: [
    code('G35', 'Multiple sclerosis (header from FY2026; billable before)', '✅', 'KB C13 (S18)'),
    code('G35.A', 'Relapsing-remitting multiple sclerosis', '✅', 'KB C13 (S18)'),
    code('G35.B*', 'Primary progressive multiple sclerosis (G35.B0–B2)', '✅', 'KB C13 (S18)'),
    code('G35.C*', 'Secondary progressive multiple sclerosis (G35.C0–C2)', '✅', 'KB C13 (S18)'),
    code('G35.D', 'Multiple sclerosis, unspecified', '✅', 'KB C13 (S18)'),
  ],
  snomed: [code('24700007', 'Multiple sclerosis', '◐', 'KB C13')],
  phrases: ['multiple sclerosis'],
  excludePhrases: ['family history', 'screening', 'suspected', 'ruled out'],
};

export const PARKINSONISM: ConditionCodeList = {
  id: 'parkinsonism',
  name: "Parkinson's disease or parkinsonism",
  icd10: [
    code('G20', "Parkinson's disease (legacy code)", '✅', 'KB C14 (S18)'),
    code('G20.A1', "Parkinson's disease without dyskinesia, without mention of fluctuations", '✅', 'KB C14 (S18)'),
    code('G20.A2', "Parkinson's disease without dyskinesia, with fluctuations", '✅', 'KB C14 (S18)'),
    code('G20.B1', "Parkinson's disease with dyskinesia, without mention of fluctuations", '✅', 'KB C14 (S18)'),
    code('G20.B2', "Parkinson's disease with dyskinesia, with fluctuations", '✅', 'KB C14 (S18)'),
    code('G20.C', 'Parkinsonism, unspecified', '✅', 'KB C14 (S18)'),
    code('G21*', 'Secondary parkinsonism', '⚠️', 'background knowledge'),
  ],
  snomed: [code('49049000', "Parkinson's disease", '◐', 'KB C14')],
  phrases: ['parkinson disease', 'parkinsons disease', 'parkinson s disease', 'parkinsonism', 'paralysis agitans'],
  excludePhrases: ['family history', 'screening', 'suspected', 'ruled out'],
};

export const MYOPATHY: ConditionCodeList = {
  id: 'myopathy',
  name: 'myopathy, myotonia or McArdle disease',
  icd10: [
    code('G71.12', 'Myotonia congenita', '⚠️', 'KB C15'),
    code('G71*', 'Primary disorders of muscles (dystrophies, myotonic disorders)', '⚠️', 'background knowledge'),
    code('G72*', 'Other and unspecified myopathies (drug-induced, alcoholic, inflammatory)', '⚠️', 'background knowledge'),
    code('E74.04', 'McArdle disease (glycogen storage disease type V)', '⚠️', 'KB C15'),
  ],
  // Public code-mapping files map G71/G72 and HPO "Myopathy" to 129565002 (FSN "Disorder of
  // skeletal AND/OR smooth muscle"); the knowledge base lists no SNOMED code for this row.
  snomed: [code('129565002', 'Myopathy (disorder of muscle)', '◐', 'public code-mapping files')],
  phrases: ['myopathy', 'myotonia', 'myotonia congenita', 'mcardle disease', 'mcardles disease', 'mcardle s disease', 'glycogen storage disease type v', 'muscular dystrophy', 'myotonic dystrophy'],
  excludePhrases: ['family history', 'screening', 'cardiomyopathy'],
};

export const POST_POLIO: ConditionCodeList = {
  id: 'post-polio',
  name: 'post-polio syndrome or sequelae of poliomyelitis',
  icd10: [
    code('B91', 'Sequelae of poliomyelitis', '⚠️', 'KB C16'),
    code('G14', 'Postpolio syndrome', '⚠️', 'KB C16'),
  ],
  snomed: [],
  // Not bare "poliomyelitis": acute polio and a past infection without sequelae are not B91/G14.
  phrases: ['post polio syndrome', 'postpolio syndrome', 'post poliomyelitis syndrome', 'postpoliomyelitis syndrome', 'post polio', 'sequelae of poliomyelitis', 'poliomyelitis sequelae', 'late effects of poliomyelitis', 'late effect of poliomyelitis'],
  excludePhrases: ['vaccine', 'vaccination', 'immunization', 'immunisation', 'screening'],
};
