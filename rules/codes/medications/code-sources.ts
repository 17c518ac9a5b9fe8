/**
 * Shorthands for where a drug code came from, so each code list reads as a table.
 */
import { drugCode, type DrugCode } from './types.js';

/** In the knowledge base and verified there against a primary source (✅). */
export const verified = (code: string, source: string): DrugCode => drugCode(code, '✅', source);

/** Seen in the Synthea corpus or a secondary source (◐): the code and its product text were seen together. */
export const corpus = (code: string): DrugCode => drugCode(code, '◐', 'Synthea corpus (KB 10.3a)');

/** From the knowledge base but marked ⚠️ there: confirm against the WHO ATC index or RxNav before release. */
export const kbUnverified = (code: string): DrugCode => drugCode(code, '⚠️', 'KB, marked unverified');

/** Not in the knowledge base; standard terminology from background knowledge (⚠️): confirm before release. */
export const unverified = (code: string): DrugCode => drugCode(code, '⚠️', 'background knowledge, not verified');

/**
 * Seen next to the ingredient name in a public RxNorm-system file (◐): CPIC's curated drug table,
 * NLM VSAC value sets committed to public repositories, or the HL7 PDDI CDS IG value sets.
 * Checked in this project's first session; RxNav was not reachable to confirm the term type.
 */
export const publicList = (code: string, source: 'CPIC drug table' | 'VSAC value set' | 'HL7 PDDI IG value set'): DrugCode =>
  drugCode(code, '◐', `${source} (public copy)`);
