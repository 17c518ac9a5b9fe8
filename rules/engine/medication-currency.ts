/**
 * Is an order still in use? (Rule catalogue, second round: "Stale 'active' medication orders".)
 *
 * Real records keep orders marked `active` for decades after anyone last gave the drug. An
 * `active` or `on-hold` MedicationRequest counts as current use only when something in the last
 * 15 months shows the drug is still in use:
 * - the order was authored within 15 months, or its `dispenseRequest.validityPeriod` was in force
 *   within 15 months;
 * - the same drug was dispensed or administered within 15 months;
 * - an `active` MedicationStatement for the same drug was asserted within 15 months.
 * An `active` MedicationStatement asserted (or, without `dateAsserted`, starting) more than 15
 * months ago with nothing since is stale in the same way. An undated order or statement counts
 * (its evidence says "undated"): absence of a date is not evidence of disuse.
 *
 * A stale use is neither "taking it" nor "not taking it": the rules turn it into a question
 * ("whether the patient still takes hydrochlorothiazide (order from 1974 still marked active;
 * nothing since)") and say insufficient-data where it alone would have made them fire.
 */
import type { ResolvedMedication } from './medication-resolution.js';
import type { DayString, MedicationUse } from './record.js';
import { normaliseText } from './text.js';
import { lookbackStart } from './time.js';

export const STALE_ORDER_WINDOW = 'P15M';

export interface StaleUse {
  /** Words for the evidence note and the question: "order from 1974 still marked active; nothing since". */
  readonly why: string;
}

/** What each use says about the drug being in use, for the uses that can prove currency. */
interface UseForCurrency {
  readonly use: MedicationUse;
  readonly resolved: ResolvedMedication;
  readonly active: boolean;
}

const NOT_GIVEN = new Set(['cancelled', 'entered-in-error', 'declined', 'preparation', 'not-done', 'stopped']);

/**
 * Keys that identify "the same drug": its ingredients when known, otherwise its ATC codes, and
 * otherwise its text. Two uses share a drug when they share a key.
 */
export function drugKeys(use: MedicationUse, resolved: ResolvedMedication): readonly string[] {
  if (resolved.ingredients.size) return [...resolved.ingredients.keys()].map((i) => `ingredient:${i}`);
  if (resolved.atcCodes.length) return resolved.atcCodes.map((c) => `atc:${c.code}`);
  const text = use.text ?? use.codings.find((c) => c.display)?.display;
  return text ? [`text:${normaliseText(text)}`] : use.codings.map((c) => `code:${c.system}|${c.code}`);
}

/** The day a use shows the drug in use, if that day can prove currency (within the window). */
function signOfUse(u: UseForCurrency): DayString | undefined {
  const { use } = u;
  switch (use.kind) {
    case 'dispense':
    case 'administration':
      return NOT_GIVEN.has(use.status) ? undefined : use.date;
    case 'statement':
      return u.active ? (use.asserted ?? use.date) : undefined;
    case 'request':
      return u.active ? latestRequestDay(use) : undefined;
  }
}

/** The latest day an order itself speaks for: authored, or its validity period in force. */
function latestRequestDay(use: MedicationUse): DayString | undefined {
  const days = [use.date, use.validity?.end ?? use.validity?.start].filter((d): d is DayString => !!d);
  return days.sort().at(-1);
}

/**
 * For every active order or statement that is stale on `asOf`, why. Uses that are current, not
 * active, or not an order or statement are absent from the map.
 */
export function staleUses(uses: readonly UseForCurrency[], asOf: DayString): ReadonlyMap<MedicationUse, StaleUse> {
  const windowStart = lookbackStart(asOf, STALE_ORDER_WINDOW);
  // The most recent sign of use per drug, from every source (a dispense, a statement, an order).
  const latestSign = new Map<string, DayString>();
  for (const u of uses) {
    const day = signOfUse(u);
    if (!day || day > asOf) continue;
    for (const key of drugKeys(u.use, u.resolved)) {
      const seen = latestSign.get(key);
      if (!seen || day > seen) latestSign.set(key, day);
    }
  }
  const stale = new Map<MedicationUse, StaleUse>();
  for (const u of uses) {
    if (!u.active || (u.use.kind !== 'request' && u.use.kind !== 'statement')) continue;
    const own = u.use.kind === 'request' ? latestRequestDay(u.use) : (u.use.asserted ?? u.use.date);
    if (!own) continue; // undated: counts (the evidence says "undated")
    if (own >= windowStart) continue;
    const recent = drugKeys(u.use, u.resolved).some((k) => (latestSign.get(k) ?? '') >= windowStart);
    if (recent) continue;
    const what = u.use.kind === 'request' ? 'order' : 'statement';
    stale.set(u.use, { why: `${what} from ${own.slice(0, 4)} still marked ${u.use.status}; nothing since` });
  }
  return stale;
}
