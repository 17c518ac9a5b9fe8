// EHR launch ids. The EHR hands the app an opaque `launch` value; everything it stands for (patient,
// banner, style, which client, token lifetime) stays server-side and is looked up at /authorize.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch
//
// A launch id can be presented more than once until it expires, so reloading the app's launch page
// works; it cannot be guessed (256 bits) and it dies after `launchLifetimeSeconds`.
import type { AuthConfig } from './config';
import { ExpiringStore } from './expiring-store';
import { randomToken } from './random';
import type { LaunchRequest } from './types';

export interface LaunchContext {
  readonly patientId: string;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl: string;
  readonly clientId?: string;
  readonly tokenLifetimeSeconds?: number;
}

export type LaunchLookup =
  | { readonly ok: true; readonly context: LaunchContext }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

export class LaunchContexts {
  readonly #store: ExpiringStore<LaunchContext>;
  readonly #config: AuthConfig;

  constructor(config: AuthConfig) {
    this.#config = config;
    this.#store = new ExpiringStore(config.now);
  }

  create(request: LaunchRequest): string {
    if (!request.patientId) throw new TypeError('a launch needs a patientId');
    const lifetime = request.tokenLifetimeSeconds;
    if (lifetime !== undefined && !(Number.isFinite(lifetime) && lifetime >= 1)) {
      throw new TypeError('tokenLifetimeSeconds must be at least 1');
    }
    const id = randomToken();
    const context: LaunchContext = {
      patientId: request.patientId,
      needPatientBanner: request.needPatientBanner ?? true,
      smartStyleUrl: request.smartStyleUrl ?? this.#config.endpoints.smartStyle,
      ...(request.clientId === undefined ? {} : { clientId: request.clientId }),
      ...(lifetime === undefined ? {} : { tokenLifetimeSeconds: Math.floor(lifetime) }),
    };
    this.#store.set(id, context, this.#config.launchLifetimeSeconds * 1000);
    return id;
  }

  resolve(id: string): LaunchLookup {
    const found = this.#store.lookup(id);
    if (found.value) return { ok: true, context: found.value };
    return { ok: false, reason: found.expired ? 'expired' : 'unknown' };
  }

  /** For tests and fault injection: end a launch now. */
  expire(id: string): boolean {
    return this.#store.expireAt(id, this.#config.now());
  }
}
