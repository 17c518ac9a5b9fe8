// The pieces of state one authorization server instance owns, handed to each endpoint handler.
// Each createAuthServer() call makes its own set: nothing is module-global.
import type { AccessTokens } from './access-tokens';
import type { AuthorizationCodes } from './authorization-codes';
import type { AuthorizationRequest } from './authorization-request';
import type { AuthConfig } from './config';
import type { ExpiringStore } from './expiring-store';
import type { IdTokenSigner } from './id-token';
import type { LaunchContexts } from './launch-contexts';

export interface ServerParts {
  readonly config: AuthConfig;
  readonly launches: LaunchContexts;
  readonly codes: AuthorizationCodes;
  readonly tokens: AccessTokens;
  /** Standalone authorizations waiting for the user to pick a patient, by one-time picker handle. */
  readonly pendingPicks: ExpiringStore<AuthorizationRequest>;
  /** A public sandbox's confirmation pages: one-time handle → the pick it confirms and the patient chosen. */
  readonly pendingConfirms: ExpiringStore<{ readonly pick: string; readonly patientId: string }>;
  readonly signer: IdTokenSigner;
}
