// Public surface of the sandbox SMART authorization server. Importing this module has no side effects.
export { createAuthServer, type AuthServer } from './auth-server';
export { MAX_TOKEN_LIFETIME_SECONDS, type Endpoints } from './config';
export { CAPABILITIES } from './discovery';
export { INTERACTION_PERMISSION, accessPermitted, confinement, permissionFor, scopePermits } from './scope-access';
export { grantScopes } from './scope-grants';
export { parseClinicalScope, type ClinicalScope } from './scopes';
export type {
  AccessTarget,
  AuthorizationDecision,
  FhirInteraction,
  ForbidRule,
  TokenVerifier,
} from './token-verifier';
export type { AuthServerOptions, LaunchRequest, PatientSummary, PatientsProvider, RegisteredClient, TokenResponseBody } from './types';
