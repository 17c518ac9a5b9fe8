/**
 * What the app shows when there is nothing to review: a title and one plain message, never a blank
 * page, and never anything from the record (no name, no findings, no handout).
 */
import { ConfigError } from '../config/runtime-config.js';
import { LaunchError } from '../fhir/session.js';
import { WrongPatientError } from '../fhir/wrong-patient.js';

export interface LaunchProblem {
  readonly kind: 'problem';
  readonly title: string;
  readonly message: string;
}

export function problemFor(err: unknown): LaunchProblem {
  if (err instanceof WrongPatientError) {
    // Rule catalogue, second round ("the wrong patient"): stop, and show nothing of either record.
    return {
      kind: 'problem',
      title: 'The EHR returned another patient’s record',
      message: 'The record the EHR sent belongs to a different patient from the one this app was opened for, so nothing from it is shown. Close the app, check which patient is open in the EHR, and open the app again from that patient’s record. If this happens again, tell the EHR support team.',
    };
  }
  if (err instanceof LaunchError) {
    const title = err.problem === 'relaunch-needed' ? 'Session expired' : 'The app could not start';
    return { kind: 'problem', title, message: err.message };
  }
  if (err instanceof ConfigError) return { kind: 'problem', title: 'The app is not configured correctly', message: err.message };
  if (typeof err === 'object' && err !== null && 'sessionExpired' in err) {
    return { kind: 'problem', title: 'Session expired', message: 'Session expired: relaunch the app from the EHR.' };
  }
  return { kind: 'problem', title: 'The app could not start', message: 'Something went wrong while reading the record. Relaunch the app from the EHR.' };
}
