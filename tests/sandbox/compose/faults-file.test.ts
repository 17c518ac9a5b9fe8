// faults.json beside the scenario patients: rules applied per patient at start, and problems reported.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultsFile } from '../../../sandbox/faults';
import type { Sandbox } from '../../../sandbox/server';
import { PATIENT, fhirGet, launch, startSandbox } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('faults.json in the fixture directory', () => {
  it('is applied at start, to its patient only', async () => {
    expect(sandbox.faults.list()).toEqual([
      expect.objectContaining({ id: 'fx-lab-outage-500', patientId: PATIENT.labOutage, resourceType: 'Observation', source: 'faults.json', remaining: null }),
    ]);
    const outage = (await launch(sandbox, PATIENT.labOutage)).access_token;
    const labs = await fhirGet<{ issue: { diagnostics: string }[] }>(sandbox, `Observation?patient=${PATIENT.labOutage}&code=http://loinc.org|2951-2`, outage);
    expect(labs.status).toBe(500);
    expect(labs.body.issue[0]?.diagnostics).toContain('fx-lab-outage-500');
    expect((await fhirGet(sandbox, `Patient/${PATIENT.labOutage}`, outage)).status).toBe(200);

    const other = (await launch(sandbox, PATIENT.thiazide)).access_token;
    expect((await fhirGet(sandbox, `Observation?patient=${PATIENT.thiazide}&code=http://loinc.org|2823-3`, other)).status).toBe(200);
  });
});

describe('a faults.json with problems', () => {
  it('still starts, keeps the good rules and names each problem in the start-up warnings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-faults-'));
    await writeFile(join(dir, 'faults.json'), JSON.stringify({ ghost: [{ effect: { type: 'forbid' } }, { effect: { type: 'latency' } }] }));
    const own = await startSandbox({ patientsDir: dir });
    try {
      expect(own.startup.scenarios).toMatchObject({ state: 'empty', faultRules: 1 });
      expect(own.startup.warnings).toEqual([
        expect.stringMatching(/ghost\[1\]: latency ms must be/),
        expect.stringMatching(/no patient ghost is loaded/),
      ]);
      expect(own.faults.list()).toEqual([expect.objectContaining({ patientId: 'ghost', effect: { type: 'forbid' } })]);
    } finally {
      await own.close();
      await rm(dir, { recursive: true });
    }
  });
});

describe('parseFaultsFile', () => {
  it('gives every rule the patient id of its key', () => {
    const file = parseFaultsFile({ a: [{ effect: { type: 'forbid' }, resourceType: 'Condition' }], b: [{ effect: { type: 'latency', ms: 5 } }] });
    expect(file.problems).toEqual([]);
    expect(file.rules).toEqual([
      { patientId: 'a', resourceType: 'Condition', effect: { type: 'forbid' } },
      { patientId: 'b', effect: { type: 'latency', ms: 5 } },
    ]);
  });

  it('reports bad entries, keeps the good ones', () => {
    const file = parseFaultsFile({
      a: [{ effect: { type: 'forbid' } }, { effect: { type: 'nope' } }, { patientId: 'b', effect: { type: 'forbid' } }],
      c: { effect: { type: 'forbid' } },
    });
    expect(file.rules).toEqual([{ patientId: 'a', effect: { type: 'forbid' } }]);
    expect(file.problems).toEqual([
      expect.stringMatching(/^faults\.json: a\[1\]: effect must be/),
      'faults.json: a[2]: leave out patientId, the key names the patient',
      'faults.json: c: expected a list of rules',
    ]);
    expect(parseFaultsFile([]).problems).toEqual(['faults.json: expected an object of patient ids to lists of rules']);
  });
});
