// The EHR behaviour profiles on the wire, switched every way a test or a demo can switch them: per
// patient (in process), per request (a rule limited to one application, or to some parameters), from
// faults.json at start, and over the /sandbox/faults endpoint. Each way: the profile shows where it
// applies and nowhere else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ehrProfiles } from '../../../sandbox/faults';
import type { Sandbox } from '../../../sandbox/server';
import { OTHER, PLAIN, PROFILE_CASES, PROFILE_FIXTURES, contextFor, type Ctx } from './profile-cases';
import { admin, fhirGet, idsOf, launch, startSandbox, type SearchBundle } from './support';

const CASES = Object.entries(PROFILE_CASES);

describe('from faults.json: each profile patient has its own EHR', () => {
  let sandbox: Sandbox;
  let ctx: Ctx;
  beforeAll(async () => {
    sandbox = await startSandbox({ patientsDir: PROFILE_FIXTURES });
    ctx = contextFor(sandbox);
  });
  afterAll(() => sandbox.close());

  it('loads one rule per profile patient, without warnings', () => {
    expect(sandbox.startup.warnings).toEqual([]);
    expect(sandbox.startup.scenarios.faultRules).toBe(CASES.length);
  });

  for (const [name, profile] of CASES) {
    it(`${name}: ${profile.patient} gets it, ${PLAIN} does not`, async () => {
      await profile.expectWire(ctx, profile.patient);
      expect(await profile.probe(ctx, PLAIN)).toBe(false);
    });
  }
});

