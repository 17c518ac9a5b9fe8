/**
 * Completing the launch: what must be refused before fhirclient sees it, and what the session keeps.
 */
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import { parseStyle } from '../../../src/fhir/smart-configuration.js';
import { capabilitySupport, checkRedirectParameters, LaunchError, sessionFromState } from '../../../src/fhir/session.js';

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
