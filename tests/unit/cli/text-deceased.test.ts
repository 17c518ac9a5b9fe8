/**
 * The text report says, above everything, that the record belongs to a patient who has died
 * (issue 9, point 2; rule catalogue, second round: "Deceased patients"), with the date and the age
 * at death when the record gives them; a living patient's report is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { runEvaluator } from '../../../src/cli/run-evaluator.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { formatText } from '../../../src/cli/format-text.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function bundleFile(patient: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evaluate-deceased-'));
  const path = join(dir, 'bundle.json');
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:patient-d1', resource: { resourceType: 'Patient', id: 'd1', gender: 'female', birthDate: '1931-06-10', ...patient } },
      {
        fullUrl: 'urn:uuid:mr-1',
        resource: { resourceType: 'MedicationRequest', id: 'mr-1', status: 'active', intent: 'order', subject: { reference: 'Patient/d1' }, authoredOn: '2019-01-10', medicationCodeableConcept: { text: 'furosemide 40 MG Oral Tablet' } },
      },
    ],
  };
  writeFileSync(path, JSON.stringify(bundle));
  return path;
}

async function text(path: string, asOf = '2026-11-21') {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(['--as-of', asOf, '--format', 'text', path], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout.split('\n');
}

describe('a deceased patient in the text report', () => {
  it('first line: DECEASED with the date and the age at death; the patient line says the age is at death', async () => {
    const lines = await text(bundleFile({ deceasedDateTime: '2019-03-04T10:00:00Z' }));
    expect(lines[0]).toBe('DECEASED on 2019-03-04 (age at death 87): this record belongs to a patient who has died.');
    expect(lines[1]).toBe('Patient d1 · female · 87 years at death · as of 2026-11-21');
  });

  it('deceasedBoolean alone: no date, and the age is on the as-of date', async () => {
    const lines = await text(bundleFile({ deceasedBoolean: true }));
    expect(lines[0]).toBe('DECEASED (date of death not recorded): this record belongs to a patient who has died.');
    expect(lines[1]).toBe('Patient d1 · female · 95 years · as of 2026-11-21');
  });

  it('no birth date: the age at death is unknown, said so', async () => {
    const lines = await text(bundleFile({ birthDate: undefined, deceasedDateTime: '2019-03-04' }));
    expect(lines[0]).toBe('DECEASED on 2019-03-04 (age at death unknown): this record belongs to a patient who has died.');
    expect(lines[1]).toBe('Patient d1 · female · ? years · as of 2026-11-21');
  });

  it('a death dated after the as-of day: alive on that day, no DECEASED line', async () => {
    const lines = await text(bundleFile({ deceasedDateTime: '2019-03-04' }), '2018-12-31');
    expect(lines[0]).toBe('Patient d1 · female · 87 years · as of 2018-12-31');
    expect(lines.join('\n')).not.toContain('DECEASED');
  });

  it('deceasedBoolean false and a living patient: no DECEASED line', async () => {
    expect((await text(bundleFile({ deceasedBoolean: false })))[0]).toBe('Patient d1 · female · 95 years · as of 2026-11-21');
    expect((await text(bundleFile({})))[0]).toBe('Patient d1 · female · 95 years · as of 2026-11-21');
  });
});

describe('text report: the record may be out of date', () => {
  it('lists what to ask about stale orders and old conditions once each, with the rule ids behind them', () => {
    const report = evaluateBundleJson(JSON.parse(readFileSync('sandbox/patients/deceased-old-orders.json', 'utf8')), '2026-11-21');
    const text = formatText(report);
    expect(text).toContain('RECORD MAY BE OUT OF DATE (4)');
    expect(text).toContain('  Ask whether the patient still takes furosemide (order from 1974 still marked active; nothing since). [med-loop-diuretic, gap-diuretic-without-electrolytes]');
    expect(text).toContain('  Ask whether "Protracted diarrhea" (on record since 1988-07-02, still marked active) is still current. [cond-dehydration]');
    expect(text.indexOf('RECORD MAY BE OUT OF DATE')).toBeGreaterThan(text.indexOf('COULD NOT CHECK'));
  });
});
