// The EHR page's patient search: a plain GET form (the page runs no script), matched on the
// server. With the 122 Synthea patients loaded the page lists over 150 people, so a newcomer needs
// to find one, and the project's own scenario patients (the ones with a one-line description of
// what they show) come first, in their loaded order; the rest follow by name.
import type { PatientSummary } from './types';

/** Longest search text read; anything longer is cut (a search box is not a place for megabytes). */
export const MAX_QUERY_LENGTH = 100;

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The search text from `?q=`, trimmed and bounded; empty when there is none. */
export function searchQuery(url: URL): string {
  return (url.searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
}

/**
 * The patients to show: scenario patients (with a description) first, then the others by name;
 * with a query, only those whose name, id, description, gender or birth date contain every word
 * of it (case and accents ignored).
 */
export function searchPatients(patients: readonly PatientSummary[], query: string): PatientSummary[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const matches = words.length
    ? patients.filter((p) => {
        const haystack = normalise([p.name, p.id, p.description ?? '', p.gender ?? '', p.birthDate ?? ''].join(' '));
        return words.every((w) => haystack.includes(w));
      })
    : [...patients];
  const scenarios = matches.filter((p) => p.description);
  const others = matches.filter((p) => !p.description).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...scenarios, ...others];
}
