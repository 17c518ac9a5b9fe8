// The sandbox probed as an attacker would: an app holding a `patient/*.rs` token for one patient
// (attacker-adam) tries every way FHIR offers to reach another patient's record (victim-vera). Each
// test is one technique; each asserts that the answer is a refusal or holds nothing of the victim's,
// checked on the raw bytes of the response, not only on the parsed entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { ATTACKER, TWO_PATIENTS_DIR, VICTIM, expectNothingOfTheVictim, type RawAnswer } from '../fhir/compartment-probes';
import { idsOf, launch, startSandbox, type SearchBundle } from './support';

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ patientsDir: TWO_PATIENTS_DIR });
  expect(sandbox.startup.warnings).toEqual([]);
  token = (await launch(sandbox, ATTACKER)).access_token;
});
afterAll(() => sandbox.close());

async function send(path: string, init: RequestInit = {}): Promise<RawAnswer> {
  const response = await fetch(`${sandbox.fhirBase}/${path}`, {
    ...init,
    headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
  return { status: response.status, text: await response.text() };
}

async function searchIds(path: string): Promise<string[]> {
  const raw = await send(path);
  expect(raw.status).toBe(200);
  expectNothingOfTheVictim(raw);
  return idsOf(JSON.parse(raw.text) as SearchBundle);
}

describe('the attacker gets her own record in full (the wall does not hide legitimate data)', () => {
  it('reads her Patient, her searches, and the Medication her order points at', async () => {
    expect((await send(`Patient/${ATTACKER}`)).status).toBe(200);
    expect(await searchIds(`MedicationRequest?patient=${ATTACKER}&_include=MedicationRequest:medication`)).toEqual([
      'MedicationRequest/att-medrequest',
      'Medication/shared-med',
    ]);
    expect((await send('Medication/shared-med')).status).toBe(200);
    expect((await send('Practitioner/dr-public')).status).toBe(200);
    expect((await send('Organization/org-public')).status).toBe(200);
    expect((await send('metadata')).status).toBe(200);
  });
});

describe('searches that name the attacker but search something else', () => {
  it('Patient?patient=<attacker>: Patient has no `patient` parameter; only her own Patient comes back', async () => {
    expect(await searchIds(`Patient?patient=${ATTACKER}`)).toEqual([`Patient/${ATTACKER}`]);
  });

  it('AllergyIntolerance?subject=Patient/<attacker>: `subject` is not an AllergyIntolerance parameter', async () => {
    expect(await searchIds(`AllergyIntolerance?subject=Patient/${ATTACKER}`)).toEqual([]);
  });

  it('Immunization?subject=Patient/<attacker>: `subject` is not an Immunization parameter', async () => {
    expect(await searchIds(`Immunization?subject=Patient/${ATTACKER}`)).toEqual([]);
  });

  it('Basic?subject=Patient/<attacker>&author=x: a real parameter next to an unknown one', async () => {
    expect(await searchIds(`Basic?subject=Patient/${ATTACKER}&author=Practitioner/dr-public&nonsense=1`)).toEqual([]);
  });

  it('Bundle?patient=<attacker> and Linkage?patient=<attacker>: types outside the compartment that embed or name the victim', async () => {
    expect(await searchIds(`Bundle?patient=${ATTACKER}`)).toEqual([]);
    expect(await searchIds(`Linkage?patient=${ATTACKER}`)).toEqual([]);
  });

  it('Patient?link=Patient/<attacker>: the victim links to the attacker, which does not make her record the attacker\'s', async () => {
    expect(await searchIds(`Patient?patient=${ATTACKER}&link=Patient/${ATTACKER}`)).toEqual([]);
  });

  it('POST Observation/_search with the parameters in the form body', async () => {
    const raw = await send('AllergyIntolerance/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `subject=Patient/${ATTACKER}`,
    });
    expect(raw.status).toBe(200);
    expectNothingOfTheVictim(raw);
  });
});

describe('searches that name the victim or nobody', () => {
  for (const path of [
    'Patient',
    `Patient?_id=${VICTIM}`,
    `Patient?_id=${ATTACKER},${VICTIM}`,
    'Patient?name=Vera',
    `Patient?identifier=http://hospital.example/mrn|`,
    `Observation?patient=${VICTIM}`,
    `Observation?patient=Patient/${VICTIM}`,
    `Observation?subject=${encodeURIComponent(`http://127.0.0.1:1/fhir/Patient/${VICTIM}`)}`,
    `Observation?patient=${ATTACKER}&patient=${VICTIM}`,
    `Observation?patient=${ATTACKER},${VICTIM}`,
    'AllergyIntolerance',
    'Immunization',
    `Group?member=Patient/${ATTACKER}`,
    'Observation?_summary=count',
  ]) {
    it(`${path}: refused or empty`, async () => {
      const raw = await send(path);
      expectNothingOfTheVictim(raw);
      if (raw.status === 200) expect(idsOf(JSON.parse(raw.text) as SearchBundle).filter((id) => !id.endsWith(ATTACKER))).toEqual([]);
    });
  }
});

describe('_include and _revinclude', () => {
  it('Observation?patient=<attacker>&_include=Observation:has-member: her panel names the victim\'s potassium', async () => {
    const ids = await searchIds(`Observation?patient=${ATTACKER}&_include=Observation:has-member`);
    expect(ids).toContain('Observation/att-obs-panel');
    expect(ids).toContain('Observation/att-obs-na'); // her own member is included
    expect(ids).not.toContain('Observation/vic-obs-k');
  });

  it('Patient?_id=<attacker>&_include=Patient:link: her record links to the victim\'s', async () => {
    expect(await searchIds(`Patient?_id=${ATTACKER}&_include=Patient:link`)).toEqual([`Patient/${ATTACKER}`]);
  });

  it('_include with a target type, and _include:iterate', async () => {
    expect(await searchIds(`Patient?_id=${ATTACKER}&_include=Patient:link:Patient`)).toEqual([`Patient/${ATTACKER}`]);
    expect(await searchIds(`Observation?patient=${ATTACKER}&_include=Observation:has-member&_include:iterate=Observation:subject`)).not.toContain(`Patient/${VICTIM}`);
  });

  it('_revinclude=Patient:link and _revinclude=Observation:has-member', async () => {
    expect(await searchIds(`Patient?_id=${ATTACKER}&_revinclude=Patient:link`)).toEqual([`Patient/${ATTACKER}`]);
    expect(await searchIds(`Observation?patient=${ATTACKER}&_revinclude=Group:member`)).not.toContain('Group/vic-group-both');
  });

  it('a resource of hers that also names the victim (as performer) is withheld, not half shown', async () => {
    expect(await searchIds(`Observation?patient=${ATTACKER}`)).not.toContain('Observation/att-obs-performed-by-victim');
    expect((await send('Observation/att-obs-performed-by-victim')).status).toBe(403);
  });
});

describe('chained, reverse-chained and unknown parameters', () => {
  it('Observation?subject.name=Vera (chained) without a patient: refused', async () => {
    expectNothingOfTheVictim(await send('Observation?subject.name=Vera'));
    expectNothingOfTheVictim(await send('Observation?subject:Patient.name=Vera'));
  });

  it('Observation?patient=<attacker>&subject.name=Vera: the chain is ignored, the pin holds', async () => {
    expect((await searchIds(`Observation?patient=${ATTACKER}&subject.name=Vera`)).every((id) => id.startsWith('Observation/att-'))).toBe(true);
  });

  it('Patient?patient=<attacker>&_has:Observation:subject:status=final', async () => {
    expect(await searchIds(`Patient?patient=${ATTACKER}&_has:Observation:subject:status=final`)).toEqual([`Patient/${ATTACKER}`]);
  });

  it('Immunization?patient:missing=true&subject=Patient/<attacker>', async () => {
    expect(await searchIds(`Immunization?patient:missing=true&subject=Patient/${ATTACKER}`)).toEqual([]);
  });
});

describe('reads, versions and history of the victim\'s resources by id', () => {
  for (const path of [
    `Patient/${VICTIM}`,
    `Patient/${VICTIM}/_history`,
    `Patient/${VICTIM}/_history/1`,
    'Observation/vic-obs-k',
    'Observation/vic-obs-k/_history',
    'AllergyIntolerance/vic-allergy',
    'Immunization/vic-immunization',
    'MedicationRequest/vic-medrequest',
    'Group/vic-group-both',
    'Linkage/vic-linkage',
    'Bundle/vic-document',
  ]) {
    it(`GET ${path}: refused`, async () => {
      const raw = await send(path);
      expect([403, 404]).toContain(raw.status);
      expectNothingOfTheVictim(raw);
    });
  }
});

describe('batches and transactions', () => {
  for (const type of ['batch', 'transaction']) {
    it(`a ${type} reading the victim's record: refused`, async () => {
      const raw = await send('', {
        method: 'POST',
        headers: { 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify({ resourceType: 'Bundle', type, entry: [{ request: { method: 'GET', url: `Patient/${VICTIM}` } }] }),
      });
      expect(raw.status).toBe(403);
      expectNothingOfTheVictim(raw);
    });
  }
});
