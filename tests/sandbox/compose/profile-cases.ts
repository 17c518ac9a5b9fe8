// The EHR behaviour profiles as test cases: the rule that switches each on, one request that shows
// whether it is on (`probe`), and the full wire behaviour (`expectWire`). Used by
// ehr-profiles.test.ts in every way a profile can be switched: per patient, per request, from
// faults.json and over the faults endpoint.
import { expect } from 'vitest';
import type { FaultRule } from '../../../sandbox/faults';
import { ehrProfiles } from '../../../sandbox/faults';
import type { Sandbox } from '../../../sandbox/server';
import { fhirGet, idsOf, launch, linkOf, type SearchBundle, type TokenResponse } from './support';

export const PROFILE_FIXTURES = new URL('./profile-fixtures/', import.meta.url).pathname;

/** A patient with no rule in profile-fixtures/faults.json, and one whose record `wrong-patient` answers with. */
export const PLAIN = 'pf-plain';
export const OTHER = 'pf-other';

export interface Ctx {
  readonly sandbox: Sandbox;
  token(patientId: string): Promise<string>;
}

/** Tokens per sandbox and patient, got once through a real launch. */
export function contextFor(sandbox: Sandbox): Ctx {
  const tokens = new Map<string, Promise<TokenResponse>>();
  return {
    sandbox,
    async token(patientId) {
      let token = tokens.get(patientId);
      if (!token) {
        token = launch(sandbox, patientId);
        tokens.set(patientId, token);
      }
      return (await token).access_token;
    },
  };
}

interface Entry {
  readonly resource: Record<string, unknown> & { resourceType: string; id?: string };
  readonly search?: { mode: string };
}
type Bundle = SearchBundle & { total?: number; entry?: readonly Entry[] };

async function search(ctx: Ctx, patient: string, query: string): Promise<{ status: number; body: Bundle }> {
  return fhirGet<Bundle>(ctx.sandbox, query.replace('{p}', patient), await ctx.token(patient));
}

