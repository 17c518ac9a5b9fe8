/**
 * Write-back for one launch: whether the app may save to the record, and a `save` bound to the
 * launch's session, so the token stays inside the FHIR layer (the app holds the function, never the
 * token). Three states, each a sentence the app can show:
 * - off: the runtime configuration does not turn `writeBack` on (the default): no Save button;
 * - not granted: on, but the EHR did not grant the write scopes: the button says why, and the note
 *   can still be copied;
 * - available.
 */
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { FETCH_DEFAULTS } from '../live/fetch-record.js';
import type { Session } from '../session.js';
import { saveVisit, type SavedIds, type SaveOutcome, type VisitToSave } from './save-visit.js';
import { writeBackAccess } from './write-scopes.js';

/** Who and where this launch writes for (also what a relaunch's read-back is matched against). */
export interface WriteBackContext {
  readonly patientId: string;
  readonly encounterId?: string;
}

export type WriteBack =
  | { readonly state: 'off'; readonly context: WriteBackContext }
  | { readonly state: 'not-granted'; readonly context: WriteBackContext; readonly missing: readonly string[] }
  | {
      readonly state: 'available';
      readonly context: WriteBackContext;
      save(visit: Omit<VisitToSave, 'patientId' | 'encounterId'>, saved: SavedIds): Promise<SaveOutcome>;
    };

export interface WriteBackOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export function writeBackFor(session: Session, config: Pick<RuntimeConfig, 'writeBack' | 'additionalFhirOrigins'>, o: WriteBackOptions = {}): WriteBack {
  const context: WriteBackContext = { patientId: session.patientId, ...(session.encounterId ? { encounterId: session.encounterId } : {}) };
  if (!config.writeBack) return { state: 'off', context };
  const access = writeBackAccess(session.scope);
  if (!access.allowed) return { state: 'not-granted', context, missing: access.missing };
  const write = {
    baseUrl: session.serverUrl,
    ...(config.additionalFhirOrigins?.length ? { additionalOrigins: config.additionalFhirOrigins } : {}),
    accessToken: session.accessToken,
    fetch: o.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: o.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
  };
  return {
    state: 'available',
    context,
    save: (visit, saved) => saveVisit({ ...visit, ...context }, saved, write),
  };
}
