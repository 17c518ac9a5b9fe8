/**
 * One source failing does not erase another (rule catalogue, second round): medications come from
 * four resource types, each its own source. With the real engine, for each source failing in turn:
 * a statin found in another source is still flagged; with no statin anywhere the rule cannot say
 * "not flagged" and says which source it could not read.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { bundle, bundleWithOutcome, fakeServer, json, operationOutcome } from './fake-fhir-server.js';
import { AS_OF, finding, LIVE, MEDICATION_TYPES, PATIENT, statinIn, typeOf, type MedicationType } from './live-fixtures.js';

/** How a source fails: a server error, or a 200 that did not search. */
const FAILURES = {
  'HTTP 500': () => json(operationOutcome({ severity: 'error', diagnostics: 'internal error' }), 500),
  'an error OperationOutcome in a 200': () => json(bundleWithOutcome([], operationOutcome({ severity: 'error', code: 'too-costly', diagnostics: 'search not performed' }))),
} as const;

function server(failing: MedicationType, how: keyof typeof FAILURES, statinSource?: MedicationType) {
  return fakeServer([
    (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
    (u) => (typeOf(u) === failing ? FAILURES[how]() : undefined),
    (u) => (statinSource && typeOf(u) === statinSource ? json(bundle([statinIn(statinSource)])) : undefined),
  ]);
}

const another = (failing: MedicationType) => MEDICATION_TYPES.find((t) => t !== failing)!;

describe('each medication source counts on its own when another fails', () => {
  for (const failing of MEDICATION_TYPES) {
    for (const how of Object.keys(FAILURES) as (keyof typeof FAILURES)[]) {
      it(`${failing} failing (${how}): a statin in ${another(failing)} is still flagged`, async () => {
        const s = server(failing, how, another(failing));
        const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
        expect(fetched.queries.find((q) => q.query.resourceType === failing)!.status.state).toBe('failed');
        expect(fetched.record.sources[failing]!.state).toBe('failed');
        const statin = finding(evaluate(fetched.record, AS_OF), 'med-statin');
        expect(statin.outcome).toBe('flagged');
        expect(statin.evidence.filter((e) => e.role === 'trigger').map((e) => `${e.resourceType}/${e.id}`)).toEqual([`${another(failing)}/statin-${another(failing)}`]);
      });

      it(`${failing} failing (${how}): with no statin anywhere, med-statin is insufficient-data naming ${failing}`, async () => {
        const s = server(failing, how);
        const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
        const statin = finding(evaluate(fetched.record, AS_OF), 'med-statin');
        expect(statin.outcome).toBe('insufficient-data');
        expect(statin.missing.join(' ')).toContain(`${failing}: could not be read`);
      });
    }
  }

  it('with every source read and no statin, med-statin is not-flagged (the control)', async () => {
    const s = fakeServer([(u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('not-flagged');
  });
});
