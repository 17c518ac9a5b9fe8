import { getStatus, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';

/** Issue codes from http://hl7.org/fhir/R4/valueset-issue-type.html that this server uses. */
export type IssueCode = OperationOutcomeIssue['code'];

/**
 * An error that knows its HTTP status and carries the OperationOutcome to send.
 * Every failure the FHIR server reports goes through this type, so that each one reaches the client as
 * an OperationOutcome with the right status (http://hl7.org/fhir/R4/http.html#Status-Codes).
 */
export class FhirError extends Error {
  readonly status: number;
  readonly outcome: OperationOutcome;
  /** Response headers the status calls for, e.g. Allow on a 405. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: IssueCode,
    diagnostics: string,
    options?: { cause?: unknown; expression?: string; headers?: Record<string, string> },
  ) {
    super(diagnostics, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FhirError';
    this.status = status;
    this.outcome = operationOutcome('error', code, diagnostics, options?.expression);
    this.headers = options?.headers ?? {};
  }
}

export function operationOutcome(
  severity: OperationOutcomeIssue['severity'],
  code: IssueCode,
  diagnostics: string,
  expression?: string,
): OperationOutcome {
  const issue: OperationOutcomeIssue = { severity, code, diagnostics };
  if (expression) {
    issue.expression = [expression];
  }
  return { resourceType: 'OperationOutcome', issue: [issue] };
}

export const badRequest = (diagnostics: string, expression?: string): FhirError =>
  new FhirError(400, 'invalid', diagnostics, expression === undefined ? undefined : { expression });

export const notFound = (diagnostics: string): FhirError => new FhirError(404, 'not-found', diagnostics);

export const notSupported = (diagnostics: string, status = 400): FhirError =>
  new FhirError(status, 'not-supported', diagnostics);

/**
 * Turns anything thrown while serving a request into a FhirError. Medplum signals failures with
 * OperationOutcomeError whose outcome id maps to a status (`getStatus`); anything else is our bug and
 * becomes a 500 whose text does not leak internals (the cause stays on the error for logs).
 */
export function toFhirError(err: unknown): FhirError {
  if (err instanceof FhirError) {
    return err;
  }
  if (err instanceof OperationOutcomeError) {
    return fromMedplumOutcome(err.outcome as OperationOutcome, err);
  }
  return new FhirError(500, 'exception', 'Internal server error', { cause: err });
}

/** Medplum returns outcomes (not errors) from FhirRouter.handleRequest; this keeps their status. */
export function fromMedplumOutcome(outcome: OperationOutcome, cause?: unknown): FhirError {
  // Medplum's getStatus is typed against @medplum/fhirtypes; the shapes are the same JSON.
  const status = getStatus(outcome as Parameters<typeof getStatus>[0]);
  const issue = outcome.issue[0];
  const text = issue?.diagnostics ?? issue?.details?.text ?? 'Request failed';
  return new FhirError(status, issue?.code ?? 'processing', text, { cause });
}
