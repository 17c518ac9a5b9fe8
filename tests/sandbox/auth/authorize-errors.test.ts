// Every way an authorization request can be wrong, and how the error reaches the user or the app:
// a page when the redirect URI cannot be trusted, otherwise a redirect carrying error + state.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-authorization-code
// RFC 6749 §4.1.2.1, RFC 7636 §4.4.1
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REDIRECT_URI,
  authorize,
  authorizeParams,
  makePkce,
  redirectParams,
  startSandbox,
  type AuthorizeParams,
  type TestSandbox,
} from './support';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Authorizes with an EHR launch and the given changes; returns the response. */
async function attempt(overrides: AuthorizeParams): Promise<{ response: Response; state: string | null }> {
  const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
  const params = authorizeParams(sandbox, makePkce(), { launch: launchId, ...overrides });
  return { response: await authorize(sandbox, params), state: params.get('state') };
}

async function expectRedirectedError(overrides: AuthorizeParams, error: string, description: RegExp): Promise<void> {
  const { response, state } = await attempt(overrides);
  expect(response.status).toBe(302);
  const callback = redirectParams(response);
  expect(callback.get('error')).toBe(error);
  expect(callback.get('error_description')).toMatch(description);
  expect(callback.get('state')).toBe(state); // echoed unchanged, errors included
  expect(callback.get('code')).toBeNull();
}

async function expectErrorPage(params: URLSearchParams, error: string): Promise<void> {
  const response = await authorize(sandbox, params);
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull(); // never redirected to an untrusted URI
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await response.text()).toContain(`<code>${error}</code>`);
}

describe('PKCE at /authorize (S256 required)', () => {
  it('refuses code_challenge_method=plain', async () => {
    const pkce = makePkce();
    await expectRedirectedError({ code_challenge: pkce.verifier, code_challenge_method: 'plain' }, 'invalid_request', /S256.*plain/);
  });

  it('refuses a request without code_challenge', async () => {
    await expectRedirectedError({ code_challenge: undefined, code_challenge_method: undefined }, 'invalid_request', /PKCE is required/);
    await expectRedirectedError({ code_challenge: undefined }, 'invalid_request', /PKCE is required/);
  });

  it('refuses a challenge without a method, which RFC 7636 reads as plain', async () => {
    await expectRedirectedError({ code_challenge_method: undefined }, 'invalid_request', /plain is not supported/);
  });

  it('refuses a challenge that cannot be an S256 hash', async () => {
    await expectRedirectedError({ code_challenge: 'short' }, 'invalid_request', /43-character/);
  });
});

describe('client and redirect_uri (errors shown as a page)', () => {
  it('refuses an unknown client', async () => {
    await expectErrorPage(authorizeParams(sandbox, makePkce(), { client_id: 'no-such-app' }), 'invalid_request');
  });

  it('refuses a missing client_id', async () => {
    await expectErrorPage(authorizeParams(sandbox, makePkce(), { client_id: undefined }), 'invalid_request');
  });

  it('refuses a redirect_uri that is not registered, even one differing only slightly', async () => {
    for (const redirectUri of [
      'http://evil.test/callback',
      `${REDIRECT_URI}/`,
      `${REDIRECT_URI}?x=1`,
      REDIRECT_URI.replace('http://', 'https://'),
      REDIRECT_URI.toUpperCase(),
    ]) {
      await expectErrorPage(authorizeParams(sandbox, makePkce(), { redirect_uri: redirectUri }), 'invalid_request');
    }
  });

  it('refuses a missing redirect_uri', async () => {
    await expectErrorPage(authorizeParams(sandbox, makePkce(), { redirect_uri: undefined }), 'invalid_request');
  });

  it('refuses a redirect_uri registered to a different client', async () => {
    await expectErrorPage(authorizeParams(sandbox, makePkce(), { redirect_uri: 'http://app.test:5173/other' }), 'invalid_request');
  });

  it('refuses a repeated client_id or redirect_uri', async () => {
    const params = authorizeParams(sandbox, makePkce());
    params.append('redirect_uri', 'http://evil.test/callback');
    await expectErrorPage(params, 'invalid_request');
  });
});