describe('in process and over HTTP', () => {
  let sandbox: Sandbox;
  let ctx: Ctx;
  beforeAll(async () => {
    sandbox = await startSandbox({ patientsDir: PROFILE_FIXTURES });
    sandbox.faults.clear(); // this sandbox starts plain; each test switches what it needs
    ctx = contextFor(sandbox);
  });
  afterAll(() => sandbox.close());

  describe('per patient (sandbox.faults.add)', () => {
    for (const [name, profile] of CASES) {
      it(`${name}: for ${PLAIN} only`, async () => {
        const rule = sandbox.faults.add(profile.rule(PLAIN));
        try {
          await profile.expectWire(ctx, PLAIN);
          expect(await profile.probe(ctx, profile.patient)).toBe(false);
        } finally {
          sandbox.faults.remove(rule.id);
        }
        expect(await profile.probe(ctx, PLAIN)).toBe(false);
      });
    }
  });

  describe('per request (a rule for one application, whoever asks)', () => {
    for (const [name, profile] of CASES) {
      it(`${name}: the first request gets it, the same request again does not`, async () => {
        const rule = sandbox.faults.add({ ...profile.rule(undefined), times: 1 });
        try {
          expect(await profile.probe(ctx, PLAIN)).toBe(true);
          expect(await profile.probe(ctx, PLAIN)).toBe(false);
          expect(sandbox.faults.list().find((r) => r.id === rule.id)).toMatchObject({ applied: 1, remaining: 0 });
        } finally {
          sandbox.faults.remove(rule.id);
        }
      });
    }

    it('search profiles narrowed by parameters apply to those searches only', async () => {
      const rule = sandbox.faults.add(ehrProfiles.operationOutcomeInSearchset({ resourceType: 'Observation', params: { code: '19123-9' } }));
      try {
        const token = await ctx.token(PLAIN);
        const magnesium = await fhirGet<SearchBundle>(sandbox, `Observation?patient=${PLAIN}&code=http://loinc.org|19123-9`, token);
        expect(magnesium.body.entry?.[0]?.resource.resourceType).toBe('OperationOutcome');
        const potassium = await fhirGet<SearchBundle>(sandbox, `Observation?patient=${PLAIN}&code=http://loinc.org|2823-3`, token);
        expect(idsOf(potassium.body)).toEqual([`Observation/${PLAIN}-obs-k`]);
      } finally {
        sandbox.faults.remove(rule.id);
      }
    });
  });

  describe('over HTTP (/sandbox/faults)', () => {
    for (const [name, profile] of CASES) {
      it(`${name}: POST the rule JSON, see it on the wire, DELETE it`, async () => {
        const posted = await admin(sandbox, 'POST', profile.rule(PLAIN));
        expect(posted.status).toBe(201);
        const [rule] = (posted.body?.rules ?? []) as { id: string; effect: { type: string } }[];
        try {
          expect(rule?.effect.type).toBe(name);
          expect(await profile.probe(ctx, PLAIN)).toBe(true);
          expect(await profile.probe(ctx, OTHER)).toBe(false);
        } finally {
          expect((await admin(sandbox, 'DELETE', undefined, `/${rule?.id ?? ''}`)).status).toBe(204);
        }
        expect(await profile.probe(ctx, PLAIN)).toBe(false);
      });
    }

    it('refuses profile rules that could never fire as written, naming each problem', async () => {
      const bad = [
        { effect: { type: 'unsupported-type' } },
        { resourceType: 'Observation', effect: { type: 'active-only-unless-status' } },
        { resourceType: 'MedicationRequest', effect: { type: 'require-category-or-code' } },
        { resourceType: 'Observation', effect: { type: 'token-without-scope' } },
        { interaction: 'search-type', effect: { type: 'wrong-patient' } },
        { effect: { type: 'wrong-patient', otherPatientId: 'nobody-here' } },
        { effect: { type: 'operation-outcome-in-searchset', severity: 'warning' } },
        { effect: { type: 'second-origin-next', origin: 'not an origin' } },
        { effect: { type: 'ignore-count', pageSize: 2 } },
      ];
      for (const rule of bad) {
        const answer = await admin(sandbox, 'POST', rule);
        expect(answer.status, JSON.stringify(rule)).toBe(400);
        expect(answer.body?.problems, JSON.stringify(rule)).toEqual([expect.any(String)]);
      }
      expect(sandbox.faults.list()).toEqual([]);
    });
  });

  describe('details', () => {
    it('wrong-patient without otherPatientId answers with a decoy that is nobody in this EHR', async () => {
      const rule = sandbox.faults.add(ehrProfiles.wrongPatient({ patientId: PLAIN }));
      try {
        const read = await fhirGet<{ id: string; name: { family: string }[] }>(sandbox, `Patient/${PLAIN}`, await ctx.token(PLAIN));
        expect(read.body).toMatchObject({ id: 'sandbox-wrong-patient-decoy', name: [{ family: 'Decoy' }] });
        expect(sandbox.fhir.patients().map((p) => p.id)).not.toContain(read.body.id);
      } finally {
        sandbox.faults.remove(rule.id);
      }
    });

    it('token-without-scope keeps scope when the grant differs from the request (RFC 6749 §5.1 then requires it)', async () => {
      const rule = sandbox.faults.add(ehrProfiles.tokenWithoutScope({ patientId: PLAIN }));
      try {
        const { tokenForLaunch } = await import('./support');
        const { launchId } = sandbox.auth.createLaunch({ patientId: PLAIN });
        // user/*.rs is not allowed for this app: granted ≠ requested.
        const narrowed = await tokenForLaunch(sandbox, launchId, 'launch openid fhirUser patient/*.rs user/*.rs');
        expect(narrowed.scope).toBe('launch openid fhirUser patient/*.rs');
        expect(sandbox.faults.list().find((r) => r.id === rule.id)?.applied).toBe(0);
        expect(await launch(sandbox, PLAIN)).not.toHaveProperty('scope');
      } finally {
        sandbox.faults.remove(rule.id);
      }
    });

    it('unsupported Medication for one patient: no Medication includes and 404 on the follow-up read by that patient\'s app', async () => {
      const rule = sandbox.faults.add(ehrProfiles.unsupportedType('Medication', { patientId: PLAIN }));
      try {
        const token = await ctx.token(PLAIN);
        const orders = await fhirGet<SearchBundle>(sandbox, `MedicationRequest?patient=${PLAIN}&_include=MedicationRequest:medication`, token);
        expect(idsOf(orders.body).filter((id) => id.startsWith('Medication/'))).toEqual([]);
        expect((await fhirGet(sandbox, 'Medication/pf-med-iron', token)).status).toBe(404);
        expect((await fhirGet(sandbox, 'Medication/pf-med-iron', await ctx.token(OTHER))).status).toBe(200);
      } finally {
        sandbox.faults.remove(rule.id);
      }
      const metadata = await fhirGet<{ rest: { resource: { type: string }[] }[] }>(sandbox, 'metadata');
      expect(metadata.body.rest[0]?.resource.map((r) => r.type)).toContain('Medication'); // back once the rule is gone
    });

    it('profiles combine: one entry per page, each next page on the second origin, no includes', async () => {
      const rules = [ehrProfiles.ignoreCount({ patientId: PLAIN }), ehrProfiles.secondOriginNext({ patientId: PLAIN }), ehrProfiles.ignoreInclude({ patientId: PLAIN })].map((r) => sandbox.faults.add(r));
      try {
        const token = await ctx.token(PLAIN);
        const first = await fhirGet<SearchBundle>(sandbox, `MedicationRequest?patient=${PLAIN}&_include=MedicationRequest:medication`, token);
        expect(idsOf(first.body)).toHaveLength(1);
        const next = first.body.link?.find((l) => l.relation === 'next')?.url ?? '';
        expect(new URL(next).hostname).toBe('localhost');
        const second = await fhirGet<SearchBundle>(sandbox, next, token);
        expect(second.status).toBe(200);
        expect(idsOf(second.body)).toHaveLength(1);
        expect(idsOf(second.body)).not.toEqual(idsOf(first.body));
      } finally {
        for (const rule of rules) sandbox.faults.remove(rule.id);
      }
    });
  });
});
