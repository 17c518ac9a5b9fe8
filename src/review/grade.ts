/**
 * Evidence grades in reading order (strongest first) and what each means, in the knowledge base's
 * words (leg-cramps.md section 0). The grade is about the cause–cramp link, not about this patient.
 */
import type { Grade } from '../../rules/engine/types.js';

export const GRADE_ORDER: readonly Grade[] = ['A', 'A/B', 'B', 'B/C', 'C', 'C-weak'];

const MEANINGS: Record<Grade, string> = {
  A: 'Strong: systematic review, guideline or a large population study of cramps',
  'A/B': 'Strong to moderate: between a large study or guideline and observational evidence',
  B: 'Moderate: observational association, small trials, or several reviews that agree',
  'B/C': 'Moderate to weak: between observational evidence and expert or label lists',
  C: 'Weak: drug-label lists, expert lists or case reports',
  'C-weak': 'Weak: the link was looked for and not shown',
};

export function gradeMeaning(grade: Grade): string {
  return MEANINGS[grade];
}

/** Sort key: lower is stronger; an unknown grade sorts last rather than throwing. */
export function gradeRank(grade: Grade): number {
  const i = GRADE_ORDER.indexOf(grade);
  return i === -1 ? GRADE_ORDER.length : i;
}
