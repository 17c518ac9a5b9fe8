/**
 * What a server says about its own answer in an OperationOutcome: inside a 200 searchset
 * (`search.mode = outcome`, https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry.search.mode)
 * or as the whole body. An issue of severity `error` or `fatal` means the search was not done
 * (rule catalogue, second round: "a server that did not search"); `warning` and `information` are
 * kept as notes. https://hl7.org/fhir/R4/operationoutcome.html
 *
 * The server's words are hostile text: control and direction-changing characters are removed,
 * whitespace collapsed, and the length capped before they reach a screen or a report.
 */
import { arr, codings, field, obj, resourceType, str, type JsonObject } from '../fhir-values.js';

export interface OutcomeIssues {
  /** Issues of severity error or fatal, in words. */
  readonly errors: readonly string[];
  /** Issues of severity warning or information, in words. */
  readonly notes: readonly string[];
}

/** Longest piece of a server's own wording that is kept. */
export const MAX_SERVER_TEXT = 200;

/** C0 and C1 controls, and the Unicode bidirectional and zero-width formatting characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function sanitiseServerText(text: string): string {
  const clean = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT - 1)}…` : clean;
}

function issueText(issue: JsonObject | undefined): string {
  const details = field(issue, 'details');
  const words = str(field(issue, 'diagnostics')) ?? str(field(obj(details), 'text')) ?? codings(details).find((c) => c.display)?.display;
  if (words) {
    const clean = sanitiseServerText(words);
    if (clean) return clean;
  }
  const code = str(field(issue, 'code'));
  return code && /^[a-z][a-z-]{0,40}$/.test(code) ? `issue "${code}", no explanation given` : 'no explanation given';
}

export function outcomeIssues(outcome: JsonObject): OutcomeIssues {
  const errors: string[] = [];
  const notes: string[] = [];
  for (const issue of arr(field(outcome, 'issue')).map(obj)) {
    const severity = str(field(issue, 'severity'));
    if (severity === 'error' || severity === 'fatal') errors.push(issueText(issue));
    else if (severity === 'warning' || severity === 'information') notes.push(issueText(issue));
  }
  return { errors, notes };
}

/** Every OperationOutcome in a search Bundle's entries, read together. */
export function bundleIssues(bundle: JsonObject): OutcomeIssues {
  const errors: string[] = [];
  const notes: string[] = [];
  for (const e of arr(field(bundle, 'entry')).map(obj)) {
    const resource = obj(field(e, 'resource'));
    if (!resource || resourceType(resource) !== 'OperationOutcome') continue;
    const issues = outcomeIssues(resource);
    errors.push(...issues.errors);
    notes.push(...issues.notes);
  }
  return { errors, notes };
}
