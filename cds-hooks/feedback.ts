/**
 * The feedback endpoint (CDS Hooks 2.0, "Feedback": `POST {baseUrl}/cds-services/{id}/feedback` with
 * `{ feedback: [{ card, outcome, acceptedSuggestions?, overrideReason?, outcomeTimestamp }] }`).
 * https://cds-hooks.hl7.org/2.0/#feedback
 *
 * Each item is checked against the specification's required fields; the service counts outcomes and
 * override reasons per service in its log (codes only: a user comment may hold patient data and is
 * never logged). Cards this server never issued are counted separately.
 */
import { arr, field, obj, str } from '../src/fhir/fhir-values.js';
import { RequestError } from './http/request-error.js';
import type { Logger } from './log.js';

export interface FeedbackItem {
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  readonly acceptedSuggestions: readonly string[];
  readonly overrideReasonCode?: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_ITEMS = 100;

export function parseFeedback(body: unknown): FeedbackItem[] {
  const items = field(obj(body), 'feedback');
  if (!obj(body) || !Array.isArray(items)) throw new RequestError(400, 'feedback must be an object with a "feedback" array');
  if (items.length > MAX_ITEMS) throw new RequestError(400, `at most ${MAX_ITEMS} feedback items per call`);
  return items.map((raw, i) => {
    const item = obj(raw);
    const where = `feedback[${i}]`;
    const card = str(field(item, 'card'));
    if (!card) throw new RequestError(400, `${where}.card is required (the card's uuid)`);
    const outcome = field(item, 'outcome');
    if (outcome !== 'accepted' && outcome !== 'overridden') throw new RequestError(400, `${where}.outcome must be "accepted" or "overridden"`);
    const timestamp = str(field(item, 'outcomeTimestamp'));
    if (!timestamp || !RFC3339.test(timestamp)) throw new RequestError(400, `${where}.outcomeTimestamp is required (RFC 3339 date and time)`);
    const accepted = field(item, 'acceptedSuggestions');
    if (outcome === 'accepted' && (!Array.isArray(accepted) || !accepted.length)) throw new RequestError(400, `${where}.acceptedSuggestions is required for an accepted outcome`);
    const ids = arr(accepted).map((s) => str(field(obj(s), 'id')));
    if (ids.some((id) => !id)) throw new RequestError(400, `${where}.acceptedSuggestions items need an id`);
    const reason = field(item, 'overrideReason');
    if (reason !== undefined && !obj(reason)) throw new RequestError(400, `${where}.overrideReason must be an object`);
    const code = str(field(obj(field(obj(reason), 'reason')), 'code'));
    return { card, outcome, acceptedSuggestions: ids as string[], ...(code ? { overrideReasonCode: code } : {}) };
  });
}

/** Card uuids issued recently, per service, so feedback can be told apart from noise. */
export class IssuedCards {
  readonly #cards = new Map<string, { service: string; suggestions: ReadonlySet<string> }>();
  constructor(private readonly limit = 50_000) {}

  add(service: string, card: { uuid: string; suggestions?: readonly { uuid: string }[] }): void {
    if (this.#cards.size >= this.limit) this.#cards.delete(this.#cards.keys().next().value!);
    this.#cards.set(card.uuid, { service, suggestions: new Set((card.suggestions ?? []).map((s) => s.uuid)) });
  }

  known(service: string, item: FeedbackItem): boolean {
    const issued = this.#cards.get(item.card);
    return !!issued && issued.service === service && item.acceptedSuggestions.every((s) => issued.suggestions.has(s));
  }
}

const CODE = /^[A-Za-z0-9\-.]{1,64}$/;

export function logFeedback(service: string, items: readonly FeedbackItem[], issued: IssuedCards, log: Logger): void {
  const accepted = items.filter((i) => i.outcome === 'accepted').length;
  const overridden = items.length - accepted;
  const unknown = items.filter((i) => !issued.known(service, i)).length;
  const reasons = [...new Set(items.map((i) => i.overrideReasonCode).filter((c): c is string => !!c && CODE.test(c)))];
  log.info(`feedback ${service}: ${accepted} accepted, ${overridden} overridden${reasons.length ? ` (reasons: ${reasons.join(', ')})` : ''}${unknown ? `; ${unknown} about cards this server did not issue` : ''}`);
}
