/**
 * The encounter the EHR launched the app in (SMART launch context `encounter`) is kept for the saved
 * note's `context.encounter`, when it is a FHIR id; anything else is not a reference to make.
 * https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#launch-context-arrives-with-your-access_token
 */
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import { sessionFromState } from '../../../src/fhir/session.js';

const config = parseRuntimeConfig({ clientId: 'app', scope: 'launch', allowedIssuers: ['https://ehr.example.org/fhir'] });
const session = (encounter: unknown) => sessionFromState({ serverUrl: 'https://ehr.example.org/fhir', tokenResponse: { access_token: 't', patient: 'p-1', encounter } as never }, config);

describe('the launch encounter', () => {
  it('is kept when the token response names one', () => {
    expect(session('enc-42').encounterId).toBe('enc-42');
  });

  it('is absent when there is none or it is not a FHIR id', () => {
    for (const bad of [undefined, '', 'Encounter/1', 'a b', 'x'.repeat(65), 42]) expect(session(bad)).not.toHaveProperty('encounterId');
  });
});
