import type { Bundle, MedicationRequest, OperationOutcome } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { fixture, ids, startFhirServer } from './harness';

// The searches the app's data layer sends, against small bundles written for these tests
// (fixtures/clinic.transaction.json: Anna has the data, Ben has one potassium result).
let h: Harness;
const ANNA = 'pat-anna';
const LAB = 'http://terminology.hl7.org/CodeSystem/observation-category|laboratory';
const search = async (path: string, headers?: Record<string, string>): Promise<Bundle> => {
  const { status, body } = await h.get<Bundle>(path, headers);
  expect(status, path).toBe(200);
  return body;
};
const sorted = (values: string[]): string[] => [...values].sort();

beforeAll(async () => {
  h = await startFhirServer({}, fixture('clinic.transaction.json'), fixture('practice.collection.json'));
});
afterAll(() => h.close());

describe('patient=', () => {
  it('finds a patient by bare id, by Patient/id and by absolute URL on this server alike', async () => {
    const bare = await search(`Observation?patient=${ANNA}&code=http://loinc.org|2823-3`);
    const typed = await search(`Observation?patient=Patient/${ANNA}&code=http://loinc.org|2823-3`);
    const absolute = await search(`Observation?patient=${encodeURIComponent(`${h.base}/Patient/${ANNA}`)}&code=http://loinc.org|2823-3`);
    expect(sorted(ids(bare))).toEqual(['obs-k-1', 'obs-k-2']);
    expect(ids(typed)).toEqual(ids(bare));
    expect(ids(absolute)).toEqual(ids(bare));
    expect(bare.total).toBe(2);
  });

  it('does not mix patients, and takes a comma list of patients as OR', async () => {
    const ben = (await search(`Patient?name=Ben`)).entry?.[0]?.resource?.id as string;
    expect(ids(await search(`Observation?patient=${ben}`))).toEqual(['obs-ben-k']);
    const both = await search(`Observation?patient=${ANNA},${ben}&code=http://loinc.org|2823-3`);
    expect(sorted(ids(both))).toEqual(['obs-ben-k', 'obs-k-1', 'obs-k-2']);
  });

  it('also answers subject=Patient/<id> and subject:Patient=<id>', async () => {
    const a = await search(`Observation?subject=Patient/${ANNA}&code=2823-3`);
    const b = await search(`Observation?subject:Patient=${ANNA}&code=2823-3`);
    expect(sorted(ids(a))).toEqual(['obs-k-1', 'obs-k-2', 'obs-local-k']);
    expect(ids(b)).toEqual(ids(a));
  });

  it('finds nothing for an unknown patient', async () => {
    const bundle = await search('Observation?patient=nobody');
    expect(bundle.total).toBe(0);
    expect(bundle.entry).toBeUndefined();
  });
});

describe('token search: code= and category=', () => {
  it('ORs a comma list of system|code values', async () => {
    const bundle = await search(`Observation?patient=${ANNA}&code=http://loinc.org|2823-3,http://loinc.org|19123-9,http://loinc.org|2000-8`);
    expect(sorted(ids(bundle))).toEqual(['obs-k-1', 'obs-k-2', 'obs-mg-1']);
  });

  it('matches the system as well as the code; a bare code matches any system; |code only codes without system', async () => {
    expect(sorted(ids(await search(`Observation?patient=${ANNA}&code=2823-3`)))).toEqual(['obs-k-1', 'obs-k-2', 'obs-local-k']);
    expect(ids(await search(`Observation?patient=${ANNA}&code=http://example.org/local-codes|2823-3`))).toEqual(['obs-local-k']);
    expect(ids(await search(`Observation?patient=${ANNA}&code=|2823-3`))).toEqual([]);
    expect(ids(await search(`Observation?patient=${ANNA}&category=|laboratory`))).toEqual(['obs-nosys-cat']);
  });

  it('system| matches every code of that system', async () => {
    expect(ids(await search(`Observation?patient=${ANNA}&code=http://example.org/local-codes|`))).toEqual(['obs-local-k']);
  });

  it('category=laboratory matches with or without the category system; <system>|laboratory only with it', async () => {
    const any = sorted(ids(await search(`Observation?patient=${ANNA}&category=laboratory`)));
    const withSystem = sorted(ids(await search(`Observation?patient=${ANNA}&category=${LAB}`)));
    expect(any).toEqual(['obs-ca-1', 'obs-hcg', 'obs-k-1', 'obs-k-2', 'obs-local-k', 'obs-mg-1', 'obs-nosys-cat']);
    expect(withSystem).toEqual(any.filter((id) => id !== 'obs-nosys-cat'));
  });

  it('is case-sensitive, as codes are', async () => {
    expect(ids(await search(`Observation?patient=${ANNA}&category=Laboratory`))).toEqual([]);
  });

  it(':not and :text', async () => {
    const notLab = await search(`Observation?patient=${ANNA}&category:not=laboratory`);
    expect(ids(notLab)).toEqual(['obs-bp']);
    const cramps = await search(`Condition?patient=${ANNA}&code:text=leg cramp`);
    expect(ids(cramps)).toEqual(['cond-cramps']);
  });

  it('ANDs repeated parameters', async () => {
    const both = await search(`Observation?patient=${ANNA}&code=2823-3&code=http://loinc.org|2823-3,http://loinc.org|19123-9`);
    expect(sorted(ids(both))).toEqual(['obs-k-1', 'obs-k-2']);
  });
});

