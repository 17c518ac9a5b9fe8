/**
 * The fault rule engine: holds the active rules, counts how often each fired, and applies them at the
 * points where the sandbox can misbehave realistically:
 * - before authorization (the FHIR server's `authorize` hook): `expire-token` ends the presented token,
 *   and `forbid` rules sit in the token verifier itself (`verifier.forbid`), so the 403 carries the
 *   same `WWW-Authenticate: Bearer error="insufficient_scope"` a real refusal does, and 401 still wins;
 * - before a search runs (`adjustSearch`): `active-only-unless-status` narrows it;
 * - before the response is written (`beforeResponse`): latency; then the searchset views
 *   (`ignore-include`, `ignore-count`, includes and /metadata entries of unsupported types), which
 *   combine; then at most one replacement (error statuses, broken or second-origin `next` links, an
 *   OperationOutcome in the searchset, unsupported type, required parameters, another patient);
 * - in the token endpoint (`shapeTokenResponse`): `token-without-scope`.
 * Effects change only answers that would have succeeded, so a fault never hides a real 401/403/404 and
 * a limited rule is not used up on requests that failed anyway.
 */
import type { IncomingMessage } from 'node:http';
import type { Resource } from 'fhir/r4';
import type { TokenResponseBody, TokenVerifier } from '../auth';
import type { AccessRequest, FhirHttpResponse } from '../fhir/server';
import { ruleMatches, type FaultTarget } from './match';
import { FaultRuleError, parseFaultRule } from './parse-rule';
import { capabilitiesWithout, categoryOrCodeRequired, DECOY_PATIENT, outcomeInSearchset, unsupportedType, wrongPatient } from './profile-responses';
import { errorResponse, foreignNext, repeatNext, secondOriginNext, secondOriginOf } from './response-effects';
import type { ActiveFaultRule, CheckedFaultRule, FaultEffect, FaultRule } from './rule';
import { ignoreInclude, onePerPage, withoutTypes } from './searchset-views';

/** What tests and the admin endpoint use; `sandbox.faults` is one of these. */
export interface FaultControls {
  /** Checks and adds a rule; throws FaultRuleError for a malformed rule or a duplicate id. */
  add(rule: FaultRule, source?: string): ActiveFaultRule;
  remove(id: string): boolean;
  /** Removes every rule, including those from faults.json. The global latency stays. */
  clear(): void;
  list(): ActiveFaultRule[];
  /** Latency added to every FHIR response (`--latency`). */
  readonly latencyMs: number;
}

interface Entry {
  readonly rule: CheckedFaultRule & { readonly id: string };
  readonly source: string;
  applied: number;
  /** Lifts a `forbid` rule from the verifier. */
  unforbid?: () => void;
}

export interface FaultEngineOptions {
  readonly verifier: TokenVerifier;
  readonly fhirBaseUrl: string;
  readonly latencyMs?: number;
  /** A stored resource, for `wrong-patient` (which patient to answer with). */
  readonly readResource?: (resourceType: string, id: string) => Resource | undefined;
}

/** Who a token response is for, as `token-without-scope` matches it. */
export interface TokenGrantTarget {
  readonly patient?: string;
  readonly clientId: string;
  readonly requestedScopes: readonly string[];
}

/** Effects that shape a searchset (they combine); every other non-latency effect replaces the answer. */
const VIEW_EFFECTS: ReadonlySet<FaultEffect['type']> = new Set(['ignore-include', 'ignore-count']);
/** Effects that act somewhere else than on a FHIR response. */
const ELSEWHERE_EFFECTS: ReadonlySet<FaultEffect['type']> = new Set(['latency', 'forbid', 'expire-token', 'active-only-unless-status', 'token-without-scope']);

const ok = (response: FhirHttpResponse): boolean => response.status >= 200 && response.status < 300;

const BEARER = /^Bearer +(\S+)$/i;

export class FaultEngine implements FaultControls {
  readonly #entries = new Map<string, Entry>();
  readonly #verifier: TokenVerifier;
  readonly #origin: string;
  /** Where `second-origin-next` points when its rule names no origin. */
  readonly #secondOrigin: string | undefined;
  readonly #readResource: FaultEngineOptions['readResource'];
  /** Tokens this engine ended, so a later request with the same dead token does not use up a limited rule. */
  readonly #expired = new Set<string>();
  readonly #sleeping = new Set<() => void>();
  #nextId = 1;
  readonly latencyMs: number;

  constructor(options: FaultEngineOptions) {
    this.#verifier = options.verifier;
    this.#origin = new URL(options.fhirBaseUrl).origin;
    this.#secondOrigin = secondOriginOf(this.#origin);
    this.#readResource = options.readResource;
    this.latencyMs = options.latencyMs ?? 0;
  }

