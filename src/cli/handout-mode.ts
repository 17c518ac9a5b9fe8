/**
 * `evaluate --handout en|es <bundle | directory>`: the patient handout's text for each bundle, built
 * by the app's own steps (src/handout/handout-for-bundle.ts) as if the clinician had marked nothing,
 * so a folder of patients can be read without a browser. One file prints its handout alone; a
 * directory prints one handout after another, each under a line naming its file. Files that are
 * not bundles, or cannot be read, are reported on stderr as the report mode reports them, and the
 * exit status is the same: 0, or 2 when a file could not be evaluated.
 */
import { NotFhirError } from '../fhir/read-bundle.js';
import { handoutForBundle } from '../handout/handout-for-bundle.js';
import { handoutText, handoutTraceText } from '../handout/handout-text.js';
import type { HandoutRequest } from './args.js';
import { visible } from './format-text.js';
import { InputError, listInputs, readJson } from './load-inputs.js';
import type { Output } from './run-evaluator.js';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

/** The line above each handout of a directory. */
export const handoutSeparator = (path: string): string => `======== ${visible(path)} ========`;

export function runHandouts(path: string, asOf: string, request: HandoutRequest, trace: boolean, out: Output): number {
  let inputs;
  try {
    inputs = listInputs(path);
  } catch (err) {
    out.stderr(`evaluate: ${err instanceof InputError ? err.message : 'cannot read input'}\n`);
    return EXIT_BAD_INPUT;
  }
  let printed = 0;
  let failed = false;
  for (const file of inputs.files) {
    let result;
    try {
      result = handoutForBundle(readJson(file), asOf, request.language, { layout: request.layout });
    } catch (err) {
      if (err instanceof NotFhirError && inputs.directory) {
        out.stderr(`evaluate: skipped ${file.path}: ${err.message}\n`);
        continue;
      }
      failed = true;
      const message = err instanceof InputError ? err.message : err instanceof NotFhirError ? `${file.path}: ${err.message}` : `${file.path}: could not be evaluated (${err instanceof Error ? err.message : 'unknown error'})`;
      out.stderr(`evaluate: ${message}\n`);
      continue;
    }
    const body = result.handout
      ? `${handoutText(result.handout)}${trace ? `\n\n${handoutTraceText(result.handout)}` : ''}`
      : 'No handout: this record belongs to a patient who has died (the app offers none).';
    // Each handout is written in one piece, like each report.
    out.stdout(`${inputs.directory ? `${printed ? '\n' : ''}${handoutSeparator(file.path)}\n` : ''}${body}\n`);
    printed += 1;
  }
  if (inputs.directory && !printed && !failed) {
    out.stderr(`evaluate: no FHIR bundles in ${path}\n`);
    return EXIT_BAD_INPUT;
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}
