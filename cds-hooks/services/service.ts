/** What every CDS service here is: a discovery entry, the data it reads, and what it decides. */
import type { Card, Link } from '../cards/card.js';
import type { Hook, HookRequest } from '../hooks/hook-request.js';
import type { Logger } from '../log.js';
import type { PlanSelection } from '../prefetch/templates.js';

export interface ServiceCall {
  readonly request: HookRequest;
  readonly asOf: string;
  readonly log: Logger;
  /** The `smart` link that opens the app for the patient, when the service knows the app's launch URL. */
  readonly appLink?: Link;
  /** The network fetch for the client's FHIR server (tests inject one). */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export interface CdsService {
  readonly id: string;
  readonly hook: Hook;
  readonly title: string;
  readonly description: string;
  readonly usageRequirements?: string;
  /** The engine rules whose data needs make the prefetch templates and the live queries. */
  readonly selection: PlanSelection;
  /** Also read the Encounter in context (patient-view). */
  readonly withEncounter?: boolean;
  run(call: ServiceCall): Promise<Card[]>;
}
