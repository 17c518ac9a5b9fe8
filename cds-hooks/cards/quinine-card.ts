/**
 * The order-select and order-sign card, "quinine for cramps": a drafted quinine product raises a
 * `critical` card. Quinine is not a treatment for leg cramps (FDA boxed warning and 2010 safety
 * communication, knowledge base A22, E7, S4; MHRA, S6). The wording is stronger in pregnancy
 * (cond-pregnancy flagged: quinine is contraindicated and teratogenic) and with low platelets or
 * reported bleeding (redflag-quinine-toxicity flagged with the draft counted as in use). The
 * suggestion deletes the draft; the override reasons are coded.
 */
import type { Finding } from '../../rules/engine/types.js';
import { PREGNANCY_RULE, QUININE_RULE, QUININE_TOXICITY_RULE } from '../services/engine-checks.js';
import { draftName, type DraftMedication } from '../services/draft-medications.js';
import { makeCard, type Card, type Link } from './card.js';
import { escapeMarkdown } from './markdown.js';
import { QUININE_OVERRIDE_REASONS } from './override-reasons.js';
import { cardSource, sourcesLine } from './source.js';

export interface QuinineCardInput {
  readonly draft: DraftMedication;
  /** The engine's findings for the patient with the draft counted as in use; undefined when the record could not be read. */
  readonly pregnancy?: Finding;
  readonly toxicity?: Finding;
  readonly appLink?: Link;
}

const FDA =
  'The FDA warns that quinine must not be used for leg cramps (boxed warning; 2010 safety communication): it can cause serious and life-threatening blood reactions (thrombocytopenia, haemolytic-uraemic syndrome or thrombotic thrombocytopenic purpura) and kidney injury, and deaths have been reported. The risk outweighs any benefit. The MHRA advises against routine use and warns of QT prolongation.';

function summaryFor(pregnant: boolean, toxic: boolean): string {
  if (toxic) return 'Quinine with low platelets or bleeding: do not give it; FDA warns of fatal blood reactions. Not for leg cramps';
  if (pregnant) return 'Quinine in pregnancy: can harm the baby (teratogenic) and is not a treatment for leg cramps (FDA warning)';
  return 'Quinine is not a treatment for leg cramps: FDA warns of serious, sometimes fatal blood reactions';
}

export function quinineCard(input: QuinineCardInput): Card {
  const pregnant = input.pregnancy?.outcome === 'flagged';
  const toxic = input.toxicity?.outcome === 'flagged';
  const lines = [`The order for **${escapeMarkdown(draftName(input.draft))}** is a quinine product.`, '', FDA];
  if (pregnant) lines.push('', `**Pregnant**: quinine is contraindicated in pregnancy; it is teratogenic and can harm the baby. ${escapeMarkdown(input.pregnancy!.summary, 160)}.`);
  if (toxic) lines.push('', `**${escapeMarkdown(input.toxicity!.summary, 160)}**. ${escapeMarkdown(input.toxicity!.nextStep, 400)}`);
  if (!input.pregnancy || !input.toxicity) {
    lines.push('', 'The patient\'s record could not be read, so pregnancy and the platelet count were not checked.');
  } else {
    if (input.pregnancy.outcome === 'insufficient-data') lines.push('', `Pregnancy could not be checked: ${escapeMarkdown(input.pregnancy.missing.join('; '), 240)}.`);
    // The toxicity rule's own words for what it could not check (a recent platelet count, the bleeding question).
    if (input.toxicity.outcome === 'insufficient-data') lines.push('', `Quinine toxicity not excluded: ${input.toxicity.missing.map((m) => escapeMarkdown(m, 200)).join('; ')}.`);
  }
  lines.push('', 'For leg cramps: regular calf stretching, and a review of the medicines and conditions that cause them (open the app).');
  const citations = [...QUININE_RULE.citations, ...QUININE_TOXICITY_RULE.citations, ...(pregnant ? PREGNANCY_RULE.citations : [])];
  lines.push('', sourcesLine(citations));

  return makeCard({
    summary: summaryFor(pregnant, toxic),
    detail: lines.join('\n'),
    indicator: 'critical',
    source: cardSource(citations),
    ...(input.draft.reference
      ? { suggestions: [{ label: 'Remove the quinine order', isRecommended: true, actions: [{ type: 'delete' as const, description: 'Remove the draft quinine order', resourceId: input.draft.reference }] }], selectionBehavior: 'at-most-one' as const }
      : {}),
    overrideReasons: QUININE_OVERRIDE_REASONS,
    ...(input.appLink ? { links: [input.appLink] } : {}),
  });
}