  add(input: FaultRule, source = 'api'): ActiveFaultRule {
    const parsed = parseFaultRule(input); // typed callers can still pass times: 0 or a bad status
    const id = parsed.id ?? this.#freshId();
    if (this.#entries.has(id)) throw new FaultRuleError(`a fault rule with id ${id} already exists`, [`duplicate id ${id}`]);
    this.#checkAgainstServer(parsed.effect);
    const entry: Entry = { rule: { ...parsed, id }, source, applied: 0 };
    if (parsed.effect.type === 'forbid') {
      // `when` runs only once the token is known to be valid, and a true answer refuses the request
      // at once, so counting here counts exactly the requests this rule refused.
      entry.unforbid = this.#verifier.forbid({ when: (target) => this.#fires(entry, target) });
    }
    this.#entries.set(id, entry);
    return view(entry);
  }

  remove(id: string): boolean {
    const entry = this.#entries.get(id);
    entry?.unforbid?.();
    return this.#entries.delete(id);
  }

  clear(): void {
    for (const id of [...this.#entries.keys()]) this.remove(id);
  }

  list(): ActiveFaultRule[] {
    return [...this.#entries.values()].map(view);
  }

  /** Runs inside the FHIR server's `authorize` hook, just before the token verifier decides. */
  beforeAuthorize(req: IncomingMessage, access: AccessRequest): void {
    const token = BEARER.exec(req.headers.authorization?.trim() ?? '')?.[1];
    if (!token || this.#expired.has(token)) return;
    for (const entry of this.#entries.values()) {
      if (entry.rule.effect.type !== 'expire-token' || !this.#matchesWithRoom(entry, access)) continue;
      // Counted only when a token the auth server knows was ended, not for a made-up one.
      if (this.#verifier.expireToken(token)) {
        entry.applied += 1;
        this.#expired.add(token);
      }
      return;
    }
  }

  /**
   * The FHIR server's `adjustSearch` hook: `active-only-unless-status` adds `status=active` to a
   * MedicationRequest search that names no status, as EHRs that default to active orders do.
   */
  adjustSearch(_req: IncomingMessage, access: AccessRequest): URLSearchParams | undefined {
    const params = access.searchParams;
    if (access.resourceType !== 'MedicationRequest' || !params || [...params.keys()].some((name) => name.split(':')[0] === 'status')) return undefined;
    for (const entry of this.#entries.values()) {
      if (entry.rule.effect.type === 'active-only-unless-status' && this.#fires(entry, access)) {
        const narrowed = new URLSearchParams(params);
        narrowed.append('status', 'active');
        return narrowed;
      }
    }
    return undefined;
  }

  /**
   * The token endpoint's hook: `token-without-scope` leaves `scope` out of the response, but only when
   * the grant equals the request, the one case RFC 6749 §5.1 allows it (otherwise the rule does not fire).
   */
  shapeTokenResponse(response: TokenResponseBody, grant: TokenGrantTarget): TokenResponseBody {
    const target: FaultTarget = { interaction: 'token', patientId: grant.patient, patientIds: grant.patient === undefined ? [] : [grant.patient] };
    const granted = new Set(response.scope?.split(' ') ?? []);
    const asked = new Set(grant.requestedScopes);
    const equal = granted.size === asked.size && [...asked].every((s) => granted.has(s));
    for (const entry of this.#entries.values()) {
      if (entry.rule.effect.type !== 'token-without-scope' || !equal || !this.#fires(entry, target)) continue;
      const { scope: _omitted, ...withoutScope } = response;
      return withoutScope;
    }
    return response;
  }

  /** The FHIR server's `beforeResponse` hook: delays, shapes searchsets, and at most once per response replaces it. */
  async beforeResponse(req: IncomingMessage, response: FhirHttpResponse, access: AccessRequest | undefined): Promise<FhirHttpResponse | undefined> {
    let delay = this.latencyMs;
    // Without `access` the request could not even be parsed: nothing to match a rule against.
    const entries = access ? [...this.#entries.values()] : [];
    for (const entry of entries) {
      if (entry.rule.effect.type === 'latency' && this.#fires(entry, access!)) delay += entry.rule.effect.ms;
    }
    let current = response;
    if (access && ok(response)) {
      current = this.#shape(req, current, access, entries);
      current = this.#replacement(req, current, access, entries) ?? current;
    }
    if (delay > 0) await this.#sleep(delay);
    return current === response ? undefined : current;
  }

  /** The views that combine: unsupported types taken out of /metadata and includes, then ignore-include / ignore-count in rule order. */
  #shape(req: IncomingMessage, response: FhirHttpResponse, access: AccessRequest, entries: readonly Entry[]): FhirHttpResponse {
    if (access.interaction === 'capabilities') {
      // /metadata is not about a patient: any active rule takes its type away for everyone.
      return capabilitiesWithout(response, this.#unsupportedTypes(entries, () => true)) ?? response;
    }
    const requestUrl = new URL(req.url ?? '/', this.#origin).href;
    let current = withoutTypes(response, this.#unsupportedTypes(entries, (rule) => ruleMatches(rule, { ...access, interaction: 'read', resourceType: rule.resourceType, searchParams: undefined }))) ?? response;
    for (const entry of entries) {
      const { type } = entry.rule.effect;
      if (!VIEW_EFFECTS.has(type) || !this.#matchesWithRoom(entry, access)) continue;
      const shaped = type === 'ignore-include' ? ignoreInclude(current) : onePerPage(current, requestUrl);
      if (shaped) {
        entry.applied += 1;
        current = shaped;
      }
    }
    return current;
  }

  /** Types that active `unsupported-type` rules accepted by `applies` take away. */
  #unsupportedTypes(entries: readonly Entry[], applies: (rule: CheckedFaultRule) => boolean): Set<string> {
    const types = new Set<string>();
    for (const { rule, applied } of entries) {
      const active = rule.times === undefined || applied < rule.times;
      if (rule.effect.type === 'unsupported-type' && rule.resourceType && active && applies(rule)) types.add(rule.resourceType);
    }
    return types;
  }

  /** The first replacing effect that applies, counted. */
  #replacement(req: IncomingMessage, response: FhirHttpResponse, access: AccessRequest, entries: readonly Entry[]): FhirHttpResponse | undefined {
    for (const entry of entries) {
      const { type } = entry.rule.effect;
      if (VIEW_EFFECTS.has(type) || ELSEWHERE_EFFECTS.has(type) || !this.#matchesWithRoom(entry, access)) continue;
      const replaced = this.#replace(entry, req, response, access);
      if (replaced) {
        entry.applied += 1;
        return replaced;
      }
    }
    return undefined;
  }

  /** The response a replacing effect gives, or undefined when it does not apply to this one. */
  #replace(entry: Entry, req: IncomingMessage, response: FhirHttpResponse, access: AccessRequest): FhirHttpResponse | undefined {
    const { effect } = entry.rule;
    const requestUrl = new URL(req.url ?? '/', this.#origin).href;
    switch (effect.type) {
      case 'error':
        return errorResponse(effect, entry.rule.id);
      case 'repeat-next':
        return repeatNext(response, requestUrl);
      case 'foreign-next':
        return foreignNext(response, requestUrl, effect.origin);
      case 'second-origin-next': {
        const origin = effect.origin ?? this.#secondOrigin;
        return origin === undefined ? undefined : secondOriginNext(response, origin);
      }
      case 'operation-outcome-in-searchset':
        return outcomeInSearchset(response, effect);
      case 'unsupported-type':
        return access.resourceType === undefined ? undefined : unsupportedType(access.resourceType);
      case 'require-category-or-code':
        return categoryOrCodeRequired(access);
      case 'wrong-patient':
        return wrongPatient(response, access, effect.otherPatientId === undefined ? DECOY_PATIENT : this.#readResource?.('Patient', effect.otherPatientId));
      default:
        return undefined; // the others act before authorization, before the search or in the token endpoint
    }
  }

  /** Rules that name something this server must have: a second origin, another loaded patient. */
  #checkAgainstServer(effect: FaultEffect): void {
    if (effect.type === 'second-origin-next' && effect.origin === undefined && this.#secondOrigin === undefined) {
      const problem = `second-origin-next needs an origin here: ${this.#origin} has no second loopback name`;
      throw new FaultRuleError(`invalid fault rule: ${problem}`, [problem]);
    }
    if (effect.type === 'wrong-patient' && effect.otherPatientId !== undefined && this.#readResource && !this.#readResource('Patient', effect.otherPatientId)) {
      const problem = `wrong-patient otherPatientId ${effect.otherPatientId} is not a loaded patient`;
      throw new FaultRuleError(`invalid fault rule: ${problem}`, [problem]);
    }
  }

  /** Ends pending delays at once (the sandbox is closing; their sockets are gone). */
  dispose(): void {
    for (const wake of this.#sleeping) wake();
    this.#sleeping.clear();
  }

  #freshId(): string {
    while (this.#entries.has(`fault-${this.#nextId}`)) this.#nextId += 1;
    return `fault-${this.#nextId++}`;
  }

  #matchesWithRoom(entry: Entry, target: FaultTarget): boolean {
    const { times } = entry.rule;
    return (times === undefined || entry.applied < times) && ruleMatches(entry.rule, target);
  }

  /** Matches, has applications left, and counts this one. */
  #fires(entry: Entry, target: FaultTarget): boolean {
    if (!this.#matchesWithRoom(entry, target)) return false;
    entry.applied += 1;
    return true;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#sleeping.add(wake);
    });
  }
}

function view(entry: Entry): ActiveFaultRule {
  const { times } = entry.rule;
  return { ...entry.rule, source: entry.source, applied: entry.applied, remaining: times === undefined ? null : Math.max(0, times - entry.applied) };
}
