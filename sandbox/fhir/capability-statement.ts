import type { CapabilityStatement, CapabilityStatementRestResource, CapabilityStatementRestSecurity, Extension } from 'fhir/r4';
import { searchParametersOf } from './search/parameters';

/** The SMART authorization endpoints, when the sandbox's authorization server is in front of this one. */
export interface SmartEndpoints {
  readonly authorize: string;
  readonly token: string;
  readonly revoke?: string;
  readonly introspect?: string;
  readonly manage?: string;
  readonly register?: string;
}

export interface CapabilityOptions {
  readonly baseUrl: string;
  /** Resource types to describe: the ones the app reads plus whatever is stored. */
  readonly resourceTypes: readonly string[];
  readonly smart: SmartEndpoints | undefined;
  /** When this server started; CapabilityStatement.date. */
  readonly date: string;
}

/** Interactions FhirRouter serves through SandboxRepository for every type (PATCH is refused). */
const TYPE_INTERACTIONS = ['read', 'vread', 'update', 'delete', 'history-instance', 'create', 'search-type'] as const;

/**
 * GET [base]/metadata (http://hl7.org/fhir/R4/capabilitystatement.html): what this server really does,
 * generated from the same search parameter table the search uses, so it cannot claim a parameter the
 * server would ignore. With SMART endpoints it also carries the SMART security service and the
 * oauth-uris extension (SMART App Launch: "Capability Statement", kept for clients that predate
 * .well-known/smart-configuration).
 */
export function capabilityStatement(options: CapabilityOptions): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    kind: 'instance',
    software: { name: 'Leg-cramps sandbox FHIR server (Medplum fhir-router 4.5.2, in memory, indexed search)' },
    implementation: { description: 'Local development and test FHIR R4 server', url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: security(options),
        resource: options.resourceTypes.map(resourceCapability),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}

function resourceCapability(type: string): CapabilityStatementRestResource {
  const params = [...searchParametersOf(type).values()];
  return {
    type: type as CapabilityStatementRestResource['type'], // a type isKnownResourceType accepted
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: TYPE_INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    searchInclude: params.filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`),
    searchParam: params.map((p) => ({
      name: p.code,
      type: p.type,
      ...(p.url ? { definition: p.url } : {}),
      ...(p.description ? { documentation: p.description } : {}),
    })),
  };
}

function security(options: CapabilityOptions): CapabilityStatementRestSecurity {
  if (!options.smart) {
    return { cors: true, description: 'No authorization: open sandbox server.' };
  }
  const s = options.smart;
  const uris: [string, string | undefined][] = [
    ['authorize', s.authorize],
    ['token', s.token],
    ['revoke', s.revoke],
    ['introspect', s.introspect],
    ['manage', s.manage],
    ['register', s.register],
  ];
  const oauthUris: Extension = {
    url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
    extension: uris.flatMap(([url, valueUri]) => (valueUri ? [{ url, valueUri }] : [])),
  };
  return {
    cors: true,
    extension: [oauthUris],
    service: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR', display: 'SMART-on-FHIR' },
        ],
        text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)',
      },
    ],
    description: `SMART App Launch; discovery document at ${options.baseUrl}/.well-known/smart-configuration`,
  };
}
