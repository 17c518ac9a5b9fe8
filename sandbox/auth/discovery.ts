// Discovery documents: SMART's `.well-known/smart-configuration` on the FHIR base, and OpenID
// Connect's `.well-known/openid-configuration` on the issuer (apps that validate the id_token follow
// `iss` there to find the keys).
// https://hl7.org/fhir/smart-app-launch/conformance.html#using-well-known
// https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
import type { AuthConfig } from './config';

/** Generic forms a client may ask for; the server supports every scope listed (SMART requires that). */
const SCOPES_SUPPORTED = [
  'openid',
  'fhirUser',
  'launch',
  'launch/patient',
  'patient/*.cruds',
  'patient/*.rs',
  'patient/*.read',
  'user/*.cruds',
  'user/*.rs',
  'user/*.read',
] as const;

/**
 * Each capability below is implemented and tested. Not claimed: confidential clients, refresh tokens
 * (permission-offline / permission-online), encounter context, SMART App State.
 * https://hl7.org/fhir/smart-app-launch/conformance.html#capabilities
 */
export const CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'authorize-post',
  'client-public',
  'sso-openid-connect',
  'context-banner',
  'context-style',
  'context-ehr-patient',
  'context-standalone-patient',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
] as const;

export function smartConfiguration(config: AuthConfig) {
  const { endpoints } = config;
  return {
    issuer: config.issuer,
    jwks_uri: endpoints.jwks,
    authorization_endpoint: endpoints.authorize,
    token_endpoint: endpoints.token,
    grant_types_supported: ['authorization_code'],
    // RFC 8414's name for "public client, no authentication at the token endpoint".
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...SCOPES_SUPPORTED],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [...CAPABILITIES],
  };
}

export function openidConfiguration(config: AuthConfig) {
  const { endpoints } = config;
  return {
    issuer: config.issuer,
    authorization_endpoint: endpoints.authorize,
    token_endpoint: endpoints.token,
    jwks_uri: endpoints.jwks,
    scopes_supported: [...SCOPES_SUPPORTED],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'fhirUser'],
    code_challenge_methods_supported: ['S256'],
    // RFC 9207: the authorization response carries `iss`, a mix-up defence for apps that check it.
    authorization_response_iss_parameter_supported: true,
  };
}
