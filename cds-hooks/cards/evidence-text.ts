/**
 * A finding's key evidence in a few escaped words for a card: "Magnesium \[Mass/volume\] 1\.2 mg/dL
 * \(2026\-10\-01\)". Only the evidence that made the rule fire (role `trigger`), at most two items.
 * Every part comes from FHIR, so every part is escaped.
 */
import type { EvidenceItem, Finding } from '../../rules/engine/types.js';
import { escapeMarkdown } from './markdown.js';

export const EVIDENCE_PER_FINDING = 2;

export function evidenceText(e: EvidenceItem): string {
  const what = e.display ?? (e.code ? `${e.resourceType} ${e.code}` : e.resourceType);
  const value = e.value === undefined || e.resourceType.startsWith('Medication') ? '' : ` ${e.value}${e.unit ? ` ${e.unit}` : ''}`;
  const date = e.date ? ` (${e.date})` : '';
  return escapeMarkdown(`${what}${value}${date}`, 160);
}

export function keyEvidence(f: Finding): string {
  // One item per kind of resource first, so a red flag shows its lab value beside the drug.
  const triggers = f.evidence.filter((e) => e.role === 'trigger');
  const firstOfType = triggers.filter((e, i) => triggers.findIndex((x) => x.resourceType === e.resourceType) === i);
  const items = [...firstOfType, ...triggers.filter((e) => !firstOfType.includes(e))].slice(0, EVIDENCE_PER_FINDING);
  return items.map(evidenceText).join('; ');
}

/** One list line: "- **Title** (grade B): summary. Evidence: …". */
export function findingLine(f: Finding, label: string): string {
  const evidence = keyEvidence(f);
  return `- **${escapeMarkdown(f.title)}** (${escapeMarkdown(label)}): ${escapeMarkdown(f.summary, 160)}${evidence ? `. Evidence: ${evidence}` : ''}`;
}