/** Follows `next` from the first page (any origin this sandbox answers at) and lists every match. */
async function allPages(ctx: Ctx, patient: string, first: string): Promise<{ ids: string[]; pages: number; origins: Set<string> }> {
  const ids: string[] = [];
  const origins = new Set<string>();
  let url: string | undefined = `${ctx.sandbox.fhirBase}/${first.replace('{p}', patient)}`;
  let pages = 0;
  while (url && pages < 20) {
    origins.add(new URL(url).origin);
    const page = await fhirGet<Bundle>(ctx.sandbox, url, await ctx.token(patient));
    expect(page.status).toBe(200);
    ids.push(...(page.body.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    url = linkOf(page.body, 'next');
    pages += 1;
  }
  return { ids, pages, origins };
}

/** A fresh EHR launch for the patient; the token response as the app gets it. */
async function tokenResponse(ctx: Ctx, patient: string): Promise<Record<string, unknown>> {
  return (await launch(ctx.sandbox, patient)) as unknown as Record<string, unknown>;
}

const LABS = 'Observation?patient={p}&category=laboratory';
const ORDERS_WITH_MEDICATION = 'MedicationRequest?patient={p}&_include=MedicationRequest:medication';

export interface ProfileCase {
  /** The patient that has this profile in profile-fixtures/faults.json. */
  readonly patient: string;
  /** The rule for one patient (or for every request when patientId is undefined). */
  rule(patientId: string | undefined): FaultRule;
  /** One request (or one token response) for this patient: is the profile visible in it? */
  probe(ctx: Ctx, patient: string): Promise<boolean>;
  /** Everything the profile does on the wire, for this patient. */
  expectWire(ctx: Ctx, patient: string): Promise<void>;
}

const withPatient = (patientId: string | undefined) => (patientId === undefined ? {} : { patientId });

export const PROFILE_CASES: Readonly<Record<string, ProfileCase>> = {
  'operation-outcome-in-searchset': {
    patient: 'pf-outcome',
    rule: (patientId) => ehrProfiles.operationOutcomeInSearchset({ ...withPatient(patientId), severity: 'fatal' }),
    probe: async (ctx, p) => (await search(ctx, p, LABS)).body.entry?.[0]?.resource.resourceType === 'OperationOutcome',
    async expectWire(ctx, p) {
      const { status, body } = await search(ctx, p, LABS);
      expect(status).toBe(200);
      expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 0 });
      expect(body.entry).toEqual([
        { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'processing', diagnostics: 'Search not performed' }] }, search: { mode: 'outcome' } },
      ]);
      // A read is not a search: it is answered as usual.
      expect((await fhirGet(ctx.sandbox, `Observation/${p}-obs-k`, await ctx.token(p))).status).toBe(200);
    },
  },
  'unsupported-type': {
    patient: 'pf-unsupported',
    rule: (patientId) => ehrProfiles.unsupportedType('MedicationStatement', withPatient(patientId)),
    probe: async (ctx, p) => (await search(ctx, p, 'MedicationStatement?patient={p}')).status === 404,
    async expectWire(ctx, p) {
      const searched = await search(ctx, p, 'MedicationStatement?patient={p}');
      expect(searched.status).toBe(404);
      expect(searched.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] });
      expect((await fhirGet(ctx.sandbox, `MedicationStatement/${p}-ms`, await ctx.token(p))).status).toBe(404);
      const metadata = await fhirGet<{ rest: { resource: { type: string }[] }[] }>(ctx.sandbox, 'metadata');
      const types = metadata.body.rest[0]?.resource.map((r) => r.type) ?? [];
      expect(types).not.toContain('MedicationStatement');
      expect(types).toContain('MedicationRequest');
      expect((await search(ctx, p, 'MedicationRequest?patient={p}')).status).toBe(200); // other types as usual
    },
  },
  'ignore-include': {
    patient: 'pf-no-include',
    rule: (patientId) => ehrProfiles.ignoreInclude(withPatient(patientId)),
    probe: async (ctx, p) => !(await search(ctx, p, ORDERS_WITH_MEDICATION)).body.entry?.some((e) => e.search?.mode === 'include'),
    async expectWire(ctx, p) {
      const { status, body } = await search(ctx, p, ORDERS_WITH_MEDICATION);
      expect(status).toBe(200);
      expect(idsOf(body).sort()).toEqual([`MedicationRequest/${p}-mr-active`, `MedicationRequest/${p}-mr-completed`, `MedicationRequest/${p}-mr-stopped`]);
      for (const entry of body.entry ?? []) expect(entry.resource.medicationReference).toEqual({ reference: 'Medication/pf-med-iron' });
      expect(linkOf(body, 'self')).not.toContain('_include');
      // Codings keep their display: only references lose theirs.
      const labs = await search(ctx, p, LABS);
      expect(JSON.stringify(labs.body)).toContain('"display":"Potassium"');
      expect(JSON.stringify(labs.body)).not.toContain(`"display":"${p}"`);
    },
  },
  'ignore-count': {
    patient: 'pf-one-per-page',
    rule: (patientId) => ehrProfiles.ignoreCount(withPatient(patientId)),
    probe: async (ctx, p) => (await search(ctx, p, `${LABS}&_count=50`)).body.entry?.length === 1,
    async expectWire(ctx, p) {
      const first = await search(ctx, p, `${LABS}&_count=50`);
      expect(first.body.entry).toHaveLength(1);
      expect(first.body.total).toBe(3);
      const all = await allPages(ctx, p, `${LABS}&_count=50`);
      expect(all.pages).toBe(3);
      expect(all.ids.sort()).toEqual([`Observation/${p}-obs-k`, `Observation/${p}-obs-mg`, `Observation/${p}-obs-na`]);
      // The include the kept match names comes with it; the others' do not.
      const orders = await search(ctx, p, `${ORDERS_WITH_MEDICATION}&_count=10`);
      expect(idsOf(orders.body)).toEqual([idsOf(orders.body)[0], 'Medication/pf-med-iron']);
    },
  },
  'second-origin-next': {
    patient: 'pf-second-origin',
    rule: (patientId) => ehrProfiles.secondOriginNext(withPatient(patientId)),
    probe: async (ctx, p) => {
      const next = linkOf((await search(ctx, p, `${LABS}&_count=1`)).body, 'next');
      return next !== undefined && new URL(next).origin !== ctx.sandbox.origin;
    },
    async expectWire(ctx, p) {
      const first = await search(ctx, p, `${LABS}&_count=1`);
      const next = new URL(linkOf(first.body, 'next') ?? '');
      const port = new URL(ctx.sandbox.origin).port;
      expect(next.origin).toBe(`http://localhost:${port}`);
      expect(next.pathname).toBe('/fhir/Observation');
      expect(linkOf(first.body, 'self')).toMatch(new RegExp(`^${ctx.sandbox.fhirBase}/`)); // the page's own link stays
      // The second origin really serves the pages, with the same token.
      const all = await allPages(ctx, p, `${LABS}&_count=1`);
      expect(all.ids.sort()).toEqual([`Observation/${p}-obs-k`, `Observation/${p}-obs-mg`, `Observation/${p}-obs-na`]);
      expect([...all.origins].sort()).toEqual([ctx.sandbox.origin, `http://localhost:${port}`]);
      // A one-page result has no paging links to move.
      expect(linkOf((await search(ctx, p, LABS)).body, 'next')).toBeUndefined();
    },
  },
  'active-only-unless-status': {
    patient: 'pf-active-only',
    rule: (patientId) => ehrProfiles.activeOnlyUnlessStatus(withPatient(patientId)),
    probe: async (ctx, p) => idsOf((await search(ctx, p, 'MedicationRequest?patient={p}')).body).length === 1,
    async expectWire(ctx, p) {
      expect(idsOf((await search(ctx, p, 'MedicationRequest?patient={p}')).body)).toEqual([`MedicationRequest/${p}-mr-active`]);
      expect(idsOf((await search(ctx, p, 'MedicationRequest?patient={p}&intent=order')).body)).toEqual([`MedicationRequest/${p}-mr-active`]);
      const asked = await search(ctx, p, 'MedicationRequest?patient={p}&status=active,stopped,completed');
      expect(idsOf(asked.body).sort()).toEqual([`MedicationRequest/${p}-mr-active`, `MedicationRequest/${p}-mr-completed`, `MedicationRequest/${p}-mr-stopped`]);
      expect(idsOf((await search(ctx, p, 'MedicationRequest?patient={p}&status=stopped')).body)).toEqual([`MedicationRequest/${p}-mr-stopped`]);
    },
  },
  'require-category-or-code': {
    patient: 'pf-category',
    rule: (patientId) => ehrProfiles.requireCategoryOrCode(withPatient(patientId)),
    probe: async (ctx, p) => (await search(ctx, p, 'Observation?patient={p}')).status === 400,
    async expectWire(ctx, p) {
      const refused = await search(ctx, p, 'Observation?patient={p}&date=ge2026-01-01');
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required' }] });
      expect((await search(ctx, p, 'Observation?patient={p}&category=laboratory')).status).toBe(200);
      expect(idsOf((await search(ctx, p, 'Observation?patient={p}&code=http://loinc.org|2823-3')).body)).toEqual([`Observation/${p}-obs-k`]);
      expect((await fhirGet(ctx.sandbox, `Observation/${p}-obs-k`, await ctx.token(p))).status).toBe(200); // reads as usual
    },
  },
  'token-without-scope': {
    patient: 'pf-no-scope',
    rule: (patientId) => ehrProfiles.tokenWithoutScope(withPatient(patientId)),
    probe: async (ctx, p) => !('scope' in (await tokenResponse(ctx, p))),
    async expectWire(ctx, p) {
      const body = await tokenResponse(ctx, p);
      expect(body).not.toHaveProperty('scope');
      expect(body).toMatchObject({ token_type: 'Bearer', patient: p });
      // The token grants what was asked: the record reads as usual.
      expect((await fhirGet(ctx.sandbox, `Patient/${p}`, body.access_token as string)).status).toBe(200);
    },
  },
  'wrong-patient': {
    patient: 'pf-wrong-patient',
    rule: (patientId) => ehrProfiles.wrongPatient({ ...withPatient(patientId), otherPatientId: OTHER }),
    probe: async (ctx, p) => (await fhirGet<{ id: string }>(ctx.sandbox, `Patient/${p}`, await ctx.token(p))).body.id !== p,
    async expectWire(ctx, p) {
      const read = await fhirGet<{ resourceType: string; id: string; name: { given: string[] }[] }>(ctx.sandbox, `Patient/${p}`, await ctx.token(p));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ resourceType: 'Patient', id: OTHER, name: [{ given: ['Other'] }] });
      // Only the read: the patient's searches and data stay the patient's own.
      expect(idsOf((await search(ctx, p, `Patient?_id={p}`)).body)).toEqual([`Patient/${p}`]);
    },
  },
};
