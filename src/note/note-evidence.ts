/**
 * A finding's key evidence in a few words for the chart note: the drug as the record names it with
 * its status and date, a result as analyte, value with unit and date. Only what made the finding
 * fire and the results shown beside it, and only what its one-line summary
 * does not already say, so a lab finding ("Low potassium (mild): 3.3 mmol/L on 2026-11-13") is not
 * repeated, while a drug finding gains the product and the order's date.
 */
import { ANALYTES } from '../../rules/codes/labs.js';
import type { EvidenceItem, Finding } from '../../rules/engine/types.js';
import { plainLine } from './note-text.js';

/** Evidence items named per finding, at most. */
export const MAX_EVIDENCE_ITEMS = 3;

const ANALYTE_BY_LOINC: ReadonlyMap<string, string> = new Map(Object.values(ANALYTES).flatMap((a) => a.loinc.map((l) => [l.code, a.name] as const)));

/** A lab's plain name: the analyte's own for a known LOINC code, else the display without its LOINC qualifiers. */
function labName(e: EvidenceItem): string {
  const known = e.code ? ANALYTE_BY_LOINC.get(e.code) : undefined;
  if (known) return known;
  const display = (e.display ?? '').replace(/\[[^\]]*\]/g, '').replace(/\s+in\s+(serum|plasma|blood|urine)\b.*$/i, '');
  return plainLine(display || 'result', 80);
}

const valueWithUnit = (e: EvidenceItem): string => (e.value === undefined ? '' : e.unit ? `${e.value} ${e.unit}` : String(e.value));

/** One evidence item in words, or undefined when it would say nothing. */
export function evidenceText(e: EvidenceItem): string | undefined {
  const date = e.date ? plainLine(e.date, 40) : undefined;
  if (e.resourceType === 'Observation') {
    const value = plainLine(valueWithUnit(e), 60);
    if (!value) return undefined;
    return `${labName(e)} ${value}${date ? ` on ${date}` : ''}`;
  }
  const name = plainLine(e.display ?? '', 120);
  if (!name) return undefined;
  if (e.resourceType === 'QuestionnaireResponse') return `${name}: ${e.value === 'yes' ? 'yes' : 'no'}`;
  // A medication's or condition's value is its status (active, completed, ...).
  const status = typeof e.value === 'string' ? plainLine(e.value, 30) : '';
  const when = [status, date].filter(Boolean).join(', ');
  return when ? `${name} (${when})` : name;
}

/** Is what this item says already in the summary? (Its value for a result, its name otherwise.) */
function inSummary(e: EvidenceItem, summary: string): boolean {
  const key = e.resourceType === 'Observation' ? valueWithUnit(e) : (e.display ?? '');
  return key !== '' && summary.toLowerCase().includes(key.toLowerCase());
}

/**
 * The finding's key evidence not already said (in its summary, or in `alsoSaid`: the summaries of
 * the findings named beside it), triggers first, at most MAX_EVIDENCE_ITEMS.
 */
export function keyEvidence(f: Finding, alsoSaid = ''): string[] {
  // What made it fire, then the results shown beside it (the low potassium beside a diuretic).
  const ranked = [...f.evidence.filter((e) => e.role === 'trigger'), ...f.evidence.filter((e) => e.role === 'supporting' && e.resourceType === 'Observation')];
  const said = `${f.summary} ${alsoSaid}`;
  const out: string[] = [];
  for (const e of ranked) {
    if (inSummary(e, said)) continue;
    const text = evidenceText(e);
    if (text && !out.includes(text)) out.push(text);
    if (out.length === MAX_EVIDENCE_ITEMS) break;
  }
  return out;
}
