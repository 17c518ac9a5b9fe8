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
  /** A place to go next (the EHR's patient list), only ever an http(s) URL from the runtime configuration. */
  readonly link?: { readonly href: string; readonly text: string };
}

/**
 * The app's address opened directly (typed, bookmarked, or `npm start`'s App line): nothing was
 * lost and nothing expired, the app simply starts from a patient's record in the EHR.
 */
export function notLaunched(ehrPageUrl?: string): LaunchProblem {
  const link = ehrPageUrl && /^https?:\/\//i.test(ehrPageUrl) ? { href: ehrPageUrl, text: 'Open the EHR’s patient list' } : undefined;
  return {
    kind: 'problem',
    title: 'Open this app from a patient’s record',
    message: 'This app starts from the EHR: open the patient’s record there and launch “Night leg cramps” from it (an EHR launch), or start it on its own at launch/ and pick the patient (a standalone launch).',
    ...(link ? { link } : {}),
  };
}

/**
 * After a reload: the review lived in the page only (nothing about the patient is stored in the
 * browser, architecture "SMART launch"), so say what was lost, what comes back, and how to keep it.
 */
export const PAGE_RELOADED: LaunchProblem = {
  kind: 'problem',
  title: 'Page reloaded: this visit’s review was cleared',
  message:
    'The page was reloaded, so the review on it is gone: the checklist answers, your marks and reasons, the cramp frequency and the chart note. The app keeps them only while the page is open and never stores anything about the patient in the browser. Relaunch the app from the patient’s record in the EHR: checklist answers saved to the record come back. Next time, save the note to the record or copy it into the chart before you leave or reload the page.',
};

/** How this page was reached (Navigation Timing: navigate, reload, back_forward, prerender); undefined when not known. */
export function navigationType(): string | undefined {
  try {
    const entry = globalThis.performance?.getEntriesByType?.('navigation')[0] as { type?: unknown } | undefined;
    return typeof entry?.type === 'string' ? entry.type : undefined;
  } catch {
    return undefined;
  }
}

export function problemFor(err: unknown, navigation: string | undefined = navigationType()): LaunchProblem {
  if (err instanceof WrongPatientError) {
    // Rule catalogue, second round ("the wrong patient"): stop, and show nothing of either record.
    return {
      kind: 'problem',
      title: 'The EHR returned another patient’s record',
      message: 'The record the EHR sent belongs to a different patient from the one this app was opened for, so nothing from it is shown. Close the app, check which patient is open in the EHR, and open the app again from that patient’s record. If this happens again, tell the EHR support team.',
    };
  }
  if (err instanceof LaunchError) {
    // A page with no sign-in in its address, reached by reloading: the review that was on it is lost.
    if (err.problem === 'relaunch-needed' && navigation === 'reload') return PAGE_RELOADED;
    // Reached by typing or following a link, with no sign-in in the address: not launched at all.
    if (err.problem === 'relaunch-needed' && navigation === 'navigate') return notLaunched(err.ehrPageUrl);
    const title = err.problem === 'relaunch-needed' ? 'Session expired' : 'The app could not start';
    return { kind: 'problem', title, message: err.message };
  }
  if (err instanceof ConfigError) return { kind: 'problem', title: 'The app is not configured correctly', message: err.message };
  if (typeof err === 'object' && err !== null && 'sessionExpired' in err) {
    return { kind: 'problem', title: 'Session expired', message: 'Session expired: relaunch the app from the EHR.' };
  }
  return { kind: 'problem', title: 'The app could not start', message: 'Something went wrong while reading the record. Relaunch the app from the EHR.' };
}
