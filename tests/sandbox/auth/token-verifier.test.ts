// The FHIR server's side: 401 for no/unknown/expired token, 403 outside the granted scopes or patient,
// and the fault-injection controls (expire a token now, refuse a chosen query).
// RFC 6750 §3 (WWW-Authenticate), SMART scopes and launch context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessTarget, AuthorizationDecision } from '../../../sandbox/auth';
import { launchAndGetToken, startSandbox, type TestSandbox } from './support';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Asserts the decision is a refusal and returns it, typed. */
function refused(decision: AuthorizationDecision): Extract<AuthorizationDecision, { ok: false }> {
  if (decision.ok) throw new Error('expected a refusal, the request was allowed');
  return decision;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const observations = (patientId?: string): AccessTarget => ({
  resourceType: 'Observation',
  interaction: 'search',
  ...(patientId === undefined ? {} : { patientId }),
});

describe('401: no usable token', () => {
  it('challenges a request without a token, with no error code (RFC 6750 §3.1)', () => {
    const decision = sandbox.auth.verifier.authorize({ headers: {} }, observations('preg-32w'));
    expect(decision).toMatchObject({ ok: false, status: 401, headers: { 'WWW-Authenticate': `Bearer realm="${sandbox.auth.fhirBaseUrl}"` } });
    expect(refused(decision).error).toBeUndefined();
    expect(refused(decision).outcome).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
  });

  it('refuses a non-Bearer Authorization header', () => {
    const decision = sandbox.auth.verifier.authorize({ headers: { authorization: 'Basic dXNlcjpwYXNz' } }, observations('preg-32w'));
    expect(decision).toMatchObject({ ok: false, status: 401, error: 'invalid_token' });
    expect(refused(decision).headers['WWW-Authenticate']).toMatch(/^Bearer realm=".*", error="invalid_token"/);
  });

  it('refuses an unknown token', () => {
    const decision = sandbox.auth.verifier.authorize(bearer('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), observations('preg-32w'));
    expect(decision).toMatchObject({ ok: false, status: 401, error: 'invalid_token', description: 'the access token is not valid' });
  });

  it('refuses a token past its lifetime, and says it expired', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), observations('preg-32w')).ok).toBe(true);
    sandbox.advance(token.expires_in * 1000);
    const decision = sandbox.auth.verifier.authorize(bearer(token.access_token), observations('preg-32w'));
    expect(decision).toMatchObject({ ok: false, status: 401, error: 'invalid_token' });
    expect(refused(decision).outcome.issue[0]?.code).toBe('expired');
  });

  it('accepts the Bearer scheme in any case', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    const decision = sandbox.auth.verifier.authorize({ headers: { authorization: `bearer ${token.access_token}` } }, observations('preg-32w'));
    expect(decision.ok).toBe(true);
  });
});

describe('403: outside the grant', () => {
  it('refuses another patient\'s data', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    const decision = sandbox.auth.verifier.authorize(bearer(token.access_token), observations('statin-70'));
    expect(decision).toMatchObject({ ok: false, status: 403, error: 'insufficient_scope' });
    expect(refused(decision).headers['WWW-Authenticate']).toMatch(/error="insufficient_scope"/);
    expect(refused(decision).outcome.issue[0]?.code).toBe('forbidden');
  });

  it('refuses a search not confined to the patient', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), observations())).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a resource type or interaction the scopes do not cover', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w', { scope: 'launch patient/Observation.rs' });
    const { verifier } = sandbox.auth;
    expect(verifier.authorize(bearer(token.access_token), observations('preg-32w')).ok).toBe(true);
    const condition = verifier.authorize(bearer(token.access_token), { resourceType: 'Condition', interaction: 'search', patientId: 'preg-32w' });
    expect(condition).toMatchObject({ ok: false, status: 403 });
    expect(refused(condition).headers['WWW-Authenticate']).toContain('scope="patient/Condition.s"');
    const write = verifier.authorize(bearer(token.access_token), { resourceType: 'Observation', interaction: 'create', patientId: 'preg-32w' });
    expect(write).toMatchObject({ ok: false, status: 403 });
  });

  it('allows what the grant covers and says which token it was', async () => {
    const token = await launchAndGetToken(sandbox, 'statin-70');
    const decision = sandbox.auth.verifier.authorize(bearer(token.access_token), { resourceType: 'Patient', interaction: 'read', patientId: 'statin-70' });
    expect(decision).toMatchObject({ ok: true, token: { patient: 'statin-70', clientId: 'leg-cramps-app' } });
    expect(decision.ok && decision.token?.scopes).toEqual(['launch', 'openid', 'fhirUser', 'patient/*.rs']);
  });
});

