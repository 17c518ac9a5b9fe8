/**
 * `clinic` in smart-config.json (issue 11 point 4): the name and telephone number the handout
 * prints, checked strictly so that what prints is exactly what the site wrote.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../../../src/config/runtime-config.js';

const base = { clientId: 'app', scope: 'launch patient/*.rs', allowedIssuers: ['https://ehr.example/fhir'] };

describe('runtime configuration: clinic', () => {
  it('reads a name and a phone, or a name alone', () => {
    expect(parseRuntimeConfig({ ...base, clinic: { name: 'Riverside Family Practice', phone: '+1 (555) 010-0100 x 12' } }).clinic).toEqual({ name: 'Riverside Family Practice', phone: '+1 (555) 010-0100 x 12' });
    expect(parseRuntimeConfig({ ...base, clinic: { name: 'Clínica Norte' } }).clinic).toEqual({ name: 'Clínica Norte' });
    expect(parseRuntimeConfig(base).clinic).toBeUndefined();
  });

  it.each([
    [{ clinic: 'Riverside' }, /clinic must be an object/],
    [{ clinic: { name: '' } }, /clinic.name/],
    [{ clinic: { name: 'Riverside\u202E' } }, /clinic.name/],
    [{ clinic: { name: 'A\nB' } }, /clinic.name/],
    [{ clinic: { name: 'x'.repeat(81) } }, /clinic.name/],
    [{ clinic: { name: 'Riverside', phone: 'call us' } }, /clinic.phone/],
    [{ clinic: { name: 'Riverside', phone: 5550100 } }, /clinic.phone/],
    [{ clinic: { name: 'Riverside', telephone: '555-0100' } }, /only a name and a phone/],
  ])('refuses %j with a readable message', (extra, message) => {
    expect(() => parseRuntimeConfig({ ...base, ...extra })).toThrow(ConfigError);
    expect(() => parseRuntimeConfig({ ...base, ...extra })).toThrow(message);
  });

  it('ships without a clinic (a site adds its own; no made-up number is ever printed), and asks to read the Organization of the launch', () => {
    const shipped = parseRuntimeConfig(JSON.parse(readFileSync(new URL('../../../public/smart-config.json', import.meta.url), 'utf8')));
    expect(shipped.clinic).toBeUndefined();
    expect(shipped.scope.split(' ')).toEqual(expect.arrayContaining(['patient/Organization.rs', 'patient/Encounter.rs']));
  });
});
