// Discovery: what an app (and an integration engineer) reads first.
// https://hl7.org/fhir/smart-app-launch/conformance.html#using-well-known
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from './support';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('GET {fhirBase}/.well-known/smart-configuration', () => {
  it('is JSON whatever the Accept header says, with absolute endpoint URLs', async () => {
    const response = await fetch(`${sandbox.origin}/fhir/.well-known/smart-configuration`, { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: `${sandbox.origin}/auth`,
      jwks_uri: `${sandbox.origin}/auth/jwks`,
      authorization_endpoint: `${sandbox.origin}/auth/authorize`,
      token_endpoint: `${sandbox.origin}/auth/token`,
      grant_types_supported: ['authorization_code'],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: ['code'],
    });
  });

  it('offers S256 and never plain', async () => {
    const doc = (await (await fetch(`${sandbox.auth.fhirBaseUrl}/.well-known/smart-configuration`)).json()) as {
      code_challenge_methods_supported: string[];
    };
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('lists the capabilities of both launch modes, public clients, context and v1 + v2 permissions', async () => {
    const doc = (await (await fetch(sandbox.auth.endpoints.smartConfiguration)).json()) as { capabilities: string[] };
    expect(doc.capabilities).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'authorize-post',
        'client-public',
        'sso-openid-connect',
        'context-ehr-patient',
        'context-standalone-patient',
        'context-banner',
        'context-style',
        'permission-patient',
        'permission-user',
        'permission-v1',
        'permission-v2',
      ]),
    );
    // Nothing is claimed that the server does not do.
    for (const absent of ['permission-offline', 'permission-online', 'client-confidential-symmetric', 'context-ehr-encounter']) {
      expect(doc.capabilities).not.toContain(absent);
    }
  });

  it('lists supported scopes in SMART syntax', async () => {
    const doc = (await (await fetch(sandbox.auth.endpoints.smartConfiguration)).json()) as { scopes_supported: string[] };
    expect(doc.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'fhirUser', 'launch', 'launch/patient', 'patient/*.rs', 'patient/*.read', 'user/*.rs']),
    );
    expect(doc.scopes_supported).not.toContain('offline_access');
  });

  it('can be fetched cross-origin by a browser app', async () => {
    const response = await fetch(sandbox.auth.endpoints.smartConfiguration, { headers: { Origin: 'http://app.test:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(sandbox.auth.endpoints.smartConfiguration, {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.test:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('refuses other methods', async () => {
    const response = await fetch(sandbox.auth.endpoints.smartConfiguration, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('OpenID Connect discovery and keys', () => {
  it('serves openid-configuration on the issuer with RS256 and the JWKS location', async () => {
    const doc = (await (await fetch(`${sandbox.origin}/auth/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: sandbox.auth.issuer,
      jwks_uri: sandbox.auth.endpoints.jwks,
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(doc.claims_supported).toContain('fhirUser');
  });

  it('publishes the signing key as a bare RSA JWK', async () => {
    const jwks = (await (await fetch(sandbox.auth.endpoints.jwks)).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(key?.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toHaveProperty('d'); // never the private part
    expect(createPublicKey({ key: key as never, format: 'jwk' }).asymmetricKeyType).toBe('rsa');
  });
});

describe('SMART style document', () => {
  it('serves the style properties SMART defines', async () => {
    const response = await fetch(sandbox.auth.endpoints.smartStyle);
    expect(response.status).toBe(200);
    const style = (await response.json()) as Record<string, string>;
    for (const property of ['color_background', 'color_error', 'color_highlight', 'color_text', 'dim_font_size', 'font_family_body']) {
      expect(style[property], property).toEqual(expect.any(String));
    }
  });
});

describe('routing', () => {
  it('leaves paths it does not own to the next handler', async () => {
    const response = await fetch(`${sandbox.origin}/fhir/Patient`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not found');
  });
});
