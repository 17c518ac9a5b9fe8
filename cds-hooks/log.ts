/**
 * The service's log. Lines say what happened to a call (service, status, how many cards, how long,
 * which FHIR queries did not complete and why in a word) and never carry patient data: no ids, names,
 * codes, values, FHIR URLs, tokens or the server's own wording (an OperationOutcome's diagnostics
 * may name the patient).
 */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

export const stderrLogger: Logger = {
  info: (line) => process.stderr.write(`cds-hooks: ${line}\n`),
  warn: (line) => process.stderr.write(`cds-hooks: warning: ${line}\n`),
};

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };
