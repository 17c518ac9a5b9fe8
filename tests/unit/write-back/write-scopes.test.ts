/**
 * Which scopes write-back asks for and when (only with `writeBack` on in smart-config.json), and
 * whether a granted scope lets it save: create and update on both the note and the checklist.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import type { Session } from '../../../src/fhir/session.js';
import { writeBackFor } from '../../../src/fhir/write-back/write-back.js';
import { mayWrite, WRITE_BACK_SCOPES, writeBackAccess, withWriteBackScopes } from '../../../src/fhir/write-back/write-scopes.js';

const FILE = {
  clientId: 'leg-cramps-app',
  scope: 'launch openid patient/Patient.rs patient/QuestionnaireResponse.rs',
  standaloneScope: 'launch/patient openid patient/Patient.rs',
  allowedIssuers: ['https://ehr.example/fhir'],
};

describe('runtime configuration writeBack', () => {
  it('is off by default and then asks for no write scope', () => {
    const c = parseRuntimeConfig(FILE);
    expect(c.writeBack).toBe(false);
    expect(c.scope).toBe(FILE.scope);
    expect(c.standaloneScope).toBe(FILE.standaloneScope);
    expect(parseRuntimeConfig({ ...FILE, writeBack: false }).scope).toBe(FILE.scope);
  });

  it('when on, adds create and update on DocumentReference and QuestionnaireResponse to both scopes, once', () => {
    const c = parseRuntimeConfig({ ...FILE, writeBack: true });
    expect(c.writeBack).toBe(true);
    expect(c.scope).toBe(`${FILE.scope} patient/DocumentReference.cu patient/QuestionnaireResponse.cu`);
    expect(c.standaloneScope).toBe(`${FILE.standaloneScope} patient/DocumentReference.cu patient/QuestionnaireResponse.cu`);
    expect(parseRuntimeConfig({ ...FILE, scope: `${FILE.scope} patient/DocumentReference.cu`, writeBack: true }).scope.match(/DocumentReference\.cu/g)).toHaveLength(1);
  });

  it('refuses anything but true or false', () => {
    for (const bad of ['true', 1, null, {}]) expect(() => parseRuntimeConfig({ ...FILE, writeBack: bad })).toThrow(new ConfigError('writeBack must be true or false'));
  });
});

describe('granted write scopes', () => {
  it('reads v2, v1 and wildcard scopes, in patient, user and system context', () => {
    expect(WRITE_BACK_SCOPES).toEqual(['patient/DocumentReference.cu', 'patient/QuestionnaireResponse.cu']);
    expect(mayWrite('patient/DocumentReference.cu', 'DocumentReference', 'create')).toBe(true);
    expect(mayWrite('patient/DocumentReference.cu', 'DocumentReference', 'update')).toBe(true);
    expect(mayWrite('patient/DocumentReference.c', 'DocumentReference', 'update')).toBe(false);
    expect(mayWrite('patient/DocumentReference.rs', 'DocumentReference', 'create')).toBe(false);
    expect(mayWrite('patient/DocumentReference.write', 'DocumentReference', 'update')).toBe(true);
    expect(mayWrite('patient/*.cruds', 'QuestionnaireResponse', 'create')).toBe(true);
    expect(mayWrite('user/*.write', 'QuestionnaireResponse', 'update')).toBe(true);
    expect(mayWrite('system/DocumentReference.*', 'DocumentReference', 'create')).toBe(true);
    expect(mayWrite('patient/QuestionnaireResponse.cu', 'DocumentReference', 'create')).toBe(false);
    // A granular scope restricts by content the app cannot prove beforehand; out-of-order letters are no scope.
    expect(mayWrite('patient/DocumentReference.cu?category=clinical-note', 'DocumentReference', 'create')).toBe(false);
    expect(mayWrite('patient/DocumentReference.uc', 'DocumentReference', 'create')).toBe(false);
    expect(mayWrite(undefined, 'DocumentReference', 'create')).toBe(false);
  });

  it('needs create and update on both, and names what is missing', () => {
    expect(writeBackAccess('patient/*.rs patient/DocumentReference.cu patient/QuestionnaireResponse.cu')).toEqual({ allowed: true });
    expect(writeBackAccess('patient/*.rs patient/DocumentReference.c')).toEqual({
      allowed: false,
      missing: ['patient/DocumentReference.u', 'patient/QuestionnaireResponse.c', 'patient/QuestionnaireResponse.u'],
    });
    expect(withWriteBackScopes('a  b')).toBe('a b patient/DocumentReference.cu patient/QuestionnaireResponse.cu');
  });
});

describe('write-back for one launch', () => {
  const session: Session = { serverUrl: 'https://ehr.example/fhir', accessToken: 't', patientId: 'p-1', scope: 'patient/*.rs', needPatientBanner: true, encounterId: 'e-1' };
  it('is off, not granted (with what is missing) or available, always with the patient and encounter', () => {
    expect(writeBackFor(session, { writeBack: false })).toEqual({ state: 'off', context: { patientId: 'p-1', encounterId: 'e-1' } });
    expect(writeBackFor(session, { writeBack: true })).toEqual({
      state: 'not-granted',
      context: { patientId: 'p-1', encounterId: 'e-1' },
      missing: ['patient/DocumentReference.c', 'patient/DocumentReference.u', 'patient/QuestionnaireResponse.c', 'patient/QuestionnaireResponse.u'],
    });
    const granted = writeBackFor({ ...session, scope: `patient/*.rs ${WRITE_BACK_SCOPES.join(' ')}` }, { writeBack: true });
    expect(granted.state).toBe('available');
    // The token is inside the save function, not on the object the app holds.
    expect(JSON.stringify(granted)).not.toContain('"t"');
  });
});
