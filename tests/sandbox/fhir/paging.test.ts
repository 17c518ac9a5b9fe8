import type { Bundle, BundleEntry, Observation, Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { ids, link, startFhirServer } from './harness';

// 123 observations for one patient, 7 of them on the same instant, so that paging must keep ties in a
// stable order. Loaded through a transaction, as a client would.
const COUNT = 123;
let h: Harness;
let patientId: string;

function transaction(): Bundle {
  const patient = 'urn:uuid:0d6f1f52-6a8e-4f0e-8b2a-5f3c9e000000';
  const observations: BundleEntry[] = Array.from({ length: COUNT }, (_, i) => {
    const day = i < 7 ? 1 : 2 + (i % 28); // a block of ties, then repeating days
    const resource: Observation = {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: i % 2 === 0 ? '2823-3' : '2951-2' }] },
      subject: { reference: patient },
      effectiveDateTime: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00Z`,
      identifier: [{ system: 'urn:test', value: String(i) }],
    };
    return { fullUrl: `urn:uuid:0d6f1f52-6a8e-4f0e-8b2a-5f3c9e${String(i + 1).padStart(6, '0')}`, resource, request: { method: 'POST', url: 'Observation' } };
  });
  const owner: Patient = { resourceType: 'Patient', name: [{ family: 'Paging' }] };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [{ fullUrl: patient, resource: owner, request: { method: 'POST', url: 'Patient' } }, ...observations],
  };
}

/** Follows `next` from the first page to the end, returning every page. */
async function allPages(first: string): Promise<Bundle[]> {
  const pages: Bundle[] = [];
  let url: string | undefined = first;
  while (url) {
    const { status, body } = await h.get<Bundle>(url);
    expect(status).toBe(200);
    pages.push(body);
    url = link(body, 'next');
    expect(pages.length).toBeLessThanOrEqual(COUNT); // a next link that never ends would fail here
  }
  return pages;
}

beforeAll(async () => {
  h = await startFhirServer({ pageSize: 50, maxPageSize: 100 });
  const { status, body } = await h.request<Bundle>('', { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(transaction()) });
  expect(status).toBe(200);
  patientId = body.entry?.[0]?.resource?.id as string;
});
afterAll(() => h.close());

describe('paging', () => {
  it('pages by the server page size, with total on every page, and next until the end', async () => {
    const pages = await allPages(`Observation?patient=${patientId}`);
    expect(pages.map((p) => p.entry?.length)).toEqual([50, 50, 23]);
    expect(pages.every((p) => p.total === COUNT)).toBe(true);
    expect(link(pages[2] as Bundle, 'next')).toBeUndefined();
    const all = pages.flatMap((p) => ids(p));
    expect(new Set(all).size).toBe(COUNT); // nothing repeated, nothing lost
  });

  it('links are absolute URLs on the server\'s own origin, repeating the search and moving _offset', async () => {
    const [first, second] = await allPages(`Observation?patient=${patientId}&code=2823-3,2951-2`);
    expect(link(first as Bundle, 'self')).toBe(`${h.base}/Observation?patient=${patientId}&code=2823-3%2C2951-2&_count=50`);
    expect(link(first as Bundle, 'next')).toBe(`${h.base}/Observation?patient=${patientId}&code=2823-3%2C2951-2&_count=50&_offset=50`);
    expect(link(first as Bundle, 'previous')).toBeUndefined();
    expect(link(second as Bundle, 'previous')).toBe(`${h.base}/Observation?patient=${patientId}&code=2823-3%2C2951-2&_count=50`);
    expect(new URL(link(second as Bundle, 'next') as string).origin).toBe(new URL(h.base).origin);
  });

  it('_count=7 with _sort=-date pages through exactly the order of one big page, ties included', async () => {
    const whole = await h.get<Bundle>(`Observation?patient=${patientId}&_sort=-date&_count=100&code=2823-3`);
    const expected = ids(whole.body);
    expect(expected).toHaveLength(62);
    const paged = (await allPages(`Observation?patient=${patientId}&_sort=-date&_count=7&code=2823-3`)).flatMap((p) => ids(p));
    expect(paged).toEqual(expected);
    const dates = whole.body.entry?.map((e) => (e.resource as Observation).effectiveDateTime ?? '') ?? [];
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('the same search paged at several sizes always yields every match once', async () => {
    for (const count of [1, 13, 50, 100]) {
      const pages = await allPages(`Observation?patient=${patientId}&_sort=date&_count=${count}`);
      const all = pages.flatMap((p) => ids(p));
      expect(all).toHaveLength(COUNT);
      expect(new Set(all).size).toBe(COUNT);
    }
  });

  it('caps _count at the server maximum and says so in the self link', async () => {
    const { body } = await h.get<Bundle>(`Observation?patient=${patientId}&_count=1000`);
    expect(body.entry).toHaveLength(100);
    expect(link(body, 'self')).toContain('_count=100');
    expect(link(body, 'next')).toContain('_offset=100');
  });

  it('_count=0 returns the total without entries and without a next link', async () => {
    const { body } = await h.get<Bundle>(`Observation?patient=${patientId}&_count=0`);
    expect(body.total).toBe(COUNT);
    expect(body.entry).toBeUndefined();
    expect(link(body, 'next')).toBeUndefined();
  });

  it('an offset past the end gives an empty page without next', async () => {
    const { body } = await h.get<Bundle>(`Observation?patient=${patientId}&_offset=500`);
    expect(body.total).toBe(COUNT);
    expect(body.entry).toBeUndefined();
    expect(link(body, 'next')).toBeUndefined();
  });

  it('_include entries come on the page of the match that references them and do not count in total', async () => {
    // Observation has no reference to include here; the include clause must not change the matches.
    const { body } = await h.get<Bundle>(`Observation?patient=${patientId}&_count=10&_include=Observation:patient`);
    expect(ids(body)).toHaveLength(10);
    expect(ids(body, 'include')).toEqual([patientId]);
    expect(body.total).toBe(COUNT);
  });
});
