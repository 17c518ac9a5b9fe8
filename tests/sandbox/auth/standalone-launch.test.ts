// Standalone launch: no EHR launch id; the app asks for launch/patient and the server has the user
// pick a patient before answering with a code.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-standalone-launch
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  REDIRECT_URI,
  authorize,
  authorizeParams,
  exchangeCode,
  hiddenInputs,
  makePkce,
  redirectParams,
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

const STANDALONE_SCOPE = 'launch/patient openid fhirUser patient/*.rs';

async function openPicker(pkce: Pkce, overrides: Record<string, string> = {}): Promise<{ html: string; state: string; pick: string }> {
  const params = authorizeParams(sandbox, pkce, { scope: STANDALONE_SCOPE, ...overrides });
  const response = await authorize(sandbox, params);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  const pick = hiddenInputs(html).find((i) => i.name === 'pick')?.value ?? '';
  expect(pick).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { html, state: params.get('state') ?? '', pick };
}

function choose(form: Record<string, string>, origin?: string): Promise<Response> {
  return fetch(sandbox.auth.endpoints.picker, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
}

describe('standalone launch through the patient picker', () => {
  it('lists the patients, and the picked one becomes the token\'s patient context', async () => {
    const pkce = makePkce();
    const { html, state, pick } = await openPicker(pkce);
    for (const text of ['Amara Okafor', 'woman, 32 weeks pregnant, low magnesium', 'George Hill', 'Leg cramps app']) {
      expect(html).toContain(text);
    }
    // The page says what is being approved (the sandbox auto-approves).
    expect(html).toContain('<code>patient/*.rs</code>');

    const answer = await choose({ pick, patient: 'statin-70' }, sandbox.origin);
    expect(answer.status).toBe(303);
    const callback = redirectParams(answer);
    expect(callback.get('state')).toBe(state);
    expect(callback.get('iss')).toBe(sandbox.auth.issuer);

    const tokenResponse = await exchangeCode(sandbox, {
      grant_type: 'authorization_code',
      code: callback.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: pkce.verifier,
    });
    expect(tokenResponse.status).toBe(200);
    const token = (await tokenResponse.json()) as TokenBody;
    expect(token).toMatchObject({
      token_type: 'Bearer',
      patient: 'statin-70',
      scope: STANDALONE_SCOPE,
      // Outside the EHR there is no EHR banner: the app must show one.
      need_patient_banner: true,
      smart_style_url: sandbox.auth.endpoints.smartStyle,
    });
    expect(token.id_token).toEqual(expect.any(String));
  });

  it('infers launch/patient when a standalone app asks for patient/ scopes only', async () => {
    const pkce = makePkce();
    const { pick } = await openPicker(pkce, { scope: 'patient/Observation.rs' });
    const callback = redirectParams(await choose({ pick, patient: 'preg-32w' }));
    const token = (await (
      await exchangeCode(sandbox, {
        grant_type: 'authorization_code',
        code: callback.get('code') ?? '',
        redirect_uri: REDIRECT_URI,
        client_id: CLIENT_ID,
        code_verifier: pkce.verifier,
      })
    ).json()) as TokenBody;
    expect(token.patient).toBe('preg-32w');
    expect(token.scope).toBe('patient/Observation.rs');
  });

  it('does not grant the launch scope without an EHR launch', async () => {
    const pkce = makePkce();
    const { html } = await openPicker(pkce, { scope: `launch ${STANDALONE_SCOPE}` });
    expect(html).not.toContain('<code>launch</code>');
  });

  it('skips the picker when no patient is needed', async () => {
    const response = await authorize(sandbox, authorizeParams(sandbox, makePkce(), { scope: 'openid fhirUser' }));
    expect(response.status).toBe(302);
    expect(redirectParams(response).get('code')).toBeTruthy();
  });

  it('answers access_denied with the state when the user cancels', async () => {
    const { state, pick } = await openPicker(makePkce());
    const callback = redirectParams(await choose({ pick, cancel: '1' }));
    expect(callback.get('error')).toBe('access_denied');
    expect(callback.get('state')).toBe(state);
    expect(callback.get('code')).toBeNull();
  });

  it('uses each picker page once', async () => {
    const { pick } = await openPicker(makePkce());
    expect((await choose({ pick, patient: 'preg-32w' })).status).toBe(303);
    const again = await choose({ pick, patient: 'statin-70' });
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
  });

  it('refuses a patient that is not in the list, keeping the page usable', async () => {
    const { pick } = await openPicker(makePkce());
    const wrong = await choose({ pick, patient: 'not-a-patient' });
    expect(wrong.status).toBe(400);
    expect((await choose({ pick, patient: 'preg-32w' })).status).toBe(303);
  });

  it('refuses a choice posted from another site', async () => {
    const { pick } = await openPicker(makePkce());
    const response = await choose({ pick, patient: 'preg-32w' }, 'http://evil.test');
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
  });

  it('expires an abandoned picker page', async () => {
    const { pick } = await openPicker(makePkce());
    sandbox.advance(11 * 60 * 1000);
    const response = await choose({ pick, patient: 'preg-32w' });
    expect(response.status).toBe(400);
  });
});
