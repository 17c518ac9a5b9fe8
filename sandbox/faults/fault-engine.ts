/**
 * The fault rule engine: holds the active rules, counts how often each fired, and applies them at the
 * two points where the sandbox can misbehave realistically:
 * - before authorization (the FHIR server's `authorize` hook): `expire-token` ends the presented token,
 *   and `forbid` rules sit in the token verifier itself (`verifier.forbid`), so the 403 carries the
 *   same `WWW-Authenticate: Bearer error="insufficient_scope"` a real refusal does, and 401 still wins;
 * - before the response is written (`beforeResponse`): latency, error statuses, broken `next` links.
 * Error and paging effects replace only answers that would have succeeded, so a fault never hides a
 * real 401/403/404 and a limited rule is not used up on requests that failed anyway.
 */
import type { IncomingMessage } from 'node:http';
import type { TokenVerifier } from '../auth';
import type { AccessRequest, FhirHttpResponse } from '../fhir/server';
import { ruleMatches, type FaultTarget } from './match';
import { FaultRuleError, parseFaultRule } from './parse-rule';
import { errorResponse, foreignNext, repeatNext } from './response-effects';
import type { ActiveFaultRule, CheckedFaultRule, FaultRule } from './rule';

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
}

const BEARER = /^Bearer +(\S+)$/i;

export class FaultEngine implements FaultControls {
  readonly #entries = new Map<string, Entry>();
  readonly #verifier: TokenVerifier;
  readonly #origin: string;
  /** Tokens this engine ended, so a later request with the same dead token does not use up a limited rule. */
  readonly #expired = new Set<string>();
  readonly #sleeping = new Set<() => void>();
  #nextId = 1;
  readonly latencyMs: number;

  constructor(options: FaultEngineOptions) {
    this.#verifier = options.verifier;
    this.#origin = new URL(options.fhirBaseUrl).origin;
    this.latencyMs = options.latencyMs ?? 0;
  }

  add(input: FaultRule, source = 'api'): ActiveFaultRule {
    const parsed = parseFaultRule(input); // typed callers can still pass times: 0 or a bad status
    const id = parsed.id ?? this.#freshId();
    if (this.#entries.has(id)) throw new FaultRuleError(`a fault rule with id ${id} already exists`, [`duplicate id ${id}`]);
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

  /** The FHIR server's `beforeResponse` hook: delays and, at most once per response, replaces it. */
  async beforeResponse(req: IncomingMessage, response: FhirHttpResponse, access: AccessRequest | undefined): Promise<FhirHttpResponse | undefined> {
    let delay = this.latencyMs;
    let replacement: FhirHttpResponse | undefined;
    // Without `access` the request could not even be parsed: nothing to match a rule against.
    const entries = access ? [...this.#entries.values()] : [];
    for (const entry of entries) {
      const { effect } = entry.rule;
      if (effect.type === 'latency') {
        if (this.#fires(entry, access!)) delay += effect.ms;
      } else if (!replacement && response.status >= 200 && response.status < 300 && this.#matchesWithRoom(entry, access!)) {
        replacement = this.#replace(entry, req, response);
        if (replacement) entry.applied += 1;
      }
    }
    if (delay > 0) await this.#sleep(delay);
    return replacement;
  }

  /** The response a replacing effect gives, or undefined when it does not apply to this one. */
  #replace(entry: Entry, req: IncomingMessage, response: FhirHttpResponse): FhirHttpResponse | undefined {
    const { effect } = entry.rule;
    const requestUrl = new URL(req.url ?? '/', this.#origin).href;
    switch (effect.type) {
      case 'error':
        return errorResponse(effect, entry.rule.id);
      case 'repeat-next':
        return repeatNext(response, requestUrl);
      case 'foreign-next':
        return foreignNext(response, requestUrl, effect.origin);
      default:
        return undefined; // forbid and expire-token act before authorization, latency above
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
