/**
 * The page the app shows after a reload (src/app/launch-problem.ts): what was lost, what comes back,
 * and how to avoid losing it next time; a first visit without a launch is not called a reload.
 */
import { describe, expect, it } from 'vitest';
import { notLaunched, PAGE_RELOADED, problemFor } from '../../../src/app/launch-problem.js';
import { ConfigError, parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import { LaunchError } from '../../../src/fhir/session.js';

const bareAddress = () => new LaunchError('relaunch-needed', 'Session expired or page reloaded: relaunch the app from the EHR.');

describe('a reload', () => {
  it('says the review was cleared, what it held, that saved answers come back, and to save or copy the note first', () => {
    const p = problemFor(bareAddress(), 'reload');
    expect(p).toBe(PAGE_RELOADED);
    expect(p.title).toBe('Page reloaded: this visit’s review was cleared');
    for (const words of ['checklist answers', 'your marks and reasons', 'the cramp frequency', 'the chart note', 'never stores anything about the patient in the browser', 'Relaunch the app from the patient’s record in the EHR: checklist answers saved to the record come back', 'save the note to the record or copy it into the chart before you leave or reload']) {
      expect(p.message).toContain(words);
    }
  });

  it('is only for a reload: another way of reaching the bare address, or another problem, keeps its own message', () => {
    expect(problemFor(bareAddress(), 'navigate').title).not.toBe(PAGE_RELOADED.title);
    expect(problemFor(bareAddress(), undefined).title).not.toBe(PAGE_RELOADED.title);
    expect(problemFor(new LaunchError('state-mismatch', 'mismatch'), 'reload')).toEqual({ kind: 'problem', title: 'The app could not start', message: 'mismatch' });
  });
});

describe('the app opened without a launch', () => {
  it('says how to start the app, links to the EHR page when the configuration names one, and is not called an expired session', () => {
    const err = bareAddress();
    err.ehrPageUrl = 'http://127.0.0.1:8090/ehr';
    const p = problemFor(err, 'navigate');
    expect(p.title).toBe('Open this app from a patient’s record');
    expect(p.message).toContain('launch “Night leg cramps” from it');
    expect(p.message).not.toMatch(/expired|reload/i);
    expect(p.link).toEqual({ href: 'http://127.0.0.1:8090/ehr', text: 'Open the EHR’s patient list' });
    expect(problemFor(bareAddress(), 'navigate').link).toBeUndefined();
  });

  it('never links anywhere but http(s)', () => {
    expect(notLaunched('javascript:alert(1)').link).toBeUndefined();
  });
});

describe('ehrPageUrl in the runtime configuration', () => {
  const base = { clientId: 'app', scope: 'launch', allowedIssuers: ['http://127.0.0.1:8090/fhir'] };
  it('is optional, kept when an http(s) URL, refused otherwise', () => {
    expect(parseRuntimeConfig(base).ehrPageUrl).toBeUndefined();
    expect(parseRuntimeConfig({ ...base, ehrPageUrl: 'https://ehr.example/patients' }).ehrPageUrl).toBe('https://ehr.example/patients');
    expect(() => parseRuntimeConfig({ ...base, ehrPageUrl: 'javascript:alert(1)' })).toThrow(ConfigError);
  });
});
