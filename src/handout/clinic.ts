/**
 * The clinic the patient calls: its name and telephone number, printed in the urgent box. It comes
 * from the runtime configuration (`clinic` in smart-config.json), else from the EHR's Organization
 * for the launch (src/fhir/live/clinic-organization.ts), else the sheet leaves a line to write on.
 *
 * Both strings may come from an EHR, so each is made one plain line here: control and
 * bidirectional-override characters removed, whitespace collapsed, length capped; a telephone
 * number keeps only the characters a number is written with, and needs at least three digits.
 */
export interface ClinicContact {
  readonly name?: string;
  readonly phone?: string;
}

export const CLINIC_NAME_MAX = 80;
export const CLINIC_PHONE_MAX = 32;

// C0 and C1 controls, and the Unicode bidirectional controls (embeddings, overrides, isolates, marks).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One printable line, at most `max` characters (cut at a word when it can be), or undefined when empty. */
export function plainClinicText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trim();
}

/** Digits, spaces and + ( ) - . / and an extension ("x 204", "ext. 204"); three digits at least. */
const PHONE = /^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$/i;

export function plainPhone(value: unknown): string | undefined {
  const line = plainClinicText(value, CLINIC_PHONE_MAX + 1);
  if (!line || line.length > CLINIC_PHONE_MAX || !PHONE.test(line)) return undefined;
  return (line.match(/[0-9]/g) ?? []).length >= 3 ? line : undefined;
}

/** A contact from untrusted strings: what is not a usable name or number is left out. */
export function clinicContactOf(name: unknown, phone: unknown): ClinicContact | undefined {
  const n = plainClinicText(name, CLINIC_NAME_MAX);
  const p = plainPhone(phone);
  if (!n && !p) return undefined;
  return { ...(n ? { name: n } : {}), ...(p ? { phone: p } : {}) };
}
