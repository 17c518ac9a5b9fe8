/**
 * A red flag's urgency as the action a busy clinician reads at a glance (knowledge base table E:
 * emergency, same-day assessment, urgent review, prompt referral).
 */
import type { Urgency } from '../../rules/engine/types.js';

export const URGENCY_ORDER: readonly Urgency[] = ['emergency', 'same-day', 'urgent', 'prompt', 'routine'];

const LABELS: Record<Urgency, string> = {
  emergency: 'Emergency: act now',
  'same-day': 'Same-day assessment',
  urgent: 'Urgent review',
  prompt: 'Prompt review',
  routine: 'Routine review',
};

/** A red flag without an urgency is still a red flag: treat it as urgent rather than routine. */
export function urgencyLabel(urgency: Urgency | undefined): string {
  return LABELS[urgency ?? 'urgent'];
}

export function urgencyRank(urgency: Urgency | undefined): number {
  return URGENCY_ORDER.indexOf(urgency ?? 'urgent');
}
