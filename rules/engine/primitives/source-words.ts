/**
 * How a rule's text says that a source was not read in full, in the words the review screen and
 * the rule catalogue use: it "could not be read", whether it failed, was cut short, was not
 * authorised or is not offered. Never an absence ("none", "not shown"): the app could not look.
 */
import type { SourceStatus } from '../record.js';

/**
 * "could not be read (server error (HTTP 503))", "could not be read in full (only partly read:
 * stopped after 20 pages)", "could not be read (not authorised)", "could not be read (not offered
 * by this EHR)"; undefined when read in full.
 */
export function couldNotBeRead(status: SourceStatus): string | undefined {
  const why = status.reason ? `: ${status.reason}` : '';
  switch (status.state) {
    case 'complete':
      return undefined;
    case 'truncated':
      return `could not be read in full (only partly read${why})`;
    case 'not-authorised':
      return `could not be read (not authorised${why})`;
    case 'unsupported':
      // Its reason ("this EHR does not offer Observation") only repeats the words.
      return 'could not be read (not offered by this EHR)';
    default:
      return `could not be read${status.reason ? ` (${status.reason})` : ''}`;
  }
}

export const capitalised = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
