import { describe, expect, it } from 'vitest';
import { retryableQueryNames } from '../../../src/review/retryable-queries.js';

const q = (name: string, status: { state: 'complete' | 'truncated' | 'failed' | 'unsupported' | 'not-authorised'; reason?: string }, requests = 1) => ({ query: { name }, status, requests });

describe('retryableQueryNames', () => {
  it('retries failed queries and refusals the server gave, never a scope that was not granted, a complete, unsupported or truncated one', () => {
    expect(
      retryableQueryNames([
        q('Patient', { state: 'complete' }),
        q('Observation: electrolytes', { state: 'failed', reason: 'server error (HTTP 503)' }),
        q('MedicationStatement', { state: 'not-authorised', reason: 'the server refused access (HTTP 403)' }),
        q('MedicationDispense', { state: 'not-authorised', reason: 'scope patient/MedicationDispense.rs was not granted' }, 0),
        q('MedicationAdministration', { state: 'unsupported' }),
        q('Condition', { state: 'truncated', reason: 'stopped after 20 pages' }),
      ]),
    ).toEqual(['Observation: electrolytes', 'MedicationStatement']);
  });
});
