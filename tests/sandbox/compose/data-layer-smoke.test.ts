// Smoke test: the app's real data layer (src/fhir/live) against the composed sandbox, with a token from a
// real launch. Proves the two fit; the broader integration suite (every scenario patient, every fault)
// belongs to tests/integration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_RED_FLAG_RULES } from '../../../rules/definitions/registry-lab-red-flags';
import { LAB_RULES } from '../../../rules/definitions/registry-labs';
import { ALL_RULES, evaluate } from '../../../rules/index';
import { fetchPatientRecord, type FetchedRecord } from '../../../src/fhir/live/fetch-record';
import type { Sandbox } from '../../../sandbox/server';
import { PATIENT, launch, startSandbox, type TokenResponse } from './support';

const AS_OF = '2026-10-01';
/**
 * The lab rules (the `lab-` family) and the red flags read from lab results: with the labs unreadable
 * none may say "not flagged". Two kinds of rule may still rightly say it, from the medication list
 * alone, which was read in full: rules that use labs only as support (med-loop-diuretic), and the
 * nocturnal hypoglycaemia red flag, which needs insulin or a sulfonylurea first; the second is checked
 * below to say exactly that.
 */
const HYPOGLYCAEMIA = 'redflag-nocturnal-hypoglycemia';
const LAB_RULE_IDS = [...LAB_RULES, ...LAB_RED_FLAG_RULES].map((r) => r.id).filter((id) => id !== HYPOGLYCAEMIA);

let sandbox: Sandbox;
let token: TokenResponse;
beforeAll(async () => {
  sandbox = await startSandbox();
  token = await launch(sandbox, PATIENT.thiazide);
});
afterAll(() => sandbox.close());

const fetchRecord = (): Promise<FetchedRecord> =>
  fetchPatientRecord({ serverUrl: sandbox.fhirBase, accessToken: token.access_token, patientId: token.patient, scope: token.scope }, { rules: ALL_RULES, asOf: AS_OF });

const outcomeOf = (findings: ReturnType<typeof evaluate>, ruleId: string) => findings.find((f) => f.ruleId === ruleId)?.outcome;

describe('fetchPatientRecord against the sandbox', () => {
  it('reads the fixture patient completely and the engine finds what the fixture holds', async () => {
    const { record, queries } = await fetchRecord();
    expect(queries.map((q) => [q.query.name, q.status.state]).filter(([, state]) => state !== 'complete')).toEqual([]);
    expect(queries.every((q) => q.requests === 1)).toBe(true); // one round each: no retries, no paging

    expect(record.patient?.source).toEqual({ resourceType: 'Patient', id: PATIENT.thiazide });
    expect(record.labs.magnesium?.map((l) => l.source.id)).toEqual(['fx-obs-mg']);
    expect(record.labs.potassium?.map((l) => l.source.id)).toEqual(['fx-obs-k']);
    expect(record.conditions.map((c) => c.source.id)).toEqual(['fx-cond-dm']);
    // The MedicationRequest names its drug by reference: it resolves through _include.
    expect(record.medications).toEqual([expect.objectContaining({ source: { resourceType: 'MedicationRequest', id: 'fx-mr-hctz' }, codings: [expect.objectContaining({ code: '310798' })] })]);

    const findings = evaluate(record, AS_OF);
    expect(outcomeOf(findings, 'lab-low-magnesium')).toBe('flagged');
    expect(outcomeOf(findings, 'med-thiazide-diuretic')).toBe('flagged');
    expect(outcomeOf(findings, 'lab-low-potassium')).toBe('not-flagged');
  });

  it('with every Observation search answering 503: the lab sources say failed and no lab rule says not-flagged', async () => {
    const rule = sandbox.faults.add({ patientId: PATIENT.thiazide, resourceType: 'Observation', effect: { type: 'error', status: 503, retryAfterSeconds: 1 } });
    try {
      const { record, queries } = await fetchRecord();
      const observationQueries = queries.filter((q) => q.query.resourceType === 'Observation');
      expect(observationQueries.length).toBeGreaterThan(0);
      for (const q of observationQueries) {
        expect(q.status.state).toBe('failed');
        expect(q.httpStatus).toBe(503);
        expect(q.requests).toBe(3); // the first try and two retries after Retry-After
      }
      const labSources = Object.entries(record.sources).filter(([key]) => key.startsWith('Observation:'));
      expect(labSources.length).toBeGreaterThan(0);
      for (const [, status] of labSources) expect(status.state).toBe('failed');
      expect(record.sources.MedicationRequest?.state).toBe('complete');

      const findings = evaluate(record, AS_OF);
      const labFindings = findings.filter((f) => LAB_RULE_IDS.includes(f.ruleId));
      expect(labFindings.length).toBe(LAB_RULE_IDS.length);
      expect(labFindings.filter((f) => f.outcome === 'not-flagged').map((f) => f.ruleId)).toEqual([]);
      expect(outcomeOf(findings, 'lab-low-potassium')).toBe('insufficient-data');
      expect(findings.find((f) => f.ruleId === HYPOGLYCAEMIA)).toMatchObject({ outcome: 'not-flagged', summary: 'No insulin or sulfonylurea in use' });
      expect(sandbox.faults.list().find((r) => r.id === rule.id)?.applied).toBe(observationQueries.length * 3);
    } finally {
      sandbox.faults.remove(rule.id);
    }
  });
});
