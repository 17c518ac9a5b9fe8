/**
 * redflag-vte-risk under the rule catalogue's second round: SERMs count like raloxifene (S43);
 * active cancer is the Wells definition (S42: diagnosis or treatment within 6 months); a pregnancy
 * recorded years ago and never closed is not a pregnancy; a stale estrogen order is a question.
 * As of 2026-11-21 the 6-month window starts 2026-05-21, the 10-month one 2026-01-21.
 */
import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';

const RULE = 'redflag-vte-risk';
const CALF = 'calf-swelling';
const woman = () => new BundleBuilder({ gender: 'female', birthDate: '1961-02-11' });
/** The calf question answered no, so only the risk factors decide. */
const asked = (b: BundleBuilder) => b.checklist({ [CALF]: 'no' }, '2026-11-21', 'qr');
const colonCancer = (onset: string) => ({ id: 'ca', snomed: '363406005', display: 'Malignant tumor of colon', onset });

describe(`${RULE}: SERMs with VTE warnings (S43)`, () => {
  it.each([
    ['tamoxifen by name', { text: 'Tamoxifen 20 MG Oral Tablet' }],
    ['tamoxifen by ATC', { atc: 'L02BA01' }],
    ['toremifene (Fareston)', { text: 'Fareston 60 MG Oral Tablet' }],
    ['bazedoxifene with conjugated estrogens (Duavee)', { text: 'Duavee 0.45 MG / 20 MG Oral Tablet' }],
    ['ospemifene (Osphena)', { text: 'Osphena 60 MG Oral Tablet' }],
  ])('flags %s as a DVT risk factor, prompt', (_name, drug) => {
    const f = expectOutcome(asked(woman().medicationRequest({ id: 'serm', ...drug, date: '2026-07-01' })), RULE, 'flagged');
    expect(triggers(f)).toContainEqual(expect.objectContaining({ resourceType: 'MedicationRequest', id: 'serm' }));
    expect(f.urgency).toBe('prompt');
    // Tamoxifen and toremifene are also endocrine cancer therapy (ATC L02): the summary may name active cancer too.
    expect(f.summary).toMatch(/^DVT risk \(estrogen or a SERM(, active cancer)?\): check for DVT before calling calf pain a cramp$/);
  });

  it('does not count a stopped SERM, and makes a stale tamoxifen order a question', () => {
    expectOutcome(asked(woman().medicationRequest({ text: 'Osphena 60 MG Oral Tablet', status: 'stopped', date: '2026-07-01' })), RULE, 'not-flagged');
    // Tamoxifen stopped within 6 months is still anticancer treatment within 6 months (Wells).
    const stopped = expectOutcome(asked(woman().medicationRequest({ text: 'Tamoxifen 20 MG', status: 'stopped', date: '2026-07-01' })), RULE, 'flagged');
    expect(stopped.summary).toBe('DVT risk (active cancer): check for DVT before calling calf pain a cramp');
    const f = expectOutcome(asked(woman().medicationRequest({ text: 'Tamoxifen 20 MG', date: '2012-03-01' })), RULE, 'insufficient-data');
    expect(f.missing).toContainEqual('whether the patient still takes tamoxifen (order from 2012 still marked active; nothing since)');
  });
});