describe('aud', () => {
  it('is required', async () => {
    await expectRedirectedError({ aud: undefined }, 'invalid_request', /aud is required/);
  });

  it('must name this FHIR server', async () => {
    await expectRedirectedError({ aud: 'https://counterfeit.example/fhir' }, 'invalid_request', /aud does not identify/);
    await expectRedirectedError({ aud: `${sandbox.origin}/fhir/Patient` }, 'invalid_request', /aud does not identify/);
    await expectRedirectedError({ aud: `${sandbox.origin}/FHIR` }, 'invalid_request', /aud does not identify/);
  });

  it('matches after trimming a trailing slash', async () => {
    const { response } = await attempt({ aud: `${sandbox.auth.fhirBaseUrl}/` });
    expect(redirectParams(response).get('code')).toBeTruthy();
  });

  it('accepts RFC 8707 resource as a synonym, and refuses a conflicting pair', async () => {
    const { response } = await attempt({ aud: undefined, resource: sandbox.auth.fhirBaseUrl });
    expect(redirectParams(response).get('code')).toBeTruthy();
    await expectRedirectedError({ resource: 'https://counterfeit.example/fhir' }, 'invalid_request', /different servers/);
  });
});

describe('launch id', () => {
  it('refuses an unknown launch id', async () => {
    await expectRedirectedError({ launch: 'made-up-launch-id' }, 'invalid_request', /launch is not known/);
  });

  it('refuses an expired launch id', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
    sandbox.advance(601 * 1000); // default launch lifetime is 600 s
    await expectRedirectedError({ launch: launchId }, 'invalid_request', /launch has expired/);
  });

  it('refuses a launch id ended early', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
    expect(sandbox.auth.expireLaunch(launchId)).toBe(true);
    await expectRedirectedError({ launch: launchId }, 'invalid_request', /launch has expired/);
  });

  it('refuses a launch issued for another app', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w', clientId: 'other-app' });
    await expectRedirectedError({ launch: launchId }, 'invalid_request', /different app/);
  });
});

describe('other parameters', () => {
  it('requires state (SMART makes it mandatory)', async () => {
    const { response } = await attempt({ state: undefined });
    const callback = redirectParams(response);
    expect(callback.get('error')).toBe('invalid_request');
    expect(callback.get('error_description')).toMatch(/state is required/);
    expect(callback.has('state')).toBe(false);
  });

  it('returns state byte for byte, whatever characters it holds', async () => {
    const state = 'a b+c/d=e&f%20g~é';
    const { response } = await attempt({ state });
    const callback = redirectParams(response);
    expect(callback.get('code')).toBeTruthy();
    expect(callback.get('state')).toBe(state);
  });

  it('supports only response_type=code', async () => {
    await expectRedirectedError({ response_type: 'token' }, 'unsupported_response_type', /response_type=code/);
    await expectRedirectedError({ response_type: undefined }, 'invalid_request', /response_type is required/);
  });

  it('refuses repeated parameters (RFC 6749 §3.1)', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
    const params = authorizeParams(sandbox, makePkce(), { launch: launchId });
    params.append('scope', 'user/*.cruds');
    const callback = redirectParams(await authorize(sandbox, params));
    expect(callback.get('error')).toBe('invalid_request');
    expect(callback.get('error_description')).toMatch(/scope must not be repeated/);
  });

  it('answers invalid_scope when nothing requested can be granted', async () => {
    await expectRedirectedError({ scope: 'user/*.cruds offline_access' }, 'invalid_scope', /none of the requested scopes/);
    await expectRedirectedError({ scope: undefined }, 'invalid_scope', /scope is required/);
  });

  it('keeps redirect_uri query parameters the app registered', async () => {
    const sandboxWithQuery = await startSandbox({
      clients: [{ clientId: 'q', redirectUris: ['http://app.test/cb?tenant=a'], allowedScopes: ['openid'] }],
      ehr: undefined,
    });
    try {
      const params = authorizeParams(sandboxWithQuery, makePkce(), { client_id: 'q', redirect_uri: 'http://app.test/cb?tenant=a', scope: 'openid' });
      const callback = redirectParams(await authorize(sandboxWithQuery, params), 'http://app.test/cb');
      expect(callback.get('tenant')).toBe('a');
      expect(callback.get('code')).toBeTruthy();
    } finally {
      await sandboxWithQuery.close();
    }
  });
});
