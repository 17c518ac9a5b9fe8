// The composed sandbox on one origin: SMART discovery, the CapabilityStatement, the EHR page listing
// the fixture patients, a full EHR launch from that page through to a token, and searches with it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_ANCHOR_DATE } from '../../../sandbox/patients/load-scenarios';
import type { Sandbox } from '../../../sandbox/server';
import { createSandbox } from '../../../sandbox/server';
import { APP_URL, FIXTURES, PATIENT, fhirGet, idsOf, launch, startSandbox, tokenForLaunch, type SearchBundle } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('start-up', () => {
  it('names its addresses on the port it got, and loads the fixture bundles without warnings', () => {
    expect(sandbox.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.fhirBase).toBe(`${sandbox.origin}/fhir`);
    expect(sandbox.ehrUrl).toBe(`${sandbox.origin}/ehr`);
    expect(sandbox.appLaunchUrl).toBe(`${APP_URL}/launch/`);
    // expected.json and faults.json are not bundles: skipped by name, so no "not a FHIR resource" warning.
    expect(sandbox.startup.warnings).toEqual([]);
    expect(sandbox.startup).toMatchObject({ patients: 3, scenarios: { dir: FIXTURES, state: 'found', faultRules: 1 } });
  });

  it('starts with no patients when the scenario directory does not exist, and says so', async () => {
    const empty = await createSandbox({ port: 0, patientsDir: `${FIXTURES}/does-not-exist` });
    try {
      expect(empty.startup).toMatchObject({ patients: 0, scenarios: { state: 'missing', faultRules: 0 } });
      expect((await fetch(empty.ehrUrl)).status).toBe(200);
    } finally {
      await empty.close();
    }
  });

  it('moves the scenario dates from the day they are written for to today (here a pinned day, 10 days on)', async () => {
    const today = new Date(Date.parse(`${SCENARIO_ANCHOR_DATE}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const later = await startSandbox({ shiftScenarioDates: true, today });
    try {
      expect(later.startup.scenarios.shiftedByDays).toBe(10);
      expect(later.startup.warnings).toEqual([]); // expected.json and faults.json skipped here too
      const token = (await launch(later, PATIENT.thiazide)).access_token;
      const mg = await fhirGet<{ effectiveDateTime: string }>(later, 'Observation/fx-obs-mg', token);
      expect(mg.body.effectiveDateTime).toBe('2026-09-20T08:30:00Z'); // written as 2026-09-10T08:30:00Z
      expect(later.fhir.patients().find((p) => p.id === PATIENT.thiazide)?.birthDate).toBe('1960-03-18'); // ages stay the same
      expect(later.faults.list().map((r) => r.id)).toEqual(['fx-lab-outage-500']);
    } finally {
      await later.close();
    }
  });

  it('sends / to the EHR page and anything unknown to a 404 that lists the addresses', async () => {
    const root = await fetch(`${sandbox.origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/ehr');
    const unknown = await fetch(`${sandbox.origin}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain(`${sandbox.origin}/fhir`);
  });
});

describe('discovery', () => {
  it('serves the SMART configuration at the FHIR base, pointing at this origin', async () => {
    const response = await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: `${sandbox.origin}/auth`,
      authorization_endpoint: `${sandbox.origin}/auth/authorize`,
      token_endpoint: `${sandbox.origin}/auth/token`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(config.capabilities).toEqual(expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public', 'permission-v2', 'permission-v1']));
  });

  it('serves a CapabilityStatement without a token, with the SMART endpoints in it', async () => {
    const { status, body } = await fhirGet<{ resourceType: string; rest: { security: { extension: { url: string; extension: { url: string; valueUri: string }[] }[] } }[] }>(sandbox, 'metadata');
    expect(status).toBe(200);
    expect(body.resourceType).toBe('CapabilityStatement');
    const oauth = body.rest[0]?.security.extension.find((e) => e.url.endsWith('oauth-uris'));
    expect(Object.fromEntries(oauth?.extension.map((e) => [e.url, e.valueUri]) ?? [])).toEqual({
      authorize: `${sandbox.origin}/auth/authorize`,
      token: `${sandbox.origin}/auth/token`,
    });
  });
});

describe('EHR launch from the EHR page', () => {
  it('lists the fixture patients with their descriptions', async () => {
    const html = await (await fetch(sandbox.ehrUrl)).text();
    for (const id of Object.values(PATIENT)) expect(html).toContain(`value="${id}"`);
    expect(html).toContain('woman, 66, on hydrochlorothiazide, low magnesium');
    expect(html).toContain('woman, 55, her lab searches fail (HTTP 500)');
  });

  it('opens the app with iss and launch, and the launch ends in a token for that patient', async () => {
    const clicked = await fetch(`${sandbox.origin}/ehr/launch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: sandbox.origin },
      body: new URLSearchParams({ patient: PATIENT.thiazide }),
      redirect: 'manual',
    });
    expect(clicked.status).toBe(303);
    const opened = new URL(clicked.headers.get('location') ?? '');
    expect(`${opened.origin}${opened.pathname}`).toBe(`${APP_URL}/launch/`);
    expect(opened.searchParams.get('iss')).toBe(sandbox.fhirBase);

    const token = await tokenForLaunch(sandbox, opened.searchParams.get('launch') ?? '');
    expect(token).toMatchObject({ token_type: 'Bearer', patient: PATIENT.thiazide, scope: 'launch openid fhirUser patient/*.rs' });
    expect(token.expires_in).toBeLessThanOrEqual(3600);
  });

  it('accepts the launch page as a redirect URI too (fhirclient redirects to "." by default), and nothing else', async () => {
    const { launchId } = sandbox.auth.createLaunch({ patientId: PATIENT.statin });
    const params = (redirectUri: string) =>
      new URLSearchParams({
        response_type: 'code', client_id: sandbox.clientId, redirect_uri: redirectUri, scope: 'launch patient/*.rs', state: 'abcdefghijklmnopqrstuv',
        aud: sandbox.fhirBase, launch: launchId, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
      });
    const good = await fetch(`${sandbox.auth.endpoints.authorize}?${params(`${APP_URL}/launch/`)}`, { redirect: 'manual' });
    expect(good.status).toBe(302);
    expect(good.headers.get('location')).toMatch(new RegExp(`^${APP_URL}/launch/\\?`));
    const bad = await fetch(`${sandbox.auth.endpoints.authorize}?${params(`${APP_URL}/elsewhere`)}`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('location')).toBeNull();
  });
});

describe('authorised FHIR access', () => {
  it('answers the searches the app sends, with the medication included', async () => {
    const token = (await launch(sandbox, PATIENT.thiazide)).access_token;
    const meds = await fhirGet<SearchBundle>(sandbox, `MedicationRequest?patient=${PATIENT.thiazide}&intent=order&status=active,stopped&_include=MedicationRequest:medication`, token);
    expect(meds.status).toBe(200);
    expect(idsOf(meds.body)).toEqual(['MedicationRequest/fx-mr-hctz', 'Medication/fx-med-hctz']);
    const labs = await fhirGet<SearchBundle>(sandbox, `Observation?patient=${PATIENT.thiazide}&code=http://loinc.org|19123-9,http://loinc.org|2823-3&date=ge2026-01-01&_sort=-date`, token);
    expect(idsOf(labs.body).sort()).toEqual(['Observation/fx-obs-k', 'Observation/fx-obs-mg']);
  });

  it('refuses requests without a token (401) and another patient\'s data (403)', async () => {
    expect((await fhirGet(sandbox, `Observation?patient=${PATIENT.thiazide}&code=http://loinc.org|2823-3`)).status).toBe(401);
    const token = (await launch(sandbox, PATIENT.thiazide)).access_token;
    expect((await fhirGet(sandbox, `Observation?patient=${PATIENT.statin}&code=http://loinc.org|2823-3`, token)).status).toBe(403);
  });
});

describe('while loading', () => {
  it('answers every request with 503 + Retry-After until the patients are in, never a half-loaded record', async () => {
    // A bundle big enough to take a noticeable time to load, written for this test only.
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-loading-'));
    const entries = Array.from({ length: 4000 }, (_, i) => ({
      resource: { resourceType: 'Observation', id: `slow-${i}`, status: 'final', code: { text: 'filler' }, subject: { reference: 'Patient/slow' } },
    }));
    await writeFile(join(dir, 'big.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'slow' } }, ...entries] }));
    const port = await freePort();
    const starting = createSandbox({ port, patientsDir: dir });
    let first: Response | undefined;
    const deadline = Date.now() + 10_000; // a start that fails must not leave this loop spinning
    while (!first && Date.now() < deadline) {
      first = await fetch(`http://127.0.0.1:${port}/fhir/metadata`).catch(() => undefined); // not listening yet
    }
    const ready = await starting;
    try {
      expect(first?.status).toBe(503);
      expect(first?.headers.get('retry-after')).toBe('1');
      expect((await fetch(`${ready.fhirBase}/metadata`)).status).toBe(200);
      expect(ready.startup.patients).toBe(1);
    } finally {
      await ready.close();
      await rm(dir, { recursive: true });
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
