// Scope matching for the FHIR server: which interaction needs which permission, wildcards, v1 scopes,
// patient context and granular constraints.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#scopes-for-requesting-fhir-resources
import { describe, expect, it } from 'vitest';
import { accessPermitted, confinement, scopePermits, type AccessTarget, type FhirInteraction } from '../../../sandbox/auth';

const PATIENT = 'p1';
const read = (resourceType: string, patientId: string | undefined = PATIENT): AccessTarget => ({
  resourceType,
  interaction: 'read',
  ...(patientId === undefined ? {} : { patientId }),
});
const as = (interaction: FhirInteraction, resourceType = 'Observation'): AccessTarget => ({ resourceType, interaction, patientId: PATIENT });

describe('interactions and permissions (v2 letters)', () => {
  const cases: [FhirInteraction, string][] = [
    ['create', 'c'],
    ['read', 'r'],
    ['vread', 'r'],
    ['history-instance', 'r'],
    ['update', 'u'],
    ['patch', 'u'],
    ['delete', 'd'],
    ['search', 's'],
    ['search-type', 's'],
    ['search-system', 's'],
    ['history-type', 's'],
    ['history-system', 's'],
  ];
  for (const [interaction, letter] of cases) {
    it(`${interaction} needs "${letter}"`, () => {
      expect(scopePermits(`patient/Observation.${letter}`, as(interaction), PATIENT)).toBe(true);
      const without = 'cruds'.replace(letter, '');
      expect(scopePermits(`patient/Observation.${without}`, as(interaction), PATIENT)).toBe(false);
    });
  }

  it('.rs permits read and search but not writes', () => {
    expect(scopePermits('patient/Observation.rs', as('read'), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.rs', as('search'), PATIENT)).toBe(true);
    for (const write of ['create', 'update', 'patch', 'delete'] as const) {
      expect(scopePermits('patient/Observation.rs', as(write), PATIENT)).toBe(false);
    }
  });

  it('.cruds subsets permit exactly their letters', () => {
    expect(scopePermits('patient/Observation.cu', as('create'), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.cu', as('update'), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.cu', as('read'), PATIENT)).toBe(false);
    expect(scopePermits('patient/Observation.cruds', as('delete'), PATIENT)).toBe(true);
  });

  it('an unknown interaction is never permitted', () => {
    const bogus = { resourceType: 'Observation', interaction: 'constructor', patientId: PATIENT } as unknown as AccessTarget;
    expect(scopePermits('patient/*.cruds', bogus, PATIENT)).toBe(false);
  });
});

describe('resource types and wildcards', () => {
  it('a typed scope covers only its type; * covers every type', () => {
    expect(scopePermits('patient/Observation.rs', read('Condition'), PATIENT)).toBe(false);
    expect(scopePermits('patient/*.rs', read('Condition'), PATIENT)).toBe(true);
    expect(scopePermits('patient/*.rs', read('MedicationRequest'), PATIENT)).toBe(true);
  });

  it('v1 scopes match with v1 meaning: .read = rs, .write = cud, .* = cruds', () => {
    expect(scopePermits('patient/Observation.read', as('search'), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.read', as('create'), PATIENT)).toBe(false);
    expect(scopePermits('patient/*.read', read('Condition'), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.write', as('update'), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.write', as('read'), PATIENT)).toBe(false);
    expect(scopePermits('patient/*.*', as('delete', 'Condition'), PATIENT)).toBe(true);
  });

  it('malformed scopes permit nothing', () => {
    expect(scopePermits('patient/Observation.dus', as('delete'), PATIENT)).toBe(false);
    expect(scopePermits('launch/patient', read('Patient'), PATIENT)).toBe(false);
  });
});

describe('patient context', () => {
  it('patient/ scopes reach only the patient in context', () => {
    expect(scopePermits('patient/Observation.rs', read('Observation', PATIENT), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.rs', read('Observation', 'p2'), PATIENT)).toBe(false);
    expect(scopePermits('patient/Patient.r', read('Patient', 'p2'), PATIENT)).toBe(false);
  });

  it('a search not confined to one patient is not covered by a patient/ scope', () => {
    expect(scopePermits('patient/*.rs', { resourceType: 'Observation', interaction: 'search' }, PATIENT)).toBe(false);
  });

  it('a patient/ scope without a patient in context reaches no compartment data', () => {
    expect(scopePermits('patient/Observation.rs', read('Observation'), undefined)).toBe(false);
  });

  it('types outside the Patient compartment (Medication) are granted by type alone', () => {
    expect(scopePermits('patient/Medication.r', read('Medication', undefined), PATIENT)).toBe(true);
    expect(scopePermits('patient/*.rs', read('Medication', undefined), PATIENT)).toBe(true);
    expect(scopePermits('patient/Observation.rs', read('Medication', undefined), PATIENT)).toBe(false);
  });

  it('user/ scopes are not limited to the patient in context', () => {
    expect(scopePermits('user/Observation.rs', read('Observation', 'p2'), PATIENT)).toBe(true);
    expect(scopePermits('user/*.rs', { resourceType: 'Observation', interaction: 'search' }, undefined)).toBe(true);
  });
});

describe('several patients and system-level requests', () => {
  it('a patient/ scope needs every touched patient to be the one in context', () => {
    const target = { resourceType: 'Observation', interaction: 'search-type', patientIds: [PATIENT, 'p2'] };
    expect(scopePermits('patient/*.rs', target, PATIENT)).toBe(false);
    expect(scopePermits('patient/*.rs', { ...target, patientIds: [PATIENT, PATIENT] }, PATIENT)).toBe(true);
    expect(scopePermits('user/*.rs', target, PATIENT)).toBe(true);
  });

  it('a request with no resource type is covered only by a wildcard scope', () => {
    const systemSearch = { interaction: 'search-system', resourceType: undefined, patientIds: [PATIENT] };
    expect(scopePermits('patient/Observation.rs', systemSearch, PATIENT)).toBe(false);
    expect(scopePermits('patient/*.rs', systemSearch, PATIENT)).toBe(true);
  });
});

describe('granular (v2) constraints', () => {
  const scope = 'patient/Observation.rs?category=laboratory';
  const search = (query: string): AccessTarget => ({
    resourceType: 'Observation',
    interaction: 'search',
    patientId: PATIENT,
    searchParams: new URLSearchParams(query),
  });

  it('permit a search that carries the constraint', () => {
    expect(scopePermits(scope, search('patient=p1&category=laboratory'), PATIENT)).toBe(true);
  });

  it('refuse a search without it, with another value, or widening it with an OR list', () => {
    expect(scopePermits(scope, search('patient=p1'), PATIENT)).toBe(false);
    expect(scopePermits(scope, search('patient=p1&category=vital-signs'), PATIENT)).toBe(false);
    expect(scopePermits(scope, search('patient=p1&category=laboratory,vital-signs'), PATIENT)).toBe(false);
  });

  it('refuse reads, which cannot be checked without the resource', () => {
    expect(scopePermits(scope, read('Observation'), PATIENT)).toBe(false);
  });
});

describe('accessPermitted', () => {
  it('is true when any granted scope permits the request', () => {
    const granted = { scopes: ['launch', 'openid', 'patient/Condition.rs', 'patient/Observation.rs'], patient: PATIENT };
    expect(accessPermitted(granted, read('Observation'))).toBe(true);
    expect(accessPermitted(granted, read('Condition'))).toBe(true);
    expect(accessPermitted(granted, read('MedicationRequest'))).toBe(false);
  });
});

describe('confinement: which answers the FHIR server must keep inside the patient compartment', () => {
  it('a token whose only clinical scopes are patient/ scopes is confined to its patient, even for Medication', () => {
    const granted = { scopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'], patient: PATIENT };
    expect(confinement(granted, read('Observation'))).toEqual({ patientId: PATIENT });
    expect(confinement(granted, read('Medication', undefined))).toEqual({ patientId: PATIENT });
  });

  it('a patient/ token without a patient in context is confined to no one', () => {
    expect(confinement({ scopes: ['patient/Medication.rs'] }, read('Medication', undefined))).toEqual({ patientId: undefined });
  });

  it('a user/ scope that permits the request lifts the confinement; one that does not, does not', () => {
    const granted = { scopes: ['patient/*.rs', 'user/Practitioner.rs'], patient: PATIENT };
    expect(confinement(granted, read('Practitioner', undefined))).toBeUndefined();
    expect(confinement(granted, read('Observation'))).toEqual({ patientId: PATIENT });
  });
});
