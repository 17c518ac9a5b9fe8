/**
 * No wording turns a source the app could not read into an absence (issue 10, point 2): where a
 * rule's text says what is "not shown beside it" or that there is "no" result, it says "could not
 * be read" when that source failed, was cut short, was not authorised or is not offered, and it
 * still names what it could read.
 */
import { describe, expect, it } from 'vitest';
import type { SourceStatus } from '../../../rules/engine/record.js';
import { finding, runWithSources } from '../../support/evaluate.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1950-02-11' });
const on = (text: string) => patient().medicationRequest({ id: 'drug', text, date: '2026-09-01' });
const ELECTROLYTES = ['potassium', 'magnesium', 'sodium'] as const;
const all = (status: SourceStatus) => Object.fromEntries(ELECTROLYTES.map((a) => [`Observation:${a}`, status]));

const FAILED: SourceStatus = { state: 'failed', reason: 'server error (HTTP 503)' };
const CUT_SHORT: SourceStatus = { state: 'truncated', reason: 'stopped after 20 pages' };
const REFUSED: SourceStatus = { state: 'not-authorised', reason: 'the server refused access (HTTP 403)' };

describe('med-loop-diuretic: the electrolytes beside it', () => {
  const detail = (sources: Record<string, SourceStatus>, b = on('Furosemide 40 MG Oral Tablet')) => {
    const f = finding(runWithSources(b, sources), 'med-loop-diuretic');
    expect(f.outcome).toBe('flagged');
    return f.detail;
  };

  it('all read, none low: says none is shown (none low, or none measured)', () => {
    expect(detail({})).toContain('No low potassium, magnesium or sodium is shown beside it (none low, or none measured in the last 3 months).');
  });

  it.each([
    ['failed', FAILED, 'Potassium, magnesium and sodium results could not be read (server error (HTTP 503)), so a low value beside it cannot be ruled out.'],
    ['cut short', CUT_SHORT, 'Potassium, magnesium and sodium results could not be read in full (only partly read: stopped after 20 pages), so a low value beside it cannot be ruled out.'],
    ['not authorised', REFUSED, 'Potassium, magnesium and sodium results could not be read (not authorised: the server refused access (HTTP 403)), so a low value beside it cannot be ruled out.'],
  ])('lab query %s: "could not be read", never "no low ... shown"', (_, status, sentence) => {
    const text = detail(all(status));
    expect(text).toContain(sentence);
    expect(text).not.toMatch(/No low potassium|none low|none measured/);
  });

  it('a low potassium read and a magnesium that could not be read: both are said', () => {
    const b = on('Furosemide 40 MG Oral Tablet').lab({ loinc: '2823-3', value: 3.1, unit: 'mmol/L', date: '2026-11-10' });
    const text = detail({ 'Observation:magnesium': { state: 'not-authorised' } }, b);
    expect(text).toContain('Shown beside it: low potassium 3.1 mmol/L (2026-11-10).');
    expect(text).toContain('Magnesium results could not be read (not authorised), so a low value beside it cannot be ruled out.');
    expect(text).not.toContain('No low potassium');
  });

  it('only the sources that were not read are named, each reason once', () => {
    const text = detail({ 'Observation:potassium': FAILED, 'Observation:sodium': { state: 'unsupported', reason: 'this EHR does not offer Observation' } });
    expect(text).toContain('Potassium results could not be read (server error (HTTP 503)); sodium results could not be read (not offered by this EHR), so a low value beside it cannot be ruled out.');
  });
});

describe('other drugs shown with the electrolytes they lower say when those could not be read', () => {
  it.each([
    ['med-thiazide-diuretic', 'Hydrochlorothiazide 25 MG Oral Tablet', 'Potassium, magnesium and sodium results'],
    ['med-potassium-sparing-diuretic', 'spironolactone 25 MG Oral Tablet', 'Magnesium and sodium results'],
    ['med-short-acting-beta-agonist', 'albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', 'Potassium results'],
    ['med-carbonic-anhydrase-inhibitor', 'acetazolamide 250 MG Oral Tablet', 'Potassium results'],
    ['med-neurotoxic-chemotherapy', 'cisplatin 1 MG/ML Injectable Solution', 'Magnesium results'],
  ])('%s', (ruleId, drug, which) => {
    const read = finding(runWithSources(on(drug), {}), ruleId);
    expect(read.outcome).toBe('flagged');
    expect(read.detail).not.toContain('could not be read');
    const unread = finding(runWithSources(on(drug), all(FAILED)), ruleId);
    expect(unread.outcome).toBe('flagged');
    expect(unread.detail).toContain(`${which} could not be read (server error (HTTP 503)), so a low value beside it cannot be ruled out.`);
  });
});

describe('lab-thyroid-dysfunction: the free T4 beside a TSH outside the range', () => {
  const tsh = () => patient().lab({ loinc: '3016-3', value: 9.4, unit: 'm[IU]/L', low: 0.4, high: 4.5, date: '2026-10-01' });

  it('none in the lookback: says there is none to confirm it', () => {
    expect(finding(runWithSources(tsh(), {}), 'lab-thyroid-dysfunction').detail).toContain('No free T4 in the last 12 months to confirm it.');
  });

  it.each([
    ['failed', FAILED, 'Free T4 results could not be read (server error (HTTP 503)), so it could not be used to confirm it.'],
    ['not authorised', REFUSED, 'Free T4 results could not be read (not authorised: the server refused access (HTTP 403)), so it could not be used to confirm it.'],
    ['cut short', CUT_SHORT, 'Free T4 results could not be read in full (only partly read: stopped after 20 pages), so it could not be used to confirm it.'],
  ])('free T4 source %s: "could not be read", never "no free T4"', (_, status, sentence) => {
    const f = finding(runWithSources(tsh(), { 'Observation:t4-free': status }), 'lab-thyroid-dysfunction');
    expect(f.outcome).toBe('flagged');
    expect(f.detail).toContain(sentence);
    expect(f.detail).not.toContain('No free T4');
  });
});

describe('red flags that could not be excluded say why: a result that could not be read is not "no usable result"', () => {
  it('redflag-severe-electrolyte: every electrolyte query failed', () => {
    const none = finding(runWithSources(patient(), {}), 'redflag-severe-electrolyte');
    expect(none.summary).toBe('Electrolytes not checked for dangerous levels: no usable results in the last 3 months');
    const failed = finding(runWithSources(patient(), Object.fromEntries(['potassium', 'magnesium', 'sodium', 'calcium-total', 'calcium-corrected', 'calcium-ionised', 'albumin'].map((a) => [`Observation:${a}`, FAILED]))), 'redflag-severe-electrolyte');
    expect(failed.outcome).toBe('insufficient-data');
    expect(failed.summary).toBe('Electrolytes could not be checked for dangerous levels: the laboratory results could not be read');
  });

  it('redflag-nocturnal-hypoglycemia: on a sulfonylurea with the glucose results not authorised', () => {
    const b = () => on('glipizide 5 MG Oral Tablet');
    expect(finding(runWithSources(b(), {}), 'redflag-nocturnal-hypoglycemia').summary).toBe('On glipizide, but no usable glucose in the last 12 months to check for hypoglycaemia');
    const refused = finding(runWithSources(b(), { 'Observation:glucose': REFUSED, 'Observation:glucose-fasting': REFUSED }), 'redflag-nocturnal-hypoglycemia');
    expect(refused.outcome).toBe('insufficient-data');
    expect(refused.summary).toBe('On glipizide, but the glucose results could not be read to check for hypoglycaemia');
  });

  it('redflag-rhabdomyolysis: the CK query cut short', () => {
    expect(finding(runWithSources(patient(), {}), 'redflag-rhabdomyolysis').summary).toBe('Rhabdomyolysis not excluded: no usable CK in the last 12 months');
    const cut = finding(runWithSources(patient(), { 'Observation:ck': CUT_SHORT }), 'redflag-rhabdomyolysis');
    expect(cut.outcome).toBe('insufficient-data');
    expect(cut.summary).toBe('Rhabdomyolysis not excluded: the CK results could not be read');
  });
});
