// A full EHR launch, the way a browser and an app would do it: the EHR page, the launch redirect with
// iss + launch, discovery, the authorization request, the code, the token exchange with PKCE.
// https://hl7.org/fhir/smart-app-launch/app-launch.html
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  LAUNCH_URL,
  REDIRECT_URI,
  authorize,
  authorizeParams,
  exchangeCode,
  hiddenInputs,
  launchAndGetToken,
  makePkce,
  makeState,
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

/** Clicks "Launch app" for a patient on the EHR page; returns the app launch URL the EHR opened. */
async function launchFromEhrPage(patientId: string, withBanner: boolean): Promise<URL> {
  const page = await fetch(sandbox.auth.ehrUrl ?? '');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(hiddenInputs(html).map((i) => i.value)).toContain(patientId);
  const form = new URLSearchParams({ patient: patientId });
  if (withBanner) form.set('need_patient_banner', 'true');
  const response = await fetch(`${sandbox.origin}/ehr/launch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: sandbox.origin },
    body: form,
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '');
}

describe('EHR launch from the sandbox EHR page', () => {
  it('goes from the patient list to a token bound to that patient', async () => {
    // 1. The EHR opens the app's launch URL with iss and an opaque launch id.
    const launchUrl = await launchFromEhrPage('statin-70', true);
    expect(`${launchUrl.origin}${launchUrl.pathname}`).toBe(LAUNCH_URL);
    const iss = launchUrl.searchParams.get('iss') ?? '';
    const launch = launchUrl.searchParams.get('launch') ?? '';
    expect(iss).toBe(sandbox.auth.fhirBaseUrl);
    expect(launch).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits, opaque
    expect(launch).not.toContain('statin');

    // 2. The app discovers the endpoints from iss.
    const config = (await (await fetch(`${iss}/.well-known/smart-configuration`)).json()) as {
      authorization_endpoint: string;
      token_endpoint: string;
    };

    // 3. Authorization request with launch, aud = iss, PKCE S256 and state.
    const pkce = makePkce();
    const state = makeState();
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'launch openid fhirUser patient/*.rs',
      state,
      aud: iss,
      launch,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    const auth = await fetch(`${config.authorization_endpoint}?${params}`, { redirect: 'manual' });
    expect(auth.status).toBe(302);
    const callback = redirectParams(auth);
    expect(callback.get('state')).toBe(state);
    expect(callback.get('iss')).toBe(sandbox.auth.issuer);
    expect(callback.get('error')).toBeNull();
    const code = callback.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // 4. Token exchange.
    const tokenResponse = await fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        client_id: CLIENT_ID,
        code_verifier: pkce.verifier,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.get('cache-control')).toBe('no-store');
    expect(tokenResponse.headers.get('pragma')).toBe('no-cache');
    const token = (await tokenResponse.json()) as TokenBody;
    expect(token).toMatchObject({
      token_type: 'Bearer',
      scope: 'launch openid fhirUser patient/*.rs',
      patient: 'statin-70',
      need_patient_banner: true,
      smart_style_url: sandbox.auth.endpoints.smartStyle,
    });
    expect(token.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.expires_in).toBeGreaterThan(0);
    expect(token.expires_in).toBeLessThanOrEqual(3600);

    // 5. The FHIR server accepts it for that patient's data.
    const decision = sandbox.auth.verifier.authorize(
      { headers: { authorization: `Bearer ${token.access_token}` } },
      { resourceType: 'Observation', interaction: 'search', patientId: 'statin-70' },
    );
    expect(decision.ok).toBe(true);
  });

  it('passes need_patient_banner=false when the EHR shows its own banner', async () => {
    const launchUrl = await launchFromEhrPage('preg-32w', false);
    const pkce = makePkce();
    const auth = await authorize(sandbox, authorizeParams(sandbox, pkce, { launch: launchUrl.searchParams.get('launch') ?? '' }));
    const code = redirectParams(auth).get('code') ?? '';
    const response = await exchangeCode(sandbox, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: pkce.verifier,
    });
    const token = (await response.json()) as TokenBody;
    expect(token.patient).toBe('preg-32w');
    expect(token.need_patient_banner).toBe(false);
  });

  it('refuses to start a launch for a patient the EHR does not have', async () => {
    const response = await fetch(`${sandbox.origin}/ehr/launch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ patient: 'nobody' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('accepts the authorization request as a POSTed form too (authorize-post)', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
    const pkce = makePkce();
    const params = authorizeParams(sandbox, pkce, { launch: launchId });
    const response = await fetch(sandbox.auth.endpoints.authorize, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params,
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    const callback = redirectParams(response);
    expect(callback.get('state')).toBe(params.get('state'));
    expect(callback.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('lets the app reload its launch page: a live launch id can be presented again', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: 'preg-32w' });
    for (let i = 0; i < 2; i++) {
      const response = await authorize(sandbox, authorizeParams(sandbox, makePkce(), { launch: launchId }));
      expect(redirectParams(response).get('code')).toBeTruthy();
    }
  });
});

describe('token response for an EHR launch', () => {
  it('grants launch only with a launch id, and fhirUser only with openid', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w', { scope: 'launch fhirUser patient/Observation.rs' });
    expect(token.scope).toBe('launch patient/Observation.rs');
    expect(token.id_token).toBeUndefined();
  });

  it('answers patient context even when the app asked for launch/patient instead of launch (fhirclient does this)', async () => {
    const token = await launchAndGetToken(sandbox, 'statin-70', { scope: 'launch/patient patient/*.rs' });
    expect(token.scope).toBe('launch/patient patient/*.rs');
    expect(token.patient).toBe('statin-70');
  });

  it('issues an RS256 id_token with fhirUser and nonce, verifiable with the published key', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w', { scope: 'launch openid fhirUser patient/*.rs', nonce: 'n-0S6_WzA2Mj' });
    const [header64, payload64, signature64] = (token.id_token ?? '').split('.');
    const header = JSON.parse(Buffer.from(header64 ?? '', 'base64url').toString()) as Record<string, string>;
    const claims = JSON.parse(Buffer.from(payload64 ?? '', 'base64url').toString()) as Record<string, unknown>;
    const jwks = (await (await fetch(sandbox.auth.endpoints.jwks)).json()) as { keys: { kid: string }[] };
    const jwk = jwks.keys.find((k) => k.kid === header.kid);
    expect(header.alg).toBe('RS256');
    expect(jwk).toBeDefined();
    const valid = verify(
      'sha256',
      Buffer.from(`${header64}.${payload64}`),
      createPublicKey({ key: jwk as never, format: 'jwk' }),
      Buffer.from(signature64 ?? '', 'base64url'),
    );
    expect(valid).toBe(true);
    expect(claims).toMatchObject({
      iss: sandbox.auth.issuer,
      aud: CLIENT_ID,
      sub: 'sandbox-clinician',
      nonce: 'n-0S6_WzA2Mj',
      fhirUser: `${sandbox.auth.fhirBaseUrl}/Practitioner/sandbox-clinician`,
    });
    expect(claims.exp as number).toBeGreaterThan(claims.iat as number);
  });
});