describe('date=', () => {
  it('ge takes the whole day, in UTC, and converts offsets', async () => {
    // obs-k-2 is 09:30+01:00 = 08:30Z on the 21st; obs-k-1 is on the 20th; obs-ca-1's period ends at 05:00Z on the 21st
    const bundle = await search(`Observation?patient=${ANNA}&category=laboratory&date=ge2025-11-21`);
    expect(sorted(ids(bundle))).toEqual(['obs-k-2', 'obs-local-k', 'obs-mg-1', 'obs-nosys-cat']);
    const withSystem = await search(`Observation?patient=${ANNA}&category=${LAB}&date=ge2025-11-21`);
    expect(sorted(ids(withSystem))).toEqual(['obs-k-2', 'obs-local-k', 'obs-mg-1']);
  });

  it('compares ranges: a Period overlapping the day matches eq? no (not contained); ap: yes', async () => {
    expect(ids(await search(`Observation?patient=${ANNA}&code=17861-6&date=eq2025-11-21`))).toEqual([]);
    expect(ids(await search(`Observation?patient=${ANNA}&code=17861-6&date=2025-11`))).toEqual(['obs-ca-1']);
    expect(ids(await search(`Observation?patient=${ANNA}&code=17861-6&date=ap2025-11-21`))).toEqual(['obs-ca-1']);
    expect(ids(await search(`Observation?patient=${ANNA}&code=17861-6&date=lt2025-11-16`))).toEqual(['obs-ca-1']);
  });

  it('gt, le, sa, eb and a time with an offset', async () => {
    const q = `Observation?patient=${ANNA}&code=2823-3`;
    expect(ids(await search(`${q}&date=gt2025-11-21`))).toEqual(['obs-local-k']);
    expect(sorted(ids(await search(`${q}&date=le2025-11-21`)))).toEqual(['obs-k-1', 'obs-k-2']);
    expect(ids(await search(`${q}&date=sa2025-11-21`))).toEqual(['obs-local-k']);
    expect(ids(await search(`${q}&date=eb2025-11-21`))).toEqual(['obs-k-1']);
    // 08:30Z is 09:30 at +01:00: ge09:30+01:00 includes it, gt does not
    expect(ids(await search(`${q}&date=ge${encodeURIComponent('2025-11-21T09:30:00+01:00')}&date=lt2025-11-22`))).toEqual(['obs-k-2']);
    expect(ids(await search(`${q}&date=gt${encodeURIComponent('2025-11-21T09:30:00+01:00')}&date=lt2025-11-22`))).toEqual([]);
  });

  it('a resource without a date never matches a date filter, but :missing finds it', async () => {
    const all = ids(await search(`Observation?patient=${ANNA}&date=ge1900`));
    expect(all).not.toContain('obs-hcg');
    expect(ids(await search(`Observation?patient=${ANNA}&date:missing=true`))).toEqual(['obs-hcg']);
  });

  it('refuses a value that is not a date with 400 and an OperationOutcome', async () => {
    const { status, body } = await h.get<OperationOutcome>(`Observation?patient=${ANNA}&date=ge2025-13-01`);
    expect(status).toBe(400);
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]?.diagnostics).toContain('2025-13-01');
  });
});

