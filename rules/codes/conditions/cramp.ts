/**
 * The cramp complaint itself (knowledge base row C26; appendix 10.2). Not a cause: it anchors the
 * timeline, so a drug first recorded in the 12 months before the first recorded cramp complaint
 * can be pointed out (Table A, "Temporal weighting"; Garrison 2012, S3).
 */
import { code, type ConditionCodeList } from './types.js';

export const CRAMP_COMPLAINT: ConditionCodeList = {
  id: 'cramp-complaint',
  name: 'leg cramps (the complaint itself)',
  icd10: [
    code('G47.62', 'Sleep related leg cramps', '✅', 'KB C26'),
    code('R25.2', 'Cramp and spasm', '✅', 'KB C26'),
    code('M62.831', 'Muscle spasm of calf', '◐', 'KB C26'),
  ],
  snomed: [code('55300003', 'Cramp', '⚠️', 'KB C26 (one public file labels this code differently: verify)')],
  phrases: ['leg cramp', 'leg cramps', 'nocturnal leg cramps', 'night cramps', 'sleep related leg cramps', 'calf cramp', 'calf cramps', 'muscle cramp', 'muscle cramps', 'cramp and spasm', 'muscle spasm of calf'],
  excludePhrases: ['abdominal', 'menstrual', 'heat cramps'],
};
