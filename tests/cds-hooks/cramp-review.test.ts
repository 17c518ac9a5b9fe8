/**
 * The patient-view card: only with a cramp complaint on record (KB C26, within 12 months, or the
 * visit's reason) and a red flag or likely contributor; critical with a red flag, warning otherwise;
 * no card when the record could not be read.
 */
import { describe, expect, it } from 'vitest';
import { crampReviewService } from '../../cds-hooks/services/cramp-review-service.js';
import { BundleBuilder, SYS } from '../support/fhir-builder.js';
import { AS_OF, hookBody, memoryLog, runService } from './support/calls.js';
import { prefetchFor } from './support/prefetch.js';

const cramps = (date: string, extra: Record<string, unknown> = {}) => (b: BundleBuilder) => b.condition({ icd10: 'G47.62', display: 'Sleep related leg cramps', onset: date, ...extra });
const statin = (b: BundleBuilder) => b.medicationRequest({ text: 'Atorvastatin 40 MG Oral Tablet', date: '2026-05-01' });
const lowMagnesium = (b: BundleBuilder) => b.lab({ loinc: '19123-9', value: 1.2, unit: 'mg/dL', date: '2026-06-01' });
const severeLowPotassium = (b: BundleBuilder) => b.lab({ loinc: '2823-3', value: 2.2, unit: 'mmol/L', date: '2026-06-10' });

function patient(...parts: ((b: BundleBuilder) => void)[]) {
  const b = new BundleBuilder({ gender: 'male', birthDate: '1955-01-01' });
  for (const p of parts) p(b);
  return b;
}

async function view(b: BundleBuilder, options: { encounter?: Record<string, unknown> | null; log?: ReturnType<typeof memoryLog>; prefetch?: Record<string, unknown> } = {}) {
  const prefetch = options.prefetch ?? prefetchFor(b.bundle(), crampReviewService.selection, AS_OF, options.encounter === undefined ? undefined : options.encounter);
  return runService(crampReviewService, hookBody('patient-view', b.patientId, { context: options.encounter === undefined ? {} : { encounterId: 'enc-1' }, prefetch }), options.log ? { log: options.log } : {});
}

describe('night leg cramps review (patient-view)', () => {
  it('shows a warning card naming the top contributors when cramps are on record', async () => {
    const [card, ...rest] = await view(patient(cramps('2026-03-01'), statin, lowMagnesium));
    expect(rest).toEqual([]);
    expect(card!.indicator).toBe('warning');
    expect(card!.summary.length).toBeLessThan(140);
    expect(card!.summary).toMatch(/^Night leg cramps, likely contributors: /);
    expect(card!.summary).toMatch(/statin/i);
    expect(card!.summary).toMatch(/magnesium/i);
    expect(card!.detail).toMatch(/Leg cramps on record: Sleep related leg cramps \(2026\\-03\\-01\)/);
    expect(card!.detail).toMatch(/Evidence: .*1\\\.2 mg\\\/dL/);
    expect(card!.links).toEqual([{ label: 'Open the night leg cramps review', url: 'https://app.example/launch/', type: 'smart' }]);
    expect(card!.source.label).toMatch(/^Night leg cramps knowledge base \(S/);
  });

  it('is critical and names the red flag first when there is one', async () => {
    const [card] = await view(patient(cramps('2026-03-01'), statin, severeLowPotassium));
    expect(card!.indicator).toBe('critical');
    expect(card!.summary).toMatch(/^Night leg cramps, red flag: Dangerous electrolyte/);
    expect(card!.detail!.indexOf('**Red flags**')).toBeLessThan(card!.detail!.indexOf('**Likely contributors**'));
  });

  it('shows nothing without a cramp complaint, however much the engine finds (alert fatigue)', async () => {
    expect(await view(patient(statin, severeLowPotassium))).toEqual([]);
  });

  it('shows nothing with cramps on record but nothing found', async () => {
    expect(await view(patient(cramps('2026-03-01')))).toEqual([]);
  });

  it('counts a complaint within 12 months (boundary) but not an older one, nor a refuted one, nor an undated one', async () => {
    expect(await view(patient(cramps('2025-06-15'), statin))).toHaveLength(1);
    expect(await view(patient(cramps('2025-06-14'), statin))).toEqual([]);
    expect(await view(patient(cramps('2026-03-01', { verificationStatus: 'refuted' }), statin))).toEqual([]);
    expect(await view(patient((b) => b.condition({ icd10: 'R25.2', display: 'Cramp and spasm' }), statin))).toEqual([]);
  });

  it('counts a recent recorded date, a SNOMED code and plain text from the C26 list', async () => {
    expect(await view(patient(cramps('2019-01-01', { recorded: '2026-04-01' }), statin))).toHaveLength(1);
    expect(await view(patient((b) => b.condition({ snomed: '55300003', display: 'Cramp', onset: '2026-04-01' }), statin))).toHaveLength(1);
    expect(await view(patient((b) => b.condition({ text: 'Nocturnal leg cramps', onset: '2026-04-01' }), statin))).toHaveLength(1);
    expect(await view(patient((b) => b.condition({ text: 'Abdominal cramps', onset: '2026-04-01' }), statin))).toEqual([]);
  });

  it('counts the encounter’s reason for the visit', async () => {
    const b = patient(statin);
    const encounter = { resourceType: 'Encounter', id: 'enc-1', status: 'in-progress', subject: { reference: `Patient/${b.patientId}` }, reasonCode: [{ coding: [{ system: SYS.icd10, code: 'G47.62', display: 'Sleep related leg cramps' }] }] };
    const [card] = await view(b, { encounter });
    expect(card!.detail).toMatch(/^Leg cramps are a reason for this visit: Sleep related leg cramps\./);
    const other = { ...encounter, reasonCode: [{ text: 'Annual review' }] };
    expect(await view(b, { encounter: other })).toEqual([]);
  });

  it('counts an old cramp Condition the encounter names as its diagnosis', async () => {
    const b = patient(cramps('2018-01-01', { id: 'old-cramps' }), statin);
    const encounter = { resourceType: 'Encounter', id: 'enc-1', status: 'in-progress', subject: { reference: `Patient/${b.patientId}` }, diagnosis: [{ condition: { reference: 'Condition/old-cramps' } }] };
    expect(await view(b, { encounter })).toHaveLength(1);
  });

  it('gives no card when the conditions could not be read, and logs it without patient data', async () => {
    const b = patient(cramps('2026-03-01'), statin);
    const prefetch = prefetchFor(b.bundle(), crampReviewService.selection, AS_OF);
    prefetch.condition = { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception', diagnostics: 'database down' }] };
    const log = memoryLog();
    expect(await view(b, { prefetch, log })).toEqual([]);
    expect(log.lines.join('\n')).toMatch(/no card: Condition could not be read in full/);
    expect(log.lines.join('\n')).not.toMatch(new RegExp(`${b.patientId}|database down`));
  });

  it('escapes hostile Condition and drug text in the detail', async () => {
    const b = patient((x) => x.condition({ icd10: 'G47.62', text: 'Leg cramps <script>alert(1)</script> [x](javascript:alert(1))', onset: '2026-03-01' }), (x) => x.medicationRequest({ text: 'Atorvastatin ![t](https://tracker.example/t.gif)', date: '2026-05-01' }));
    const [card] = await view(b);
    expect(card!.detail).not.toMatch(/<script>|\]\(javascript|!\[t\]\(/);
    expect(card!.detail).toContain('\\<script\\>');
    expect(card!.detail).toContain('\\!\\[t\\]\\(https\\:\\/\\/tracker\\.example\\/t\\.gif\\)');
  });
});
