/**
 * The launch page's decision, before any redirect: the issuer allowlist, development parameters
 * in production, EHR and standalone launches.
 */
import { describe, expect, it } from 'vitest';
import { decideLaunch } from '../../../launch/launch-decision.js';
import { secureStateKey } from '../../../launch/state-key.js';
import { ConfigError, parseRuntimeConfig } from '../../../src/config/runtime-config.js';

const config = parseRuntimeConfig({
  clientId: 'leg-cramps-app',
  scope: 'launch openid fhirUser patient/Observation.rs',
  standaloneScope: 'launch/patient openid fhirUser patient/Observation.rs',
  allowedIssuers: ['https://ehr.example.org/fhir/'],
  standaloneIssuer: 'https://ehr.example.org/fhir',
  allowedFrameAncestors: ['https://ehr.example.org'],
});
const at = (query: string) => new URL(`https://app.example.org/launch/?${query}`);
const decide = (query: string, production = true) => decideLaunch(at(query), config, { production });

describe('decideLaunch', () => {
  it('goes ahead with an EHR launch from an allowlisted issuer (trailing slash ignored)', () => {
    expect(decide('iss=https%3A%2F%2Fehr.example.org%2Ffhir&launch=abc123')).toEqual({ kind: 'authorize', iss: 'https://ehr.example.org/fhir', launch: 'abc123', scope: 'launch openid fhirUser patient/Observation.rs', standalone: false });
    expect(decide('iss=https%3A%2F%2Fehr.example.org%2Ffhir%2F&launch=abc')).toMatchObject({ kind: 'authorize', iss: 'https://ehr.example.org/fhir' });
  });

  it('refuses an unknown issuer before any redirect, including look-alikes', () => {
    for (const iss of ['https://evil.example.org/fhir', 'https://ehr.example.org.evil.com/fhir', 'https://ehr.example.org/fhir/../admin', 'http://ehr.example.org/fhir', 'https://ehr.example.org/FHIR']) {
      expect(decide(`iss=${encodeURIComponent(iss)}&launch=x`), iss).toMatchObject({ kind: 'refuse', reason: 'unknown-issuer' });
    }
  });

  it('refuses the development parameters in production builds, and lets them through in development', () => {
    for (const p of ['fhirServiceUrl=https%3A%2F%2Fehr.example.org%2Ffhir', 'patientId=123', 'clientId=other']) {
      expect(decide(`iss=https%3A%2F%2Fehr.example.org%2Ffhir&launch=x&${p}`)).toMatchObject({ kind: 'refuse', reason: 'development-parameter' });
      expect(decide(`iss=https%3A%2F%2Fehr.example.org%2Ffhir&launch=x&${p}`, false)).toMatchObject({ kind: 'authorize' });
    }
  });

  it('needs an issuer with a launch, and refuses a malformed launch id', () => {
    expect(decide('launch=abc')).toMatchObject({ kind: 'refuse', reason: 'no-issuer' });
    expect(decide(`iss=https%3A%2F%2Fehr.example.org%2Ffhir&launch=${encodeURIComponent('a b<script>')}`)).toMatchObject({ kind: 'refuse', reason: 'malformed-launch' });
  });

  it('starts a standalone launch at the configured server, with launch/patient scopes', () => {
    expect(decide('')).toEqual({ kind: 'authorize', iss: 'https://ehr.example.org/fhir', scope: 'launch/patient openid fhirUser patient/Observation.rs', standalone: true });
  });
});

describe('secureStateKey', () => {
  it('gives 256 bits from the crypto source, base64url, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => secureStateKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('uses the random source it is given', () => {
    const zero = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => a };
    expect(secureStateKey(zero as Pick<Crypto, 'getRandomValues'>)).toBe('A'.repeat(43));
  });
});

describe('parseRuntimeConfig', () => {
  it('refuses a malformed configuration with a readable reason', () => {
    expect(() => parseRuntimeConfig([])).toThrow(ConfigError);
    expect(() => parseRuntimeConfig({ clientId: 'x', scope: 'launch', allowedIssuers: [] })).toThrow(/allowedIssuers/);
    expect(() => parseRuntimeConfig({ clientId: 'x', scope: 'launch', allowedIssuers: ['javascript:alert(1)'] })).toThrow(/http or https/);
    expect(() => parseRuntimeConfig({ clientId: 'x y', scope: 'launch', allowedIssuers: ['https://a/fhir'] })).toThrow(/clientId/);
    expect(() => parseRuntimeConfig({ clientId: 'x', scope: 'launch "><', allowedIssuers: ['https://a/fhir'] })).toThrow(/not a scope/);
  });

  it('reads the shipped public/smart-config.json', async () => {
    const { readFileSync } = await import('node:fs');
    const shipped = parseRuntimeConfig(JSON.parse(readFileSync(new URL('../../../public/smart-config.json', import.meta.url), 'utf8')));
    expect(shipped.allowedIssuers).toEqual(['http://127.0.0.1:8090/fhir']);
    expect(shipped.scope.split(' ')).toEqual(expect.arrayContaining(['launch', 'patient/Observation.rs', 'patient/MedicationRequest.rs', 'patient/Condition.rs']));
  });
});
