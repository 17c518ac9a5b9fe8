/**
 * The sandbox EHR as a CDS Hooks client, against the real service trusting only the sandbox's
 * published JWK Set: the chart calls patient-view, drafting calls order-select, signing calls
 * order-sign, an accepted suggestion is applied through the FHIR API for that patient only, feedback
 * reaches the service, cards are rendered without HTML from the card, and every POST is guarded.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCdsHooksServer, type CdsHooksServer } from '../../cds-hooks/server.js';
import { createSandbox, type Sandbox } from '../../sandbox/server.js';
import { EhrOrders } from '../../sandbox/cds-client/ehr-orders.js';
import { renderMarkdown } from '../../sandbox/cds-client/markdown-html.js';
import { memoryLog } from './support/calls.js';

let sandbox: Sandbox;
let cds: CdsHooksServer;
const log = memoryLog();

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0 });
  cds = await startCdsHooksServer({ port: 0, log, appLaunchUrl: sandbox.appLaunchUrl, trust: [{ issuer: sandbox.cdsClient.issuer, jwksUrl: sandbox.cdsClient.jwksUrl }] });
  sandbox.cdsClient.connect(cds.baseUrl);
});
afterAll(async () => {
  await cds?.close();
  await sandbox?.close();
});

const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.origin}${path}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });

/** The first suggestion button's hidden fields on a page. */
function suggestionFields(page: string, section = 'order-cards'): { card: string; suggestion: string } {
  const part = page.slice(page.indexOf(section));
  const m = /name="card" value="([^"]+)"><input type="hidden" name="suggestion" value="([^"]+)"/.exec(part);
  if (!m) throw new Error('no suggestion on the page');
  return { card: m[1]!, suggestion: m[2]! };
}

async function fhirSearch(patientId: string, query: string): Promise<Record<string, unknown>[]> {
  const { accessToken } = sandbox.auth.issueEhrToken({ clientId: 'test', scopes: ['patient/*.rs'], patientId });
  const r = await fetch(`${sandbox.fhirBase}/${query}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  const body = (await r.json()) as { entry?: { resource: Record<string, unknown> }[] };
  return (body.entry ?? []).map((e) => e.resource);
}

describe('the sandbox EHR as a CDS client', () => {
  it('publishes its JWK Set, and its chart shows the patient-view card the service returns for its signed call', async () => {
    const jwks = (await (await fetch(sandbox.cdsClient.jwksUrl)).json()) as { keys: { kty: string; kid: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-384', alg: 'ES384' });
    expect(jwks.keys[0]!.d).toBeUndefined();
    const page = await (await fetch(sandbox.cdsClient.chartUrl('preg-32wk-low-mg'))).text();
    expect(page).toMatch(/<section class="cds-card" data-indicator="critical">/);
    expect(page).toContain('Night leg cramps, red flag: Possible deep-vein thrombosis');
    expect(page).not.toMatch(/<script/i);
  });

  it('links each patient on the EHR page to its chart', async () => {
    const list = await (await fetch(sandbox.ehrUrl)).text();
    expect(list).toContain('href="/ehr/chart?patient=preg-32wk-low-mg"');
  });

  it('drafting quinine shows the critical order-select card; accepting its suggestion removes the draft and sends feedback', async () => {
    const patientId = 'quinine-statement-normal-platelets';
    const drafted = await (await form('/ehr/chart/draft', { patient: patientId, product: 'quinine' })).text();
    expect(drafted).toContain('data-hook="order-select"');
    expect(drafted).toMatch(/data-indicator="critical">\s*<p><strong class="indicator">CRITICAL<\/strong> <span class="summary">Quinine/);
    expect((await fhirSearch(patientId, `MedicationRequest?patient=${patientId}&status=draft`)).length).toBe(1);

    const accepted = await form('/ehr/chart/suggestion', suggestionFields(drafted));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/ehr/chart?patient=${patientId}&notice=applied`);
    expect(await fhirSearch(patientId, `MedicationRequest?patient=${patientId}&status=draft`)).toEqual([]);
    expect(log.lines.some((l) => /^feedback quinine-order-select: 1 accepted, 0 overridden$/.test(l))).toBe(true);
    const after = await (await fetch(`${sandbox.origin}${accepted.headers.get('location')}`)).text();
    expect(after).toContain('No draft orders.');
    expect(after).toContain('The suggestion was applied.');
  });

  it('signing hydrochlorothiazide without recent electrolytes shows the info card; accepting creates LOINC-coded ServiceRequests for that patient', async () => {
    const patientId = 'lithium-night-jerking';
    await form('/ehr/chart/draft', { patient: patientId, product: 'hydrochlorothiazide' });
    const signed = await (await form('/ehr/chart/sign', { patient: patientId })).text();
    expect(signed).toContain('data-hook="order-sign"');
    expect(signed).toContain('Not signed yet');
    expect(signed).toMatch(/data-indicator="info"/);
    const accepted = await form('/ehr/chart/suggestion', suggestionFields(signed));
    expect(accepted.status).toBe(303);
    const requests = await fhirSearch(patientId, `ServiceRequest?patient=${patientId}`);
    const codes = requests.map((r) => ((r.code as { coding: { system: string; code: string }[] }).coding[0]!)).map((c) => `${c.system}|${c.code}`).sort();
    expect(codes).toEqual(['http://loinc.org|2601-3', 'http://loinc.org|2823-3']);
    expect(requests.every((r) => (r.subject as { reference: string }).reference === `Patient/${patientId}`)).toBe(true);
  });

  it('signs the drafts when order-sign returns no card', async () => {
    const patientId = 'all-clear';
    await form('/ehr/chart/draft', { patient: patientId, product: 'furosemide' });
    const signed = await form('/ehr/chart/sign', { patient: patientId });
    expect(signed.status).toBe(303);
    expect(signed.headers.get('location')).toBe(`/ehr/chart?patient=${patientId}&notice=signed`);
    const active = await fhirSearch(patientId, `MedicationRequest?patient=${patientId}&status=active`);
    expect(active.some((r) => JSON.stringify(r.medicationCodeableConcept).includes('Furosemide 40 MG'))).toBe(true);
  });

  it('dismissing with a reason sends overridden feedback with the reason’s code', async () => {
    const drafted = await (await form('/ehr/chart/draft', { patient: 'pad-smoker', product: 'quinine' })).text();
    const card = /class="inline override"[\s\S]*?name="card" value="([^"]+)"/.exec(drafted.slice(drafted.indexOf('order-cards')))![1]!;
    const r = await form('/ehr/chart/override', { card, reason: 'informed-patient-insists' });
    expect(r.status).toBe(303);
    expect(log.lines.some((l) => /^feedback quinine-order-select: 0 accepted, 1 overridden \(reasons: informed-patient-insists\)$/.test(l))).toBe(true);
  });

  it('follows the card’s smart link into the registered app with iss and launch', async () => {
    const drafted = await (await form('/ehr/chart/draft', { patient: 'statin-high-ck', product: 'quinine' })).text();
    const m = /class="inline smart-link"[^>]*><input type="hidden" name="card" value="([^"]+)"><input type="hidden" name="link" value="(\d+)">/.exec(drafted.slice(drafted.indexOf('order-cards')))!;
    const r = await form('/ehr/chart/launch', { card: m[1]!, link: m[2]! });
    expect(r.status).toBe(303);
    const target = new URL(r.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(sandbox.appLaunchUrl);
    expect(target.searchParams.get('iss')).toBe(sandbox.fhirBase);
    expect(target.searchParams.get('launch')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('applies no suggestion that reaches another patient’s order (the FHIR compartment wall decides)', async () => {
    const victim = 'glipizide-low-glucose';
    await form('/ehr/chart/draft', { patient: victim, product: 'quinine' });
    const [draft] = await fhirSearch(victim, `MedicationRequest?patient=${victim}&status=draft`);
    const orders = new EhrOrders(sandbox.fhirBase, sandbox.auth);
    const result = await orders.apply('all-clear', [{ type: 'delete', description: 'x', resourceId: `MedicationRequest/${String(draft!.id)}` }]);
    expect(result.refused).toBeDefined();
    expect(await fhirSearch(victim, `MedicationRequest?patient=${victim}&status=draft`)).toHaveLength(1);
    const create = await orders.apply('all-clear', [{ type: 'create', description: 'x', resource: { resourceType: 'ServiceRequest', status: 'draft', intent: 'order', subject: { reference: `Patient/${victim}` } } }]);
    expect(create.refused).toMatch(/does not accept for this patient/);
    const active = await orders.apply('all-clear', [{ type: 'delete', description: 'x', resourceId: 'Patient/all-clear' }]);
    expect(active.refused).toMatch(/names no order/);
  });
});

