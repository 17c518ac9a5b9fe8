/**
 * Checks a fault rule that arrives as untrusted JSON (admin endpoint, faults.json) and turns it into a
 * FaultRule. Strict on purpose: an unknown key is most likely a typo ("resourcetype"), and a rule that
 * silently matched nothing would make a test or a demo pass for the wrong reason.
 */
import {
  DEFAULT_FOREIGN_ORIGIN,
  FAULT_ERROR_STATUSES,
  FAULT_INTERACTIONS,
  type FaultEffect,
  type FaultErrorStatus,
  type FaultInteraction,
  type CheckedFaultRule,
} from './rule';

export class FaultRuleError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FaultRuleError';
  }
}

const RULE_KEYS = new Set(['id', 'patientId', 'resourceType', 'interaction', 'params', 'effect', 'times']);
const EFFECT_KEYS: Record<FaultEffect['type'], readonly string[]> = {
  latency: ['ms'],
  error: ['status', 'retryAfterSeconds'],
  forbid: [],
  'repeat-next': [],
  'foreign-next': ['origin'],
  'expire-token': [],
  'operation-outcome-in-searchset': ['severity', 'diagnostics'],
  'unsupported-type': [],
  'ignore-include': [],
  'ignore-count': [],
  'second-origin-next': ['origin'],
  'active-only-unless-status': [],
  'require-category-or-code': [],
  'token-without-scope': [],
  'wrong-patient': ['otherPatientId'],
};

/**
 * What each EHR profile may be combined with: the resource type it is about (when it is about one),
 * and whether it can be narrowed by interaction and search parameters. Anything else would be a rule
 * that silently never fires, or fires where its name says it does not.
 */
const EFFECT_SCOPE: Partial<Record<FaultEffect['type'], { readonly resourceType?: string; readonly needsResourceType?: boolean; readonly interaction?: FaultInteraction | 'none'; readonly params: boolean }>> = {
  'operation-outcome-in-searchset': { interaction: 'search-type', params: true },
  'unsupported-type': { needsResourceType: true, interaction: 'none', params: false },
  'ignore-include': { interaction: 'search-type', params: true },
  'ignore-count': { interaction: 'search-type', params: true },
  'second-origin-next': { interaction: 'search-type', params: true },
  'active-only-unless-status': { resourceType: 'MedicationRequest', interaction: 'search-type', params: false },
  'require-category-or-code': { resourceType: 'Observation', interaction: 'search-type', params: false },
  'token-without-scope': { resourceType: 'none', interaction: 'none', params: false },
  'wrong-patient': { resourceType: 'Patient', interaction: 'read', params: false },
};

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const MAX_DIAGNOSTICS = 500;
/** Ten minutes: longer than any client timeout, short enough that a typo does not hang a test run. */
const MAX_LATENCY_MS = 600_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function nonEmptyString(json: Json, key: string, problems: string[], pattern?: RegExp): string | undefined {
  const value = json[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) {
    problems.push(`${key} must be ${pattern ? `a string matching ${pattern}` : 'a non-empty string'}`);
    return undefined;
  }
  return value;
}

function parseEffect(value: unknown, problems: string[]): FaultEffect | undefined {
  if (!isObject(value) || typeof value.type !== 'string' || !Object.hasOwn(EFFECT_KEYS, value.type)) {
    problems.push(`effect must be an object whose type is one of ${Object.keys(EFFECT_KEYS).join(', ')}`);
    return undefined;
  }
  const type = value.type as FaultEffect['type'];
  const unknown = Object.keys(value).filter((k) => k !== 'type' && !EFFECT_KEYS[type].includes(k));
  if (unknown.length) problems.push(`effect ${type} does not take ${unknown.join(', ')}`);
  switch (type) {
    case 'latency':
      if (!isCount(value.ms, MAX_LATENCY_MS)) problems.push(`latency ms must be an integer from 0 to ${MAX_LATENCY_MS}`);
      return { type, ms: value.ms as number };
    case 'error': {
      const status = value.status as FaultErrorStatus;
      if (!FAULT_ERROR_STATUSES.includes(status)) problems.push(`error status must be one of ${FAULT_ERROR_STATUSES.join(', ')}`);
      const retry = value.retryAfterSeconds;
      if (retry !== undefined && (!isCount(retry, 3600) || (status !== 429 && status !== 503))) {
        problems.push('retryAfterSeconds is an integer from 0 to 3600, for status 429 or 503 only');
      }
      return retry === undefined ? { type, status } : { type, status, retryAfterSeconds: retry as number };
    }
    case 'operation-outcome-in-searchset': {
      const { severity, diagnostics } = value;
      if (severity !== undefined && severity !== 'error' && severity !== 'fatal') problems.push('operation-outcome-in-searchset severity must be error or fatal');
      if (diagnostics !== undefined && (typeof diagnostics !== 'string' || diagnostics === '' || diagnostics.length > MAX_DIAGNOSTICS)) {
        problems.push(`operation-outcome-in-searchset diagnostics must be a non-empty string of at most ${MAX_DIAGNOSTICS} characters`);
      }
      return {
        type,
        ...(severity === undefined ? {} : { severity: severity as 'error' | 'fatal' }),
        ...(diagnostics === undefined ? {} : { diagnostics: diagnostics as string }),
      };
    }
    case 'second-origin-next': {
      if (value.origin !== undefined && (typeof value.origin !== 'string' || !isHttpOrigin(value.origin))) {
        problems.push('second-origin-next origin must be an http(s) origin such as http://localhost:8090');
      }
      return value.origin === undefined ? { type } : { type, origin: (value.origin as string).replace(/\/$/, '') };
    }
    case 'wrong-patient': {
      const other = value.otherPatientId;
      if (other !== undefined && (typeof other !== 'string' || !FHIR_ID.test(other))) problems.push('wrong-patient otherPatientId must be a FHIR id');
      return other === undefined ? { type } : { type, otherPatientId: other as string };
    }
    case 'foreign-next': {
      const origin = value.origin ?? DEFAULT_FOREIGN_ORIGIN;
      if (typeof origin !== 'string' || !isHttpOrigin(origin)) problems.push('foreign-next origin must be an http(s) origin such as https://other.example');
      return { type, origin: origin as string };
    }
    default:
      return { type };
  }
}

function isHttpOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text.replace(/\/$/, '');
  } catch {
    return false;
  }
}

function parseParams(value: unknown, problems: string[]): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || Object.keys(value).length === 0 || Object.values(value).some((v) => typeof v !== 'string' || v === '')) {
    problems.push('params must be a non-empty object of search parameter names to non-empty strings');
    return undefined;
  }
  return { ...(value as Record<string, string>) };
}

function checkEffectScope(type: FaultEffect['type'], rule: { resourceType?: string; interaction?: string; params?: object }, problems: string[]): void {
  const scope = EFFECT_SCOPE[type];
  if (!scope) return;
  if (scope.needsResourceType && rule.resourceType === undefined) problems.push(`${type} needs the resourceType that is not supported`);
  if (scope.resourceType === 'none' && rule.resourceType !== undefined) problems.push(`${type} is about token responses: it takes no resourceType`);
  else if (scope.resourceType !== undefined && rule.resourceType !== undefined && rule.resourceType !== scope.resourceType) {
    problems.push(`${type} applies to ${scope.resourceType} only`);
  }
  if (rule.interaction !== undefined && (scope.interaction === 'none' || rule.interaction !== scope.interaction)) {
    problems.push(scope.interaction === 'none' ? `${type} takes no interaction` : `${type} applies to ${scope.interaction} only`);
  }
  if (!scope.params && rule.params !== undefined) problems.push(`${type} takes no params`);
}

/** The rule, or a FaultRuleError listing every problem found (not just the first). */
export function parseFaultRule(json: unknown): CheckedFaultRule {
  if (!isObject(json)) throw new FaultRuleError('a fault rule must be a JSON object', ['not an object']);
  const problems: string[] = [];
  const unknown = Object.keys(json).filter((k) => !RULE_KEYS.has(k));
  if (unknown.length) problems.push(`unknown field(s): ${unknown.join(', ')}`);
  const id = nonEmptyString(json, 'id', problems, /^[A-Za-z0-9._-]{1,64}$/);
  const patientId = nonEmptyString(json, 'patientId', problems);
  // FHIR resource type names are CamelCase ASCII (http://hl7.org/fhir/R4/resourcelist.html).
  const resourceType = nonEmptyString(json, 'resourceType', problems, /^[A-Z][A-Za-z]{1,63}$/);
  let interaction = nonEmptyString(json, 'interaction', problems);
  if (interaction === 'search') interaction = 'search-type'; // the SMART scope spelling, accepted as shorthand
  if (interaction !== undefined && !FAULT_INTERACTIONS.includes(interaction as FaultInteraction)) {
    problems.push(`interaction must be one of ${FAULT_INTERACTIONS.join(', ')} (or search)`);
  }
  const params = parseParams(json.params, problems);
  const effect = parseEffect(json.effect, problems);
  if (json.times !== undefined && (!isCount(json.times, 1_000_000) || json.times === 0)) problems.push('times must be a positive integer');
  if (effect) checkEffectScope(effect.type, { resourceType, interaction, params }, problems);
  if (problems.length || !effect) throw new FaultRuleError(`invalid fault rule: ${problems.join('; ')}`, problems);
  return {
    ...(id ? { id } : {}),
    ...(patientId ? { patientId } : {}),
    ...(resourceType ? { resourceType } : {}),
    ...(interaction ? { interaction: interaction as FaultInteraction } : {}),
    ...(params ? { params } : {}),
    effect,
    ...(json.times === undefined ? {} : { times: json.times as number }),
  };
}
