/**
 * Reference strings as this server compares them.
 *
 * Stored references are relative (`Patient/123`): the loader rewrites `urn:uuid:` and own-base absolute
 * references when resources are written. Search values may be a bare id, `Type/id`, or an absolute URL
 * (http://hl7.org/fhir/R4/search.html#reference); the HTTP layer strips the server's own base first.
 */

export interface ReferenceValue {
  /** The reference as stored, without a `/_history/<vid>` suffix. */
  readonly reference: string;
  /** Resource type and id when the reference is relative (`Type/id`); undefined for absolute URLs etc. */
  readonly type: string | undefined;
  readonly id: string | undefined;
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function toReferenceValue(reference: string): ReferenceValue {
  const m = RELATIVE.exec(reference);
  if (!m) {
    return { reference, type: undefined, id: undefined };
  }
  return { reference: `${m[1]}/${m[2]}`, type: m[1], id: m[2] };
}

/** `http://base/fhir/Patient/1` -> `Patient/1` when it points at this server; anything else unchanged. */
export function relativeToBase(reference: string, baseUrl: string): string {
  const prefix = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return reference.startsWith(prefix) ? reference.slice(prefix.length) : reference;
}

export const isId = (value: string): boolean => /^[A-Za-z0-9\-.]{1,64}$/.test(value);
