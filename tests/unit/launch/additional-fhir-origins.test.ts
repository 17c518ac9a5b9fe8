/**
 * The runtime setting `additionalFhirOrigins`: exact origins only (`https://host[:port]`, `http://`
 * only for loopback, no path, no wildcard), so nothing but the hospital's own second FHIR host can
 * ever be given the token or be added to the CSP.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../../../src/config/runtime-config.js';

const withOrigins = (additionalFhirOrigins: unknown) => parseRuntimeConfig({ clientId: 'app', scope: 'launch', allowedIssuers: ['https://ehr.example.org/fhir'], additionalFhirOrigins });

describe('additionalFhirOrigins', () => {
  it('is empty when the file has none', () => {
    expect(parseRuntimeConfig({ clientId: 'app', scope: 'launch', allowedIssuers: ['https://ehr.example.org/fhir'] }).additionalFhirOrigins).toEqual([]);
  });

  it('keeps exact origins as the URL parser writes them, once each', () => {
    expect(withOrigins(['https://fhir2.ehr.example.org', 'https://fhir2.ehr.example.org:8443', 'HTTPS://FHIR3.EHR.EXAMPLE.ORG/', 'https://fhir2.ehr.example.org', 'http://127.0.0.1:8091', 'http://localhost:8092', 'http://[::1]:8093']).additionalFhirOrigins).toEqual([
      'https://fhir2.ehr.example.org',
      'https://fhir2.ehr.example.org:8443',
      'https://fhir3.ehr.example.org',
      'http://127.0.0.1:8091',
      'http://localhost:8092',
      'http://[::1]:8093',
    ]);
  });

  it('refuses anything that is not one exact origin', () => {
    const cases: [unknown, RegExp][] = [
      ['https://fhir2.ehr.example.org', /list of origins/],
      [['https://fhir2.ehr.example.org/fhir'], /origin only .* written as https:\/\/fhir2\.ehr\.example\.org/],
      [['https://fhir2.ehr.example.org?x=1'], /origin only/],
      [['https://fhir2.ehr.example.org#x'], /origin only/],
      [['https://user:pw@fhir2.ehr.example.org'], /origin only/],
      [['https://fhir2.ehr.example.org:443'], /written as https:\/\/fhir2\.ehr\.example\.org$/],
      [['http://fhir2.ehr.example.org'], /https origin \(http only for localhost\)/],
      [['https://*.ehr.example.org'], /one host \(no wildcard\)/],
      [['*'], /not an origin/],
      [['ftp://fhir2.ehr.example.org'], /https origin/],
      [['javascript:alert(1)'], /https origin/],
      [[''], /must be an origin/],
      [[42], /must be an origin/],
      [["https://fhir2.ehr.example.org 'unsafe-inline'"], /not an origin|origin only/],
    ];
    for (const [value, message] of cases) {
      expect(() => withOrigins(value), JSON.stringify(value)).toThrow(ConfigError);
      expect(() => withOrigins(value), JSON.stringify(value)).toThrow(message);
    }
  });
});