describe(`${RULE}: active cancer is the Wells definition (S42)`, () => {
  it('flags a cancer diagnosed within 6 months (onset 2026-05-21); one diagnosed the day before, untreated, does not fire', () => {
    const recent = expectOutcome(asked(woman().condition(colonCancer('2026-05-21'))), RULE, 'flagged');
    expect(triggers(recent)).toEqual([expect.objectContaining({ id: 'ca', note: expect.stringContaining('onset 2026-05-21, within 6 months') })]);
    expect(recent.summary).toBe('DVT risk (active cancer): check for DVT before calling calf pain a cramp');
    expectOutcome(asked(woman().condition(colonCancer('2026-05-20'))), RULE, 'not-flagged');
  });

  it('shows a cancer on record since 2006 beside the finding and asks whether it is still being treated', () => {
    const f = expectOutcome(asked(woman().condition(colonCancer('2006-03-14'))), RULE, 'not-flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'ca', role: 'checked', note: expect.stringContaining('cancer on record since 2006-03-14: ask whether it is still being treated') }));
    expect(f.questions).toEqual(['whether the cancer on record since 2006-03-14 ("Malignant tumor of colon") is still being treated']);
    // Beside another risk factor the question stays.
    const withPill = expectOutcome(asked(woman().condition(colonCancer('2006-03-14')).medicationRequest({ text: 'Tamoxifen 20 MG', date: '2026-09-01' })), RULE, 'flagged');
    expect(withPill.questions).toEqual(['whether the cancer on record since 2006-03-14 ("Malignant tumor of colon") is still being treated']);
  });

  it('counts anticancer treatment within 6 months with or without a recent diagnosis: chemotherapy given, an endocrine therapy in use, an L01 code', () => {
    const old = () => asked(woman().condition(colonCancer('2006-03-14')));
    for (const b of [
      old().medicationAdministration({ id: 'rx', text: 'Oxaliplatin 5 MG/ML Injection', date: '2026-06-02T10:00:00Z' }),
      old().medicationRequest({ id: 'rx', text: 'Anastrozole 1 MG Oral Tablet', date: '2026-02-01' }),
      old().medicationRequest({ id: 'rx', atc: 'L01XC07', status: 'completed', date: '2026-10-01' }),
      woman().checklist({ [CALF]: 'no' }, '2026-11-21').medicationRequest({ id: 'rx', text: 'Letrozole 2.5 MG Oral Tablet', date: '2026-08-01' }),
    ]) {
      const f = expectOutcome(b, RULE, 'flagged');
      expect(triggers(f)).toContainEqual(expect.objectContaining({ id: 'rx', note: expect.stringContaining('anticancer treatment') }));
    }
  });

  it('does not count treatment over 6 months ago, a chemotherapy order from 1971 never closed, or a cancelled order', () => {
    const old = () => asked(woman().condition(colonCancer('2006-03-14')));
    expectOutcome(old().medicationAdministration({ text: 'Oxaliplatin 5 MG/ML Injection', date: '2026-05-20T10:00:00Z' }), RULE, 'not-flagged');
    expectOutcome(old().medicationRequest({ text: 'Cisplatin 50 MG Injection', date: '1971-04-01' }), RULE, 'not-flagged');
    expectOutcome(old().medicationRequest({ text: 'Cisplatin 50 MG Injection', status: 'cancelled', date: '2026-10-01' }), RULE, 'not-flagged');
  });

  it('does not read "history of" or "in remission" as cancer, as before', () => {
    expectOutcome(asked(woman().condition({ text: 'History of breast cancer', onset: '2026-10-01' })), RULE, 'not-flagged');
  });
});

describe(`${RULE}: a pregnancy that ended long ago`, () => {
  const young = () => new BundleBuilder({ gender: 'female', birthDate: '1993-02-11' });

  it('does not count a pregnancy Condition from five years ago that nobody closed, and asks about it', () => {
    const f = expectOutcome(asked(young().condition({ id: 'preg', icd10: 'Z34.90', display: 'Encounter for supervision of normal pregnancy', onset: '2021-06-01' })), RULE, 'not-flagged');
    expect(f.questions).toEqual([expect.stringContaining('on record since 2021-06-01, still marked active')]);
    const cond = expectOutcome(asked(young().condition({ id: 'preg', icd10: 'Z34.90', display: 'Encounter for supervision of normal pregnancy', onset: '2021-06-01' })), 'cond-pregnancy', 'not-flagged');
    expect(cond.evidence).toEqual([expect.objectContaining({ id: 'preg', role: 'checked', note: expect.stringContaining('not counted') })]);
    expect(cond.questions).toHaveLength(1);
  });

  it('still flags a pregnancy that began within 10 months', () => {
    expectOutcome(asked(young().condition({ icd10: 'Z34.90', display: 'Encounter for supervision of normal pregnancy', onset: '2026-03-01' })), RULE, 'flagged');
  });
});
