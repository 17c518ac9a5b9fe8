/**
 * From the redirect page to a review: complete the SMART launch, then fetch the record with every
 * query at once while the EHR's presentation (banner, style) is read beside it. Timings are marked
 * with the Performance API (no patient data in them) so the end-to-end test can report the time
 * from token to findings. A record that belongs to another patient rejects with WrongPatientError,
 * which the app shows as a problem (launch-problem.ts) with nothing from the record.
 */
import { ALL_RULES } from '../../rules/index.js';
import { calendarDayOf } from '../../rules/engine/time.js';
import { loadRuntimeConfig } from '../config/runtime-config.js';
import { fetchPatientRecord, refetchQueries, type FetchedRecord, type FetchOptions } from '../fhir/live/fetch-record.js';
import { completeLaunch, LaunchError, type Session } from '../fhir/session.js';
import { ehrPresentation, type EhrStyle } from '../fhir/smart-configuration.js';
import { writeBackFor, type WriteBack } from '../fhir/write-back/write-back.js';
import { launchOrganization } from '../fhir/live/clinic-organization.js';
import type { ClinicContact } from '../handout/clinic.js';

export interface LaunchedReview {
  readonly fetched: FetchedRecord;
  readonly asOf: string;
  readonly showBanner: boolean;
  readonly style: EhrStyle;
  /** Every query was refused with 401: the token is no longer valid. */
  readonly sessionExpired: boolean;
  /** Some query was refused with 401 after others succeeded (the token expired mid-way). */
  readonly partlyExpired: boolean;
  /** Re-run the named queries of `earlier` with the same session (the review screen's Retry). */
  readonly refetch: (earlier: FetchedRecord, names: readonly string[]) => Promise<FetchedRecord>;
  /** Save to record for this launch (off, not granted, or a save bound to the session). */
  readonly writeBack: WriteBack;
  /**
   * The clinic for the handout: the runtime configuration's, else the EHR's Organization for the
   * launch (read after the record, never holding the review up), else undefined (a line to write on).
   */
  readonly clinic: Promise<ClinicContact | undefined>;
}

/** Today on the clinician's machine, as a calendar day: the engine's asOf. */
export function localToday(now = new Date()): string {
  return calendarDayOf(now);
}

export async function launchReview(): Promise<LaunchedReview> {
  const config = await loadRuntimeConfig(document.baseURI);
  let session: Session;
  try {
    session = await completeLaunch(config);
  } catch (err) {
    // The problem page links to where the app is started, when the configuration says where.
    if (err instanceof LaunchError && config.ehrPageUrl) err.ehrPageUrl = config.ehrPageUrl;
    throw err;
  }
  performance.mark('lc:token');
  if (session.expiresAt && session.expiresAt * 1000 <= Date.now()) {
    throw Object.assign(new Error('expired'), { sessionExpired: true });
  }
  const asOf = localToday();
  const options: FetchOptions = { rules: ALL_RULES, asOf, additionalFhirOrigins: config.additionalFhirOrigins ?? [] };
  const [fetched, presentation] = await Promise.all([
    fetchPatientRecord(session, options),
    ehrPresentation(session),
  ]);
  performance.mark('lc:record');
  const refused = fetched.queries.filter((q) => q.httpStatus === 401);
  return {
    fetched,
    asOf,
    showBanner: presentation.showBanner,
    style: presentation.style,
    sessionExpired: refused.length > 0 && refused.length === fetched.queries.length,
    partlyExpired: refused.length > 0 && refused.length < fetched.queries.length,
    refetch: (earlier, names) => refetchQueries(session, earlier, names, options),
    writeBack: writeBackFor(session, config),
    clinic: config.clinic
      ? Promise.resolve(config.clinic)
      : launchOrganization(session, { ...(fetched.patient?.organization ? { patientOrganization: fetched.patient.organization } : {}), additionalFhirOrigins: config.additionalFhirOrigins ?? [] }).catch(() => undefined),
  };
}
