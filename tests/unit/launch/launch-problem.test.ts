/**
 * What the app shows instead of a review: for the wrong patient (rule catalogue, second round), a
 * plain stop that says the EHR returned another patient's record and carries nothing from it.
 */
import { describe, expect, it } from 'vitest';
import { problemFor } from '../../../src/app/launch-problem.js';
import { ConfigError } from '../../../src/config/runtime-config.js';
import { LaunchError } from '../../../src/fhir/session.js';
import { WrongPatientError } from '../../../src/fhir/wrong-patient.js';

describe('problemFor', () => {
  it('stops on the wrong patient with its own title and a message that names no one', () => {
    const p = problemFor(new WrongPatientError());
    expect(p).toEqual({ kind: 'problem', title: 'The EHR returned another patient’s record', message: expect.stringContaining('nothing from it is shown') });
    expect(Object.keys(p).sort()).toEqual(['kind', 'message', 'title']);
    expect(p.message).toContain('open the app again from that patient’s record');
  });

  it('keeps the other problems as they were', () => {
    expect(problemFor(new LaunchError('relaunch-needed', 'Session expired or page reloaded: relaunch the app from the EHR.'))).toEqual({ kind: 'problem', title: 'Session expired', message: 'Session expired or page reloaded: relaunch the app from the EHR.' });
    expect(problemFor(new LaunchError('unknown-issuer', 'untrusted'))).toEqual({ kind: 'problem', title: 'The app could not start', message: 'untrusted' });
    expect(problemFor(new ConfigError('clientId is missing or malformed')).title).toBe('The app is not configured correctly');
    expect(problemFor({ sessionExpired: true }).title).toBe('Session expired');
    expect(problemFor(new Error('boom'))).toEqual({ kind: 'problem', title: 'The app could not start', message: 'Something went wrong while reading the record. Relaunch the app from the EHR.' });
  });
});