describe('_sort', () => {
  it('_sort=-date puts the newest first and resources without a date last', async () => {
    const bundle = await search(`Observation?patient=${ANNA}&category=laboratory&_sort=-date`);
    expect(ids(bundle)).toEqual(['obs-nosys-cat', 'obs-local-k', 'obs-mg-1', 'obs-k-2', 'obs-ca-1', 'obs-k-1', 'obs-hcg']);
  });

  it('_sort=date puts the oldest first (a Period by its start)', async () => {
    const bundle = await search(`Observation?patient=${ANNA}&code=2823-3,17861-6&_sort=date`);
    expect(ids(bundle)).toEqual(['obs-ca-1', 'obs-k-1', 'obs-k-2', 'obs-local-k']);
  });
});

describe('MedicationRequest, MedicationStatement, MedicationDispense, MedicationAdministration', () => {
  it('filters on intent and status lists', async () => {
    const bundle = await search(`MedicationRequest?patient=${ANNA}&intent=order,plan&status=active,on-hold,stopped,completed`);
    expect(sorted(ids(bundle))).toEqual(['mr-quinine-stopped', 'mr-spiro-active', 'mr-spiro-hold']);
  });

  it('_include=MedicationRequest:medication adds each referenced Medication once, as include', async () => {
    const bundle = await search(
      `MedicationRequest?patient=${ANNA}&intent=order,plan&status=active,on-hold,stopped,completed&_include=MedicationRequest:medication`,
    );
    expect(sorted(ids(bundle))).toEqual(['mr-quinine-stopped', 'mr-spiro-active', 'mr-spiro-hold']);
    expect(sorted(ids(bundle, 'include'))).toEqual(['med-quinine', 'med-spiro']);
    expect(bundle.total).toBe(3); // total counts matches only
    const included = bundle.entry?.find((e) => e.resource?.id === 'med-spiro');
    expect(included?.fullUrl).toBe(`${h.base}/Medication/med-spiro`);
    expect(included?.resource?.resourceType).toBe('Medication');
  });

  it('_include with a target type, and without: requests without a reference include nothing', async () => {
    const typed = await search(`MedicationRequest?patient=${ANNA}&status=entered-in-error&_include=MedicationRequest:medication:Medication`);
    expect(ids(typed)).toEqual(['mr-eie']);
    expect(ids(typed, 'include')).toEqual([]);
  });

  it('serves the other medication resources by patient and status', async () => {
    expect(sorted(ids(await search(`MedicationStatement?patient=${ANNA}`)))).toEqual(['ms-active', 'ms-completed']);
    expect(ids(await search(`MedicationStatement?patient=${ANNA}&status=active`))).toEqual(['ms-active']);
    expect(ids(await search(`MedicationDispense?patient=${ANNA}`))).toEqual(['md-1']);
    expect(ids(await search(`MedicationAdministration?patient=${ANNA}`))).toEqual(['ma-1']);
  });

  it('stores medicationReference as a relative reference to the Medication\'s own id', async () => {
    const bundle = await search(`MedicationRequest?patient=${ANNA}&status=active&intent=order`);
    const request = bundle.entry?.[0]?.resource as MedicationRequest;
    expect(request.medicationReference?.reference).toBe('Medication/med-spiro');
  });
});

