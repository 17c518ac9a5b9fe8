// The token response an integration engineer reads: fields, headers, lifetimes, granted scopes.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#response-5
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  REDIRECT_URI,
  authorize,
  authorizeParams,
  exchangeCode,
  launchAndGetToken,
  makePkce,
  redirectParams,
  startSandbox,
  type TestSandbox,
  type TokenBody,
} from './support';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('token response', () => {
  it('carries exactly the SMART fields, with no-store caching headers and CORS for browser apps', async () => {
    const pkce = makePkce();
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
    const code = redirectParams(await authorize(sandbox, authorizeParams(sandbox, pkce, { launch: launchId }))).get('code') ?? '';
    const response = await exchangeCode(
      sandbox,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, code_verifier: pkce.verifier },
      { Origin: 'http://app.test:5173' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'expires_in', 'id_token', 'need_patient_banner', 'patient', 'scope', 'smart_style_url', 'token_type'].sort(),
    );
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'launch openid fhirUser patient/*.rs',
      patient: 'preg-32w',
      need_patient_banner: true,
      smart_style_url: sandbox.auth.endpoints.smartStyle,
    });
    // The style URL it names is served.
    expect((await fetch(body.smart_style_url as string)).status).toBe(200);
  });

  it('issues a different, unguessable token every time', async () => {
    const a = await launchAndGetToken(sandbox);
    const b = await launchAndGetToken(sandbox);
    expect(a.access_token).not.toBe(b.access_token);
    expect(Buffer.from(a.access_token, 'base64url')).toHaveLength(32);
  });

  it('passes the launch\'s banner and style choices through', async () => {
    const pkce = makePkce();
    const { launchId } = sandbox.auth.createLaunch({
      patientId: 'statin-70',
      needPatientBanner: false,
      smartStyleUrl: 'https://ehr.example/style/v7.json',
    });
    const code = redirectParams(await authorize(sandbox, authorizeParams(sandbox, pkce, { launch: launchId }))).get('code') ?? '';
    const body = (await (
      await exchangeCode(sandbox, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, code_verifier: pkce.verifier })
    ).json()) as TokenBody;
    expect(body).toMatchObject({ patient: 'statin-70', need_patient_banner: false, smart_style_url: 'https://ehr.example/style/v7.json' });
  });
});

describe('token lifetime', () => {
  it('never exceeds an hour, even when configured longer', async () => {
    const long = await startSandbox({ tokenLifetimeSeconds: 86_400 });
    try {
      const token = await launchAndGetToken(long);
      expect(token.expires_in).toBe(3600);
    } finally {
      await long.close();
    }
  });

  it('follows a shorter configured lifetime', async () => {
    const short = await startSandbox({ tokenLifetimeSeconds: 300 });
    try {
      expect((await launchAndGetToken(short)).expires_in).toBe(300);
    } finally {
      await short.close();
    }
  });

  it('can be shortened per launch (fault injection: a token that expires mid-session)', async () => {
    const pkce = makePkce();
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w', tokenLifetimeSeconds: 5 });
    const code = redirectParams(await authorize(sandbox, authorizeParams(sandbox, pkce, { launch: launchId }))).get('code') ?? '';
    const body = (await (
      await exchangeCode(sandbox, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, code_verifier: pkce.verifier })
    ).json()) as TokenBody;
    expect(body.expires_in).toBe(5);
    const headers = { authorization: `Bearer ${body.access_token}` };
    const target = { resourceType: 'Condition', interaction: 'search', patientId: 'preg-32w' } as const;
    expect(sandbox.auth.verifier.authorize({ headers }, target).ok).toBe(true);
    sandbox.advance(5_000);
    expect(sandbox.auth.verifier.authorize({ headers }, target)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('granted scopes', () => {
  it('accepts v1 scopes and returns them in v1 form', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w', { scope: 'launch patient/Observation.read patient/*.read' });
    expect(token.scope).toBe('launch patient/Observation.read patient/*.read');
    // ...and they work with v1 meaning (.read = read + search).
    const decision = sandbox.auth.verifier.authorize(
      { headers: { authorization: `Bearer ${token.access_token}` } },
      { resourceType: 'Condition', interaction: 'search', patientId: 'preg-32w' },
    );
    expect(decision.ok).toBe(true);
  });

  it('grants the intersection of requested and allowed, narrowing where needed', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w', {
      scope: 'launch patient/Observation.cruds user/Observation.rs patient/Condition.rs offline_access',
    });
    expect(token.scope).toBe('launch patient/Observation.rs patient/Condition.rs');
  });
});
