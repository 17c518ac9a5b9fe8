/**
 * Observation.interpretation → the lab's own flags as v3 ObservationInterpretation codes (L, LL, H,
 * HH, N, ...). Codes outside that code system's list are left out, and so are words other than the
 * few that senders use instead of codes: any string from a FHIR server reaches these tables, and
 * `constructor` must not become a flag.
 * https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html
 */
import { arr, ccText, codings, type Json } from './fhir-values.js';

/** The R4 ObservationInterpretation codes, upper case (senders write `l` and `Carrier` too). */
const V3_INTERPRETATION_CODES: ReadonlySet<string> = new Set([
  '<', '>', 'A', 'AA', 'AC', 'B', 'CAR', 'CARRIER', 'D', 'DET', 'E', 'EX', 'EXP', 'H', 'HH', 'HU', 'HX', 'I', 'IE', 'IND',
  'L', 'LL', 'LU', 'LX', 'MS', 'N', 'NCL', 'ND', 'NEG', 'NR', 'NS', 'OBX', 'POS', 'QCF', 'R', 'RR', 'S', 'SDD', 'SYN-R',
  'SYN-S', 'TOX', 'U', 'UNE', 'VS', 'W', 'WR',
]);

/** Interpretation words some senders use instead of v3 codes. */
const INTERPRETATION_WORDS: ReadonlyMap<string, string> = new Map([
  ['low', 'L'], ['high', 'H'], ['normal', 'N'], ['critically low', 'LL'], ['critically high', 'HH'], ['critical low', 'LL'], ['critical high', 'HH'],
]);

const NO_CODES: readonly string[] = Object.freeze([]);

/** Known codes first; a concept with no known code is read by its text, when that is one of the words above. */
export function interpretationCodes(raw: Json): readonly string[] {
  if (raw === undefined) return NO_CODES;
  const out: string[] = [];
  for (const i of arr(raw)) {
    const coded = codings(i).map((c) => c.code.toUpperCase()).filter((c) => V3_INTERPRETATION_CODES.has(c));
    if (coded.length) out.push(...coded);
    else {
      const mapped = INTERPRETATION_WORDS.get(ccText(i)?.toLowerCase() ?? '');
      if (mapped) out.push(mapped);
    }
  }
  return out.length ? out : NO_CODES;
}