describe('requests as the sandbox FHIR server describes them', () => {
  it('leaves the CapabilityStatement open: clients read it before they have a token', () => {
    const metadata = { interaction: 'capabilities', resourceType: undefined, id: undefined, patientId: undefined, patientIds: [] };
    expect(sandbox.auth.verifier.authorize({ headers: {} }, metadata)).toEqual({ ok: true, token: undefined });
  });

  it('checks every patient a request touches, not just one', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    const both = { interaction: 'search-type', resourceType: 'Observation', id: undefined, patientId: undefined, patientIds: ['preg-32w', 'statin-70'] };
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), both)).toMatchObject({ ok: false, status: 403 });
    const own = { ...both, patientIds: ['preg-32w'], patientId: 'preg-32w' };
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), own).ok).toBe(true);
  });

  it('refuses batch and transaction wrappers, whose inner requests it cannot see', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    for (const interaction of ['transaction', 'batch']) {
      const decision = sandbox.auth.verifier.authorize(bearer(token.access_token), {
        interaction,
        resourceType: undefined,
        patientId: 'preg-32w',
        patientIds: ['preg-32w'],
      });
      expect(decision).toMatchObject({ ok: false, status: 403, error: 'insufficient_scope' });
    }
  });

  it('still requires a token for system-level interactions', () => {
    expect(sandbox.auth.verifier.authorize({ headers: {} }, { interaction: 'search-system', resourceType: undefined })).toMatchObject({ status: 401 });
  });
});

describe('fault injection', () => {
  it('expires one token mid-session', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    const other = await launchAndGetToken(sandbox, 'preg-32w');
    expect(sandbox.auth.verifier.expireToken(token.access_token)).toBe(true);
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), observations('preg-32w'))).toMatchObject({ ok: false, status: 401 });
    expect(sandbox.auth.verifier.authorize(bearer(other.access_token), observations('preg-32w')).ok).toBe(true);
    expect(sandbox.auth.verifier.expireToken('unknown')).toBe(false);
  });

  it('expires every token of one patient', async () => {
    const a = await launchAndGetToken(sandbox, 'preg-32w');
    const b = await launchAndGetToken(sandbox, 'statin-70');
    expect(sandbox.auth.verifier.expireTokens({ patientId: 'preg-32w' })).toBeGreaterThanOrEqual(1);
    expect(sandbox.auth.verifier.authorize(bearer(a.access_token), observations('preg-32w'))).toMatchObject({ status: 401 });
    expect(sandbox.auth.verifier.authorize(bearer(b.access_token), observations('statin-70')).ok).toBe(true);
  });

  it('refuses a chosen query with 403 until the rule is lifted', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    const labSearch: AccessTarget = {
      resourceType: 'Observation',
      interaction: 'search',
      patientId: 'preg-32w',
      searchParams: new URLSearchParams('patient=preg-32w&category=laboratory'),
    };
    const lift = sandbox.auth.verifier.forbid({
      patientId: 'preg-32w',
      resourceType: 'Observation',
      when: (t) => t.searchParams?.get('category') === 'laboratory',
    });
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), labSearch)).toMatchObject({
      ok: false,
      status: 403,
      error: 'insufficient_scope',
    });
    // Other queries of the same patient still work.
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), { ...labSearch, searchParams: new URLSearchParams('category=vital-signs') }).ok).toBe(true);
    lift();
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), labSearch).ok).toBe(true);
  });

  it('clears every rule at once', async () => {
    const token = await launchAndGetToken(sandbox, 'preg-32w');
    sandbox.auth.verifier.forbid({ resourceType: 'Observation' });
    sandbox.auth.verifier.forbid({ patientId: 'preg-32w' });
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), observations('preg-32w')).ok).toBe(false);
    sandbox.auth.verifier.clearForbidden();
    expect(sandbox.auth.verifier.authorize(bearer(token.access_token), observations('preg-32w')).ok).toBe(true);
  });

  it('still answers 401 before 403: a forbidden query with no token is a login problem', () => {
    sandbox.auth.verifier.forbid({ resourceType: 'Observation' });
    try {
      expect(sandbox.auth.verifier.authorize({ headers: {} }, observations('preg-32w'))).toMatchObject({ status: 401 });
    } finally {
      sandbox.auth.verifier.clearForbidden();
    }
  });
});
