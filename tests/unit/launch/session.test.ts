/**
 * Completing the launch: what must be refused before fhirclient sees it, and what the session keeps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { fakeServer, json } from '../live/fake-fhir-server.js';
import { parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import { parseStyle } from '../../../src/fhir/smart-configuration.js';
import { capabilitySupport, checkRedirectParameters, grantedScope, LaunchError, sessionFromState } from '../../../src/fhir/session.js';

const config = parseRuntimeConfig({ clientId: 'app', scope: 'launch', allowedIssuers: ['https://ehr.example.org/fhir'] });
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof LaunchError ? err.problem : 'other';
  }
  return 'none';
};

describe('checkRedirectParameters', () => {
  it('refuses a code without state, a denied authorization, and a bare reload', () => {
    expect(problem(() => checkRedirectParameters(new URL('https://app/?code=abc')))).toBe('code-without-state');
    expect(problem(() => checkRedirectParameters(new URL('https://app/?error=access_denied&state=x')))).toBe('authorization-denied');
    expect(problem(() => checkRedirectParameters(new URL('https://app/')))).toBe('relaunch-needed');
    expect(problem(() => checkRedirectParameters(new URL('https://app/?code=abc&state=xyz')))).toBe('none');
  });
});

describe('sessionFromState', () => {
  const state = (tokenResponse: Record<string, unknown>, serverUrl = 'https://ehr.example.org/fhir/') => ({ serverUrl, expiresAt: 2_000_000_000, tokenResponse });

  it('keeps the token, patient, granted scope, banner and style', () => {
    expect(sessionFromState(state({ access_token: 't', patient: 'p-1', scope: 'patient/Observation.rs', need_patient_banner: false, smart_style_url: 'https://ehr.example.org/style.json' }), config)).toEqual({
      serverUrl: 'https://ehr.example.org/fhir',
      accessToken: 't',
      patientId: 'p-1',
      scope: 'patient/Observation.rs',
      expiresAt: 2_000_000_000,
      needPatientBanner: false,
      smartStyleUrl: 'https://ehr.example.org/style.json',
    });
  });

  it('shows the banner unless the EHR says it shows one, and ignores a non-http style URL', () => {
    const s = sessionFromState(state({ access_token: 't', patient: 'p', smart_style_url: 'javascript:alert(1)' }), config);
    expect(s.needPatientBanner).toBe(true);
    expect(s.smartStyleUrl).toBeUndefined();
  });

  it('refuses a server off the allowlist, a missing token and a missing or malformed patient', () => {
    expect(problem(() => sessionFromState(state({ access_token: 't', patient: 'p' }, 'https://evil.example/fhir'), config))).toBe('unknown-issuer');
    expect(problem(() => sessionFromState(state({ patient: 'p' }), config))).toBe('no-token');
    expect(problem(() => sessionFromState(state({ access_token: 't' }), config))).toBe('no-patient');
    expect(problem(() => sessionFromState(state({ access_token: 't', patient: '../../x' }), config))).toBe('no-patient');
  });
});

describe('a token response without scope (RFC 6749 §5.1: granted as requested)', () => {
  const requested = 'launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs';
  const configured = parseRuntimeConfig({ clientId: 'app', scope: 'launch patient/*.rs', allowedIssuers: ['https://ehr.example.org/fhir'] });
  const state = (tokenResponse: Record<string, unknown>, scope?: unknown) => ({ serverUrl: 'https://ehr.example.org/fhir', tokenResponse, ...(scope !== undefined ? { scope } : {}) });

  it('takes the scope this launch requested, as fhirclient recorded it', () => {
    expect(sessionFromState(state({ access_token: 't', patient: 'p' }, requested), configured).scope).toBe(requested);
    expect(sessionFromState(state({ access_token: 't', patient: 'p', scope: null }, `  ${requested.replace(/ /g, '  ')} `), configured).scope).toBe(requested);
  });

  it('falls back to the runtime configuration’s scope when the requested one is unknown or malformed', () => {
    expect(sessionFromState(state({ access_token: 't', patient: 'p' }), configured).scope).toBe('launch patient/*.rs');
    expect(sessionFromState(state({ access_token: 't', patient: 'p' }, 'patient/*.rs "><script>'), configured).scope).toBe('launch patient/*.rs');
  });

  it('keeps a scope the server did send, even a narrower or empty one', () => {
    expect(sessionFromState(state({ access_token: 't', patient: 'p', scope: 'patient/Patient.rs' }, requested), configured).scope).toBe('patient/Patient.rs');
    expect(grantedScope('', requested, configured)).toBe('');
    expect(grantedScope(['patient/*.rs'], requested, configured)).toBe(''); // not a scope string: nothing is assumed
  });

  it('so, with the shipped configuration, the data layer sends every query and no finding says "not authorised"', async () => {
    const shipped = parseRuntimeConfig(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'smart-config.json'), 'utf8')));
    const session = sessionFromState({ serverUrl: shipped.allowedIssuers[0], scope: shipped.scope, tokenResponse: { access_token: 't', patient: 'p1' } }, shipped);
    const server = fakeServer([(u) => (u.pathname.endsWith('/Patient/p1') ? json({ resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1960-01-01' }) : undefined)]);
    const fetched = await fetchPatientRecord(session, { rules: ALL_RULES, asOf: '2026-11-21', fetch: server.fetch });
    expect(fetched.queries.filter((q) => q.status.state === 'not-authorised').map((q) => q.query.name)).toEqual([]);
    const findings = evaluate(fetched.record, '2026-11-21');
    expect(findings.filter((f) => f.missing.join(' ').includes('not authorised')).map((f) => f.ruleId)).toEqual([]);
  });
});

describe('SMART capabilities and style', () => {
  it('accepts the current and the older capability names', () => {
    expect(capabilitySupport(['context-banner', 'context-style'])).toEqual({ banner: true, style: true });
    expect(capabilitySupport(['context-passthrough-banner', 'context-passthrough-style'])).toEqual({ banner: true, style: true });
    expect(capabilitySupport(['launch-ehr'])).toEqual({ banner: false, style: false });
  });

  it('keeps only well-formed colours from the style document', () => {
    expect(parseStyle({ color_highlight: '#2a6ebb', color_background: 'rgb(255, 255, 255)', color_text: 'red; background: url(x)', color_border: 'navy' })).toEqual({ colorHighlight: '#2a6ebb', colorBackground: 'rgb(255, 255, 255)', colorBorder: 'navy' });
    expect(parseStyle('nope')).toEqual({});
  });
});
