// The token endpoint's refusals: PKCE verifier, one-time codes, redirect_uri and client binding.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-access-token
// RFC 6749 §4.1.3 and §5.2, RFC 7636 §4.6
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  REDIRECT_URI,
  ehrLaunchCode,
  exchangeCode,
  makePkce,
  startSandbox,
  type Pkce,
  type TestSandbox,
  type TokenBody,
} from './support';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function freshCode(): Promise<{ code: string; pkce: Pkce }> {
  const pkce = makePkce();
  const code = (await ehrLaunchCode(sandbox, pkce)).get('code') ?? '';
  return { code, pkce };
}

function fields(code: string, pkce: Pkce, overrides: Record<string, string | undefined> = {}) {
  return {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID,
    code_verifier: pkce.verifier,
    ...overrides,
  };
}

async function expectTokenError(response: Response, status: number, error: string, description: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('pragma')).toBe('no-cache');
  const body = (await response.json()) as TokenBody;
  expect(body.error).toBe(error);
  expect(body.error_description).toMatch(description);
  expect(body.access_token).toBeUndefined();
}

describe('PKCE at /token', () => {
  it('refuses a missing code_verifier with invalid_grant', async () => {
    const { code, pkce } = await freshCode();
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { code_verifier: undefined })), 400, 'invalid_grant', /code_verifier/);
  });

  it('refuses a wrong code_verifier with invalid_grant, without burning the code for the real app', async () => {
    const { code, pkce } = await freshCode();
    const attacker = makePkce();
    await expectTokenError(await exchangeCode(sandbox, fields(code, attacker)), 400, 'invalid_grant', /does not match/);
    // A malformed verifier (too short) is refused the same way.
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { code_verifier: 'abc' })), 400, 'invalid_grant', /code_verifier/);
    // The plain-method trick: sending the challenge itself as the verifier.
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { code_verifier: pkce.challenge })), 400, 'invalid_grant', /does not match/);
    const real = await exchangeCode(sandbox, fields(code, pkce));
    expect(real.status).toBe(200);
  });
});

describe('one-time codes', () => {
  it('refuses a reused code with invalid_grant and revokes the token it produced', async () => {
    const { code, pkce } = await freshCode();
    const first = (await (await exchangeCode(sandbox, fields(code, pkce))).json()) as TokenBody;
    const headers = { authorization: `Bearer ${first.access_token}` };
    const target = { resourceType: 'Observation', interaction: 'search', patientId: 'preg-32w' } as const;
    expect(sandbox.auth.verifier.authorize({ headers }, target).ok).toBe(true);

    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce)), 400, 'invalid_grant', /already been used/);
    const after = sandbox.auth.verifier.authorize({ headers }, target);
    expect(after).toMatchObject({ ok: false, status: 401, error: 'invalid_token' });
  });

  it('refuses an unknown code', async () => {
    await expectTokenError(await exchangeCode(sandbox, fields('not-a-code', makePkce())), 400, 'invalid_grant', /not valid/);
  });

  it('refuses an expired code (codes live about a minute)', async () => {
    const { code, pkce } = await freshCode();
    sandbox.advance(61 * 1000);
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce)), 400, 'invalid_grant', /expired/);
  });
});

describe('binding to the authorization request', () => {
  it('refuses a redirect_uri different from the one authorized', async () => {
    const { code, pkce } = await freshCode();
    await expectTokenError(
      await exchangeCode(sandbox, fields(code, pkce, { redirect_uri: `${REDIRECT_URI}?x` })),
      400,
      'invalid_grant',
      /redirect_uri differs/,
    );
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { redirect_uri: undefined })), 400, 'invalid_request', /redirect_uri is required/);
  });

  it('refuses the code in the hands of another registered client', async () => {
    const { code, pkce } = await freshCode();
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { client_id: 'other-app' })), 400, 'invalid_grant', /another client/);
  });

  it('refuses an unknown or missing client_id', async () => {
    const { code, pkce } = await freshCode();
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { client_id: 'no-such-app' })), 401, 'invalid_client', /not registered/);
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { client_id: undefined })), 400, 'invalid_request', /client_id is required/);
  });

  it('refuses client authentication it does not support (public clients only)', async () => {
    const { code, pkce } = await freshCode();
    const response = await exchangeCode(sandbox, fields(code, pkce), { Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:secret`).toString('base64')}` });
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    await expectTokenError(response, 401, 'invalid_client', /public clients/);
  });
});

describe('request format', () => {
  it('supports only grant_type=authorization_code', async () => {
    const { code, pkce } = await freshCode();
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { grant_type: 'refresh_token' })), 400, 'unsupported_grant_type', /authorization_code/);
    await expectTokenError(await exchangeCode(sandbox, fields(code, pkce, { grant_type: undefined })), 400, 'invalid_request', /grant_type is required/);
  });

  it('requires a form-encoded body', async () => {
    const { code, pkce } = await freshCode();
    const response = await fetch(sandbox.auth.endpoints.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fields(code, pkce)),
    });
    await expectTokenError(response, 400, 'invalid_request', /x-www-form-urlencoded/);
  });

  it('refuses repeated parameters', async () => {
    const { code, pkce } = await freshCode();
    const body = new URLSearchParams(fields(code, pkce) as Record<string, string>);
    body.append('code_verifier', makePkce().verifier);
    const response = await fetch(sandbox.auth.endpoints.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    await expectTokenError(response, 400, 'invalid_request', /code_verifier must not be repeated/);
  });

  it('answers an oversized body with 413 and a JSON error rather than dropping the connection', async () => {
    const response = await fetch(sandbox.auth.endpoints.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=authorization_code&padding=${'x'.repeat(200 * 1024)}`,
    });
    await expectTokenError(response, 413, 'invalid_request', /larger than/);
  });

  it('refuses GET', async () => {
    const response = await fetch(sandbox.auth.endpoints.token);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
