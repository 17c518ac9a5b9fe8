/**
 * Rewrites every `Reference.reference` inside a resource, in place (the caller owns the freshly parsed JSON).
 * `rewrite` returns the new reference, or undefined to leave it as it is.
 *
 * Only `reference` strings of objects are touched, which is where R4 puts references; `urn:uuid:` values
 * in narrative or attachments are left alone (http://hl7.org/fhir/R4/bundle.html#references asks servers
 * to resolve the references, not to search free text).
 */
export function rewriteReferencesInPlace(value: unknown, rewrite: (reference: string) => string | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteReferencesInPlace(item, rewrite);
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if (key === 'reference' && typeof child === 'string') {
      const replacement = rewrite(child);
      if (replacement !== undefined) {
        record[key] = replacement;
      }
    } else if (typeof child === 'object') {
      rewriteReferencesInPlace(child, rewrite);
    }
  }
}

/** A conditional reference: `Patient?identifier=http://hospital|123` (http://hl7.org/fhir/R4/http.html#trules). */
export function parseConditionalReference(reference: string): { resourceType: string; query: string } | undefined {
  const m = /^([A-Z][A-Za-z]+)\?(.+)$/.exec(reference);
  return m?.[1] && m[2] ? { resourceType: m[1], query: m[2] } : undefined;
}
