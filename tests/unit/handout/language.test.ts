/**
 * The handout's default language is the patient's preferred language when it is one the handout
 * has (BCP-47, any region), else English.
 */
import { describe, expect, it } from 'vitest';
import { defaultLanguage, formatDay, isLanguage } from '../../../src/handout/language.js';
import { BundleBuilder, scenario } from '../../support/handout.js';

describe('defaultLanguage', () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['ES_us', 'es'],
    ['en-GB', 'en'],
    ['fr-CA', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, lang) => {
    expect(defaultLanguage(tag)).toBe(lang);
  });

  it('reads Patient.communication through the mappers', () => {
    expect(defaultLanguage(scenario(new BundleBuilder({ gender: 'female', birthDate: '1960-01-01', language: 'es-MX' })).preferredLanguage)).toBe('es');
  });

  it('knows its languages', () => {
    expect(isLanguage('es')).toBe(true);
    expect(isLanguage('de')).toBe(false);
  });
});

describe('formatDay', () => {
  it('writes the day in words without a time-zone shift, and leaves a malformed day as it is', () => {
    expect(formatDay('2026-01-01', 'en')).toBe('January 1, 2026');
    expect(formatDay('2026-12-31', 'es')).toBe('31 de diciembre de 2026');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});
