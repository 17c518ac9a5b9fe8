// Cards the chart page has shown, behind an unguessable handle, so a suggestion is applied from what
// the service sent (kept here), never from what a form posts back.
import { ExpiringStore } from '../auth/expiring-store';
import { randomToken } from '../auth/random';
import type { CdsCard } from './hook-caller';

export interface ShownCard {
  readonly patientId: string;
  readonly serviceId: string;
  readonly card: CdsCard;
}

const SHOWN_FOR_MS = 30 * 60_000;

export class ShownCards {
  readonly #store = new ExpiringStore<ShownCard>(Date.now);

  add(shown: ShownCard): string {
    const handle = randomToken();
    this.#store.set(handle, shown, SHOWN_FOR_MS);
    return handle;
  }

  get(handle: string | undefined): ShownCard | undefined {
    return handle ? this.#store.get(handle) : undefined;
  }

  /** A card acted on is gone: a second click applies nothing twice. */
  take(handle: string | undefined): ShownCard | undefined {
    const shown = this.get(handle);
    if (shown && handle) this.#store.delete(handle);
    return shown;
  }
}
