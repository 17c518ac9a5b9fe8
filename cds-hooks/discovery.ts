/**
 * The discovery document (CDS Hooks 2.0, "Discovery": `GET {baseUrl}/cds-services` answers
 * `{ services: [{ hook, title, description, id, prefetch, usageRequirements }] }`).
 * https://cds-hooks.hl7.org/2.0/#discovery
 *
 * The prefetch templates come from the services' query plans (prefetch/templates.ts).
 */
import { prefetchTemplates, requestedScope } from './prefetch/templates.js';
import type { CdsService } from './services/index.js';

export interface DiscoveryEntry {
  readonly hook: string;
  readonly title: string;
  readonly description: string;
  readonly id: string;
  readonly prefetch: Record<string, string>;
  readonly usageRequirements: string;
}

export function discoveryDocument(services: readonly CdsService[], asOf: string): { services: DiscoveryEntry[] } {
  return {
    services: services.map((s) => ({
      hook: s.hook,
      title: s.title,
      description: s.description,
      id: s.id,
      prefetch: prefetchTemplates(s.selection, asOf, s.withEncounter),
      usageRequirements: `Send every prefetch key, or fhirServer with fhirAuthorization granting ${requestedScope(s.selection, asOf, s.withEncounter)}. Calls carry the client's signed JWT.`,
    })),
  };
}