describe('chart actions are guarded like the EHR page’s launch form', () => {
  it('refuses a post from another site’s page, and one addressed by a foreign Host', async () => {
    const r = await form('/ehr/chart/draft', { patient: 'all-clear', product: 'quinine' }, { Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const port = new URL(sandbox.origin).port;
    const status = await new Promise<number>((resolve, reject) => {
      const body = 'patient=all-clear&product=quinine';
      const req = request({ host: '127.0.0.1', port, path: '/ehr/chart/draft', method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(403);
  });

  it('refuses an oversized form with 413 and an unknown product with 400', async () => {
    expect((await form('/ehr/chart/draft', { patient: 'all-clear', product: 'x'.repeat(70 * 1024) })).status).toBe(413);
    expect((await form('/ehr/chart/draft', { patient: 'all-clear', product: 'warfarin' })).status).toBe(400);
  });

  it('refuses a suggestion for a card it never showed', async () => {
    expect((await form('/ehr/chart/suggestion', { card: 'made-up', suggestion: 'x' })).status).toBe(400);
  });
});

describe('card Markdown on the chart', () => {
  it('renders a safe subset: no HTML from the card, links only http(s), images as their alt text', () => {
    const out = renderMarkdown('**Bold** <script>alert(1)</script> [ok](https://nice.example/a?b=1) [bad](javascript:alert(1)) ![pixel](https://tracker.example/p.gif) \\*not em\\*\n\n- one\n- two').html;
    expect(out).toContain('<strong>Bold</strong>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<a href="https://nice.example/a?b=1" rel="noopener noreferrer" target="_blank">ok</a>');
    expect(out).not.toMatch(/javascript:|<img|tracker\.example/);
    expect(out).toContain('bad');
    expect(out).toContain('pixel');
    expect(out).toContain('*not em*');
    expect(out).toContain('<ul><li>one</li><li>two</li></ul>');
  });

  it('survives hostile nesting and unclosed markup', () => {
    const deep = `${'*_'.repeat(5000)}x${'_*'.repeat(5000)}`;
    expect(() => renderMarkdown(deep)).not.toThrow();
    expect(() => renderMarkdown(`${'['.repeat(3000)}x${'](https://a.example)'.repeat(3000)}`)).not.toThrow();
    expect(renderMarkdown('[unclosed](https://x.example **bold `code').html).toBe('<p>[unclosed](https://x.example **bold `code</p>');
  });
});
