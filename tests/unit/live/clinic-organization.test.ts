/**
 * The clinic from the EHR (issue 11 point 4): the launch encounter's serviceProvider, else the
 * patient's managingOrganization, read only, with the token only to the launched server, only when
 * the scopes allow Organization, and nothing at all on any doubt (the handout then leaves a line).
 */
import { describe, expect, it } from 'vitest';
import { launchOrganization } from '../../../src/fhir/live/clinic-organization.js';
import { patientDisplay } from '../../../src/fhir/patient-display.js';
import type { Session } from '../../../src/fhir/session.js';
import { fakeServer, json } from './fake-fhir-server.js';

const BASE = 'https://ehr.example/fhir';
const session = (over: Partial<Session> = {}): Session => ({ serverUrl: BASE, accessToken: 'tok', patientId: 'p1', scope: 'launch patient/*.rs', needPatientBanner: false, ...over });
const organization = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Organization',
  id,
  active: true,
  name: 'Riverside Family Practice',
  telecom: [
    { system: 'fax', value: '555-0199' },
    { system: 'phone', use: 'old', value: '555-0000' },
    { system: 'phone', value: '+1 (555) 010-0100' },
  ],
  ...extra,
});
const serving = (resources: Record<string, unknown>) => fakeServer([(u) => (resources[u.pathname.replace('/fhir/', '')] ? json(resources[u.pathname.replace('/fhir/', '')]) : json({ resourceType: 'OperationOutcome', issue: [] }, 404))]);

describe('launchOrganization', () => {
  it('reads the patient’s managing organization: its name and its phone in use, with the token, on the launched server', async () => {
    const server = serving({ 'Organization/org-1': organization('org-1') });
    expect(await launchOrganization(session(), { patientOrganization: 'Organization/org-1', fetch: server.fetch })).toEqual({ name: 'Riverside Family Practice', phone: '+1 (555) 010-0100' });
    expect(server.requests.map((r) => [r.url, r.authorization])).toEqual([[`${BASE}/Organization/org-1`, 'Bearer tok']]);
  });

  it('prefers the launch encounter’s service provider', async () => {
    const server = serving({ 'Encounter/e1': { resourceType: 'Encounter', id: 'e1', serviceProvider: { reference: 'Organization/clinic-9' } }, 'Organization/clinic-9': organization('clinic-9', { name: 'Northside Clinic' }), 'Organization/org-1': organization('org-1') });
    const found = await launchOrganization(session({ encounterId: 'e1' }), { patientOrganization: 'Organization/org-1', fetch: server.fetch });
    expect(found?.name).toBe('Northside Clinic');
  });

  it('sends nothing without a scope that reads Organization', async () => {
    const server = serving({ 'Organization/org-1': organization('org-1') });
    expect(await launchOrganization(session({ scope: 'launch patient/Observation.rs patient/Patient.rs' }), { patientOrganization: 'Organization/org-1', fetch: server.fetch })).toBeUndefined();
    expect(server.requests).toEqual([]);
  });

  it('gives nothing for an inactive organization, a wrong resource, a failure or a name that is not a line', async () => {
    for (const body of [organization('org-1', { active: false }), { ...organization('org-1'), resourceType: 'Patient' }, organization('other-id'), organization('org-1', { name: '', telecom: [] })]) {
      const server = serving({ 'Organization/org-1': body });
      expect(await launchOrganization(session(), { patientOrganization: 'Organization/org-1', fetch: server.fetch }), JSON.stringify(body).slice(0, 60)).toBeUndefined();
    }
    const failing = fakeServer([() => json({}, 500)]);
    expect(await launchOrganization(session(), { patientOrganization: 'Organization/org-1', fetch: failing.fetch })).toBeUndefined();
  });

  it('follows only relative Organization references: the token never goes to another site', async () => {
    const server = serving({ 'Encounter/e1': { resourceType: 'Encounter', id: 'e1', serviceProvider: { reference: 'https://evil.example/fhir/Organization/x' } } });
    expect(await launchOrganization(session({ encounterId: 'e1' }), { patientOrganization: 'Organization/../../x', fetch: server.fetch })).toBeUndefined();
    expect(server.requests.map((r) => r.url)).toEqual([`${BASE}/Encounter/e1`]);
  });

  it('makes a hostile name and number one plain line, or leaves them out', async () => {
    const server = serving({ 'Organization/org-1': organization('org-1', { name: 'Clinic\u202E\n<b>x</b>', telecom: [{ system: 'phone', value: 'javascript:alert(1)' }] }) });
    expect(await launchOrganization(session(), { patientOrganization: 'Organization/org-1', fetch: server.fetch })).toEqual({ name: 'Clinic <b>x</b>' });
  });
});

describe('patientDisplay: the managing organization', () => {
  it('keeps a relative Organization reference and nothing else', () => {
    const p = (reference: unknown) => patientDisplay({ resourceType: 'Patient', id: 'p1', name: [{ text: 'A B' }], managingOrganization: { reference } })?.organization;
    expect(p('Organization/org-1')).toBe('Organization/org-1');
    expect([p('https://x.example/fhir/Organization/1'), p('Practitioner/1'), p('Organization/a/b'), p(42)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
