import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFhirDefinitions } from '../../../sandbox/fhir/fhir-definitions';
import type { FilterClause, ParseOptions } from '../../../sandbox/fhir/search/query';
import { parseSearchQuery } from '../../../sandbox/fhir/search/query';

const BASE = 'http://127.0.0.1:8080/fhir';
const options: ParseOptions = { baseUrl: BASE, pageSize: 50, maxPageSize: 200, strict: false };
const parse = (resourceType: string, query: string, overrides: Partial<ParseOptions> = {}) =>
  parseSearchQuery(resourceType, new URLSearchParams(query), { ...options, ...overrides });
const filter = (resourceType: string, query: string): FilterClause => {
  const clause = parse(resourceType, query).query.filters[0];
  if (!clause) throw new Error('no filter');
  return clause;
};

beforeAll(() => ensureFhirDefinitions());

describe('parseSearchQuery', () => {
  it('splits token lists on unescaped commas and system|code on the first unescaped pipe', () => {
    const clause = filter('Observation', 'code=http://loinc.org|2823-3,|bare,any,http://x|,a\\,b,sys|co\\|de');
    expect(clause).toMatchObject({
      kind: 'token',
      negate: false,
      values: [
        { system: 'http://loinc.org', code: '2823-3' },
        { system: '', code: 'bare' },
        { system: undefined, code: 'any' },
        { system: 'http://x', code: undefined },
        { system: undefined, code: 'a,b' },
        { system: 'sys', code: 'co|de' },
      ],
    });
  });

  it('reads references as bare ids (typed when the parameter has one target), Type/id, or this server\'s URL', () => {
    expect(filter('Observation', 'patient=123')).toMatchObject({ kind: 'reference', values: [{ id: '123', type: 'Patient' }] });
    expect(filter('Observation', 'subject=123')).toMatchObject({ values: [{ id: '123', type: undefined }] });
    expect(filter('Observation', 'subject:Patient=123')).toMatchObject({ values: [{ id: '123', type: 'Patient' }] });
    expect(filter('Observation', 'patient=Patient/123/_history/4')).toMatchObject({ values: [{ reference: 'Patient/123' }] });
    expect(filter('Observation', `patient=${BASE}/Patient/123`)).toMatchObject({ values: [{ reference: 'Patient/123' }] });
    expect(filter('Observation', 'patient=http://elsewhere/fhir/Patient/123')).toMatchObject({ values: [{ reference: 'http://elsewhere/fhir/Patient/123' }] });
    expect(() => parse('Observation', 'subject:Group=Patient/1')).toThrow(/cannot match/);
  });

  it('reads date prefixes per value', () => {
    const clause = filter('Observation', 'date=ge2025-11-21,lt2020');
    expect(clause.kind === 'date' && clause.values.map((v) => v.prefix)).toEqual(['ge', 'lt']);
    expect(filter('Observation', 'date=2025').kind).toBe('date');
    expect(() => parse('Observation', 'date=gefoo')).toThrow(/not a FHIR date/);
  });

  it('caps _count, keeps _offset, and reads _sort, _include, _total and _summary', () => {
    const { query } = parse('MedicationRequest', '_count=500&_offset=20&_sort=-authoredon,status&_include=MedicationRequest:medication&_total=none');
    expect(query).toMatchObject({ count: 200, offset: 20, withTotal: false, summaryCount: false });
    expect(query.sort.map((s) => [s.param.code, s.descending])).toEqual([['authoredon', true], ['status', false]]);
    expect(query.includes.map((i) => i.param.code)).toEqual(['medication']);
    expect(parse('Observation', '_summary=count').query.summaryCount).toBe(true);
    expect(parse('Observation', '').query.count).toBe(50);
  });

  it('sets unknown parameters aside, or refuses them when strict', () => {
    const lenient = parse('Observation', 'foo=1&code=x&_elements=id&value-quantity=5&subject.name=x&_include=Patient:organization&_sort=nonsense');
    expect(lenient.ignored).toEqual(['foo', '_elements', 'value-quantity', 'subject.name', '_include=Patient:organization', '_sort=nonsense']);
    expect(lenient.query.used).toEqual([['code', 'x']]);
    expect(() => parse('Observation', 'foo=1', { strict: true })).toThrow(/foo/);
    expect(() => parse('Observation', '_sort=nonsense', { strict: true })).toThrow(/nonsense/);
  });

  it('refuses empty values instead of dropping the condition', () => {
    expect(() => parse('Observation', 'patient=')).toThrow(/Empty value/);
    expect(() => parse('Observation', 'code=a,,b')).toThrow(/Empty value/);
  });

  it('refuses modifiers it does not implement, whatever the handling', () => {
    expect(() => parse('Observation', 'code:in=http://vs')).toThrow(/Unsupported modifier :in/);
    expect(() => parse('Observation', 'date:exact=2025')).toThrow(/Unsupported modifier/);
    expect(() => parse('Observation', 'subject:identifier=x|y')).toThrow(/Unsupported modifier/);
    expect(filter('Patient', 'name:exact=Anna')).toMatchObject({ kind: 'string', match: 'exact', values: ['Anna'] });
    expect(filter('Patient', 'name:contains=ÉN')).toMatchObject({ kind: 'string', match: 'contains', values: ['en'] });
    expect(filter('Observation', 'code:missing=true')).toMatchObject({ kind: 'missing', missing: true });
    expect(() => parse('Observation', 'code:missing=maybe')).toThrow(/true or false/);
  });

  it('answers 404 for an unknown resource type, and 406 for a non-JSON _format', () => {
    expect(() => parse('Nonsense', '')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => parse('Patient', '_format=xml')).toThrow(expect.objectContaining({ status: 406 }));
    expect(parse('Patient', `_format=${encodeURIComponent('application/fhir+json')}`).ignored).toEqual([]);
    expect(parse('Patient', '_format=application/fhir+json').ignored).toEqual([]); // unencoded + reads as a space
  });
});
