/**
 * The SMART scopes write-back needs, and whether a token's granted scopes allow it. The app writes
 * two things for the launch patient: its chart note (DocumentReference) and its checklist
 * (QuestionnaireResponse), each created once and then updated, so it needs create and update on
 * both. They are asked for only when the runtime configuration turns `writeBack` on
 * (src/config/runtime-config.ts); an EHR may grant less than asked, and then the app says which
 * permission is missing instead of trying a write it knows will be refused.
 *
 * Scopes: SMART v2 `patient/DocumentReference.cu` (c = create, u = update) and v1
 * `patient/DocumentReference.write`, wildcards (`patient/*.cruds`, `patient/*.write`), and `user/`
 * or `system/` scopes, which also cover the patient's record. A v2 scope with a query
 * (`?category=...`) restricts by content the app cannot prove beforehand, so it is not counted.
 * https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
 */

export const WRITE_BACK_RESOURCE_TYPES = ['DocumentReference', 'QuestionnaireResponse'] as const;
export type WriteBackResourceType = (typeof WRITE_BACK_RESOURCE_TYPES)[number];

/** What the app asks for when write-back is on. */
export const WRITE_BACK_SCOPES: readonly string[] = WRITE_BACK_RESOURCE_TYPES.map((t) => `patient/${t}.cu`);

type WriteInteraction = 'create' | 'update';
const LETTER: Record<WriteInteraction, string> = { create: 'c', update: 'u' };

const SCOPE_RE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)$/;

/** Whether the granted scopes allow one write interaction on one resource type. */
export function mayWrite(scope: string | undefined, resourceType: string, interaction: WriteInteraction): boolean {
  for (const token of (scope ?? '').split(/\s+/).filter(Boolean)) {
    const m = SCOPE_RE.exec(token);
    if (!m) continue;
    const [, , type, permissions] = m;
    if (type !== '*' && type !== resourceType) continue;
    if (permissions === '*' || permissions === 'write') return true;
    if (/^c?r?u?d?s?$/.test(permissions!) && permissions!.includes(LETTER[interaction])) return true;
  }
  return false;
}

export type WriteBackAccess =
  | { readonly allowed: true }
  /** `missing`: the permissions not granted, in SMART v2 syntax (`patient/DocumentReference.u`). */
  | { readonly allowed: false; readonly missing: readonly string[] };

/** Create and update on both resource types, or the list of what was not granted. */
export function writeBackAccess(scope: string | undefined): WriteBackAccess {
  const missing = WRITE_BACK_RESOURCE_TYPES.flatMap((type) =>
    (['create', 'update'] as const).filter((i) => !mayWrite(scope, type, i)).map((i) => `patient/${type}.${LETTER[i]}`),
  );
  return missing.length ? { allowed: false, missing } : { allowed: true };
}

/** The scope with the write-back scopes added (once each), for a configuration that turns write-back on. */
export function withWriteBackScopes(scope: string): string {
  const tokens = scope.split(/\s+/).filter(Boolean);
  return [...tokens, ...WRITE_BACK_SCOPES.filter((s) => !tokens.includes(s))].join(' ');
}
