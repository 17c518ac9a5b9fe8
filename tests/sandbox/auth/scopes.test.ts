// SMART scope syntax and the "granted = requested ∩ allowed" rule.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
import { describe, expect, it } from 'vitest';
import { grantScopes, parseClinicalScope } from '../../../sandbox/auth';

describe('parseClinicalScope', () => {
  it('reads v2 scopes with any in-order subset of cruds', () => {
    expect(parseClinicalScope('patient/Observation.rs')).toMatchObject({
      context: 'patient',
      resourceType: 'Observation',
      permissions: 'rs',
      constraints: [],
      syntax: 'v2',
    });
    expect(parseClinicalScope('user/*.cruds')).toMatchObject({ context: 'user', resourceType: '*', permissions: 'cruds' });
    expect(parseClinicalScope('system/Patient.r')?.permissions).toBe('r');
    expect(parseClinicalScope('patient/Condition.cud')?.permissions).toBe('cud');
  });

  it('maps v1 permissions as the spec says: read => rs, write => cud, * => cruds', () => {
    expect(parseClinicalScope('patient/Observation.read')).toMatchObject({ permissions: 'rs', syntax: 'v1' });
    expect(parseClinicalScope('patient/*.read')).toMatchObject({ resourceType: '*', permissions: 'rs', syntax: 'v1' });
    expect(parseClinicalScope('user/Observation.write')?.permissions).toBe('cud');
    expect(parseClinicalScope('patient/*.*')?.permissions).toBe('cruds');
  });

  it('reads granular v2 constraints, decoding percent-escapes', () => {
    const scope = parseClinicalScope(
      'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory&status=final',
    );
    expect(scope?.constraints).toEqual([
      ['category', 'http://terminology.hl7.org/CodeSystem/observation-category|laboratory'],
      ['status', 'final'],
    ]);
    expect(parseClinicalScope('patient/Observation.rs?code=http%3A%2F%2Floinc.org%7C2601-3')?.constraints).toEqual([
      ['code', 'http://loinc.org|2601-3'],
    ]);
  });

  it('ignores out-of-order, repeated, empty or unknown permissions and non-clinical scopes', () => {
    for (const text of [
      'patient/Observation.dus',
      'patient/Observation.rr',
      'patient/Observation.',
      'patient/Observation.readwrite',
      'patient/observation.rs',
      'practitioner/Observation.rs',
      'patient/Observation.read?category=laboratory', // granular constraints are v2 only
      'patient/Observation.rs?category',
      'launch',
      'launch/patient',
      'openid',
    ]) {
      expect(parseClinicalScope(text), text).toBeUndefined();
    }
  });
});

describe('grantScopes', () => {
  const allowed = ['launch', 'launch/patient', 'openid', 'fhirUser', 'patient/*.rs'];

  it('grants what was asked when the client is allowed it, echoed exactly', () => {
    expect(grantScopes(['launch', 'openid', 'fhirUser', 'patient/Observation.rs', 'patient/Condition.rs'], allowed)).toEqual([
      'launch',
      'openid',
      'fhirUser',
      'patient/Observation.rs',
      'patient/Condition.rs',
    ]);
  });

  it('keeps v1 scopes in v1 form when granted in full (SMART: SHOULD return v1 scopes when requested)', () => {
    expect(grantScopes(['patient/Observation.read', 'patient/*.read'], allowed)).toEqual(['patient/Observation.read', 'patient/*.read']);
  });

  it('narrows permissions to the allowed ones and writes the result in v2 form', () => {
    expect(grantScopes(['patient/Observation.cruds'], allowed)).toEqual(['patient/Observation.rs']);
    expect(grantScopes(['patient/Observation.*'], allowed)).toEqual(['patient/Observation.rs']);
    expect(grantScopes(['patient/Observation.write'], allowed)).toEqual([]);
  });

  it('narrows a requested wildcard to the allowed resource types', () => {
    expect(grantScopes(['patient/*.rs'], ['patient/Observation.rs', 'patient/Condition.r'])).toEqual([
      'patient/Observation.rs',
      'patient/Condition.r',
    ]);
  });

  it('does not add an unrequested scope that another granted scope already covers', () => {
    expect(grantScopes(['patient/*.rs'], ['patient/*.rs', 'patient/Patient.r'])).toEqual(['patient/*.rs']);
    // ...but keeps one the app asked for by name, so the app can find it in the granted scope.
    expect(grantScopes(['patient/*.rs', 'patient/Patient.r'], ['patient/*.rs', 'patient/Patient.r'])).toEqual([
      'patient/*.rs',
      'patient/Patient.r',
    ]);
  });

  it('combines granular constraints from both sides', () => {
    expect(grantScopes(['patient/Observation.rs?category=laboratory'], allowed)).toEqual(['patient/Observation.rs?category=laboratory']);
    expect(grantScopes(['patient/Observation.rs'], ['patient/Observation.rs?category=vital-signs'])).toEqual([
      'patient/Observation.rs?category=vital-signs',
    ]);
  });

  it('never crosses contexts and drops scopes the client may not have or the server does not support', () => {
    expect(grantScopes(['user/Observation.rs', 'system/*.rs'], allowed)).toEqual([]);
    expect(grantScopes(['offline_access', 'online_access', 'launch/encounter', 'profile'], [...allowed, 'offline_access'])).toEqual([]);
    expect(grantScopes(['launch', 'openid'], ['patient/*.rs'])).toEqual([]);
  });

  it('drops duplicates and malformed scopes silently', () => {
    expect(grantScopes(['patient/Observation.rs', 'patient/Observation.rs', 'patient/Observation.sr'], allowed)).toEqual([
      'patient/Observation.rs',
    ]);
  });
});
