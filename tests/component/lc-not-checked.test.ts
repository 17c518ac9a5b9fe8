import { describe, expect, it } from 'vitest';
import '../../src/components/lc-checked-clear.js';
import '../../src/components/lc-findings-list.js';
import '../../src/components/lc-not-checked.js';
import { groupFindings } from '../../src/review/group-findings.js';
import { recordQuestions } from '../../src/review/record-questions.js';
import { sourceProblems } from '../../src/review/source-status.js';
import { atWidths, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';
import { failingReport, richReport, staleRecordReport } from './support/scenarios.js';

describe('lc-not-checked', () => {
  it('says plainly that the app could not look, with each reason named by kind', async () => {
    const el = await mount('lc-not-checked', { items: groupFindings(failingReport().findings).notChecked });
    const text = visibleText(el);
    expect(text).toMatch(/^Could not be checked \(\d+\) The app could not look for these, so they are not ruled out\./);
    expect(text).toMatch(/Query failed: \d+/);
    expect(text).toMatch(/Only partly read: \d+/);
    expect(text).toMatch(/Not authorised: \d+/);
    expect(text).toMatch(/No usable result in the lookback: \d+/);
    expect(text).toMatch(/Not asked yet: \d+/);

    // Causes other than red flags sit in groups whose summary already says how many and why.
    const conditions = deepQuery<HTMLDetailsElement>(el, 'details[data-group="conditions"]');
    expect(visibleText(conditions)).toMatch(/^Conditions \(\d+\): Query failed \d+$/);
    const medications = visibleText(deepQuery(el, 'details[data-group="medications"]'));
    expect(medications).toMatch(/^Medications \(\d+\): Only partly read \d+$/);
    conditions.open = true;
    const diabetes = visibleText(deepQuery(el, '[data-rule-id="cond-diabetes"]'));
    expect(diabetes).toBe('Diabetes mellitus Query failed: conditions could not be read (HTTP 503 from the FHIR server), so diabetes mellitus cannot be ruled out');
    const severe = visibleText(deepQuery(el, '[data-rule-id="redflag-severe-electrolyte"]'));
    expect(severe).toMatch(/^Red flag not excluded: Dangerous electrolyte level/);
    expect(severe).toContain('No usable result in the lookback: no usable calcium');
    // A red flag that only waits for a checklist answer is a question to ask (the summary lists it), not "not excluded".
    expect(deepQueryAll(el, '[data-rule-id="redflag-cauda-equina"]')).toHaveLength(0);
    // One that also lacks data stays, with the unasked question among its reasons.
    const rhabdo = visibleText(deepQuery(el, '[data-rule-id="redflag-rhabdomyolysis"]'));
    expect(rhabdo).toMatch(/^Red flag not excluded: /);
    expect(rhabdo).toContain('Not asked yet: ');
  });

  it('never words what it could not check as found or not found', async () => {
    const el = await mount('lc-not-checked', { items: groupFindings(failingReport().findings).notChecked });
    for (const d of deepQueryAll<HTMLDetailsElement>(el, 'details')) d.open = true;
    expect(visibleText(el)).not.toMatch(/nothing found|not found|no .* found|none found|all clear|normal/i);
  });

  it('lists red flags that could not be excluded before anything else', async () => {
    const el = await mount('lc-not-checked', { items: groupFindings(failingReport().findings).notChecked });
    const ids = deepQueryAll(el, '.items > li').map((li) => li.dataset.ruleId ?? '');
    const lastRedFlag = ids.map((id) => id.startsWith('redflag-')).lastIndexOf(true);
    expect(ids.slice(0, lastRedFlag + 1).every((id) => id.startsWith('redflag-'))).toBe(true);
    expect(lastRedFlag).toBeGreaterThan(3);
  });

  it('has no axe violations at 360 and 1280 px, closed and open', async () => {
    const el = await mount('lc-not-checked', { items: groupFindings(failingReport().findings).notChecked });
    await atWidths(() => expectNoAxeViolations(el));
    for (const d of deepQueryAll<HTMLDetailsElement>(el, 'details')) d.open = true;
    await atWidths(() => expectNoAxeViolations(el));
  });
});

describe('lc-checked-clear', () => {
  it('is compact and collapsed, and lists only what was checked', async () => {
    const clear = groupFindings(richReport().findings).checkedClear;
    const el = await mount('lc-checked-clear', { findings: clear });
    expect(visibleText(el)).toBe(`Checked and not found (${clear.length}) The record was read and does not show these. Show what was checked`);
    deepQuery<HTMLDetailsElement>(el, 'details').open = true;
    expect(visibleText(el)).toContain('No thiazide or thiazide-like diuretic in use');
    expect(deepQueryAll(el, 'li').map((li) => li.dataset.ruleId)).toEqual(clear.map((f) => f.ruleId));
    await atWidths(() => expectNoAxeViolations(el));
  });
});

describe('lc-findings-list', () => {
  it('groups likely contributors with counts, strongest evidence first, as cards with data-rule-id', async () => {
    const g = groupFindings(richReport().findings);
    const el = await mount('lc-findings-list', { groups: g.contributors });
    const text = visibleText(el);
    expect(text).toMatch(/^Likely contributors \(8\) Medications \(4\)/);
    expect(text.indexOf('Laboratory results (3)')).toBeGreaterThan(text.indexOf('Medications (4)'));
    expect(text.indexOf('Conditions (1)')).toBeGreaterThan(text.indexOf('Laboratory results (3)'));
    const cards = deepQueryAll(el, 'lc-finding-card');
    expect(cards.map((c) => c.dataset.ruleId)).toEqual([
      'med-potassium-sparing-diuretic',
      'med-statin',
      'med-estrogen',
      'med-loop-diuretic',
      'lab-low-magnesium',
      'lab-low-potassium',
      'lab-reduced-kidney-function',
      'cond-varicose-veins',
    ]);
    expect(visibleText(cards[0]!)).toContain('Evidence grade A');
    await atWidths(() => expectNoAxeViolations(el));
  });

  it('keeps an opened disclosure with its finding when a re-run inserts a finding above it', async () => {
    const el = await mount('lc-findings-list', { groups: groupFindings(richReport().findings).contributors });
    const statin = deepQuery(el, 'lc-finding-card[data-rule-id="med-statin"]');
    deepQuery<HTMLDetailsElement>(statin, 'details').open = true;
    // Tonic water for the cramps, ticked on the checklist: the quinine warning (grade A) joins the medications.
    el.groups = groupFindings(richReport({ 'tonic-water-for-cramps': 'yes' }).findings).contributors;
    await settle(el);
    const cards = deepQueryAll(el, 'lc-finding-card');
    expect(cards.map((c) => c.dataset.ruleId).slice(0, 3)).toEqual(['med-potassium-sparing-diuretic', 'safety-quinine', 'med-statin']);
    const open = cards.filter((c) => deepQuery<HTMLDetailsElement>(c, 'details').open).map((c) => c.dataset.ruleId);
    expect(open).toEqual(['med-statin']);
    expect(deepQuery(el, 'lc-finding-card[data-rule-id="med-statin"]')).toBe(statin);
  });

  it('with nothing flagged, says so without claiming nothing is there, and points at the gaps', async () => {
    const el = await mount('lc-findings-list', { groups: [], notCheckedCount: 17 });
    expect(visibleText(el)).toBe('Likely contributors (0) No likely contributor was flagged among the causes the app could check. 17 causes could not be checked: see "Could not be checked".');
  });
});

describe('lc-not-checked on a real-world record (second round)', () => {
  it('names the sources it could not read in plain words, and asks about orders and conditions that may be out of date', async () => {
    const report = staleRecordReport();
    const el = await mount('lc-not-checked', {
      items: groupFindings(report.findings).notChecked,
      sources: sourceProblems(report.dataStatus.sources),
      questions: recordQuestions(report.findings),
    });
    const sources = visibleText(deepQuery(el, '[data-part="sources"]'));
    expect(sources).toBe(
      'Data the app could not read Medication lists (MedicationStatement): not offered by this EHR Laboratory results (Observation): potassium, sodium: could not be read (server error (HTTP 503))',
    );
    const questions = deepQueryAll(el, '[data-part="questions"] li');
    // In the engine's order: the DVT red flag's question first.
    expect(questions.map((q) => visibleText(q))).toEqual([
      'Ask whether the cancer on record since 1988-03-14 ("Malignant tumor of colon") is still being treated.',
      'Ask whether the patient still takes hydrochlorothiazide (order from 1974 still marked active; nothing since).',
    ]);
    expect(questions[0]!.dataset.ruleIds).toBe('redflag-vte-risk');
    expect(questions[1]!.dataset.ruleIds?.split(' ')).toEqual(expect.arrayContaining(['med-thiazide-diuretic', 'gap-diuretic-without-electrolytes']));
    expect(visibleText(el)).not.toMatch(/not found|none found/i);
    await atWidths(() => expectNoAxeViolations(el));
  });
});