describe('Condition and Procedure', () => {
  it('Condition by patient, category and clinical-status', async () => {
    expect(sorted(ids(await search(`Condition?patient=${ANNA}`)))).toEqual(['cond-cramps', 'cond-dx', 'cond-resolved']);
    expect(sorted(ids(await search(`Condition?patient=${ANNA}&category=problem-list-item`)))).toEqual(['cond-cramps', 'cond-resolved']);
    const active = await search(`Condition?patient=${ANNA}&category=problem-list-item&clinical-status=active,recurrence,relapse`);
    expect(ids(active)).toEqual(['cond-cramps']);
  });

  it('Procedure by code list, with dates from performedDateTime and performedPeriod', async () => {
    const bundle = await search(`Procedure?patient=${ANNA}&code=http://snomed.info/sct|302497006,http://snomed.info/sct|265764009&_sort=-date`);
    expect(ids(bundle)).toEqual(['proc-hd']);
    expect(ids(await search(`Procedure?patient=${ANNA}&_sort=-date`))).toEqual(['proc-other', 'proc-hd']);
    // performedPeriod 2025-11-01..02 extends above 2025-11-01, but neither above nor inside 2025-11-02
    expect(ids(await search(`Procedure?patient=${ANNA}&date=ge2025-11-01`))).toEqual(['proc-other']);
    expect(ids(await search(`Procedure?patient=${ANNA}&date=ge2025-11-02`))).toEqual([]);
  });
});

describe('searchset shape', () => {
  it('has total, absolute self link on this server, fullUrl and search.mode on every entry', async () => {
    const bundle = await search(`Condition?patient=${ANNA}`);
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBe(3);
    expect(bundle.link?.[0]).toEqual({ relation: 'self', url: `${h.base}/Condition?patient=${ANNA}&_count=50` });
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toBe(`${h.base}/Condition/${entry.resource?.id}`);
      expect(entry.search?.mode).toBe('match');
    }
  });

  it('_summary=count gives the total and no entries; _total=none leaves total out', async () => {
    const count = await search(`Observation?patient=${ANNA}&_summary=count`);
    expect(count.total).toBe(8);
    expect(count.entry).toBeUndefined();
    const none = await search(`Observation?patient=${ANNA}&_total=none`);
    expect(none.total).toBeUndefined();
    expect(none.entry).toHaveLength(8);
  });
});

describe('parameters the server does not support', () => {
  it('ignores them, and leaves them out of the self link', async () => {
    const bundle = await search(`Observation?patient=${ANNA}&code=2823-3&value-quantity=lt3&_elements=code&foo=bar`);
    expect(sorted(ids(bundle))).toEqual(['obs-k-1', 'obs-k-2', 'obs-local-k']);
    expect(bundle.link?.[0]?.url).toBe(`${h.base}/Observation?patient=${ANNA}&code=2823-3&_count=50`);
  });

  it('refuses them with 400 under Prefer: handling=strict', async () => {
    const { status, body } = await h.get<OperationOutcome>(`Observation?patient=${ANNA}&foo=bar`, { Prefer: 'handling=strict' });
    expect(status).toBe(400);
    expect(body.issue[0]?.diagnostics).toContain('foo');
    expect((await h.get(`Observation?patient=${ANNA}`, { Prefer: 'handling=strict' })).status).toBe(200);
  });

  it('refuses an unsupported modifier even without strict handling', async () => {
    const { status, body } = await h.get<OperationOutcome>(`Observation?code:below=http://loinc.org|2823-3`);
    expect(status).toBe(400);
    expect(body.issue[0]?.code).toBe('invalid');
  });

  it('answers 404 for an unknown resource type and for an unknown id, with an OperationOutcome', async () => {
    const type = await h.get<OperationOutcome>('Observations?patient=1');
    expect(type.status).toBe(404);
    expect(type.body.resourceType).toBe('OperationOutcome');
    const id = await h.get<OperationOutcome>('Patient/no-such-patient');
    expect(id.status).toBe(404);
    expect(id.body.issue[0]?.code).toBe('not-found');
  });

  it('refuses a malformed _count', async () => {
    expect((await h.get(`Observation?_count=ten`)).status).toBe(400);
    expect((await h.get(`Observation?_count=-1`)).status).toBe(400);
  });

  it('POST [type]/_search takes the parameters as a form body', async () => {
    const { status, body } = await h.request<Bundle>('Observation/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ patient: ANNA, code: 'http://loinc.org|2823-3' }).toString(),
    });
    expect(status).toBe(200);
    expect(sorted(ids(body))).toEqual(['obs-k-1', 'obs-k-2']);
  });
});
