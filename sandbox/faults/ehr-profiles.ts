/**
 * One-line switches for the EHR behaviour profiles, for tests and demo scripts:
 *
 *   sandbox.faults.add(ehrProfiles.ignoreInclude({ patientId: 'preg-32w' }));
 *   sandbox.faults.add(ehrProfiles.unsupportedType('MedicationStatement'));
 *
 * Each returns a plain fault rule (the same JSON the faults endpoint and faults.json take; see
 * sandbox/README.md, "EHR behaviour profiles"), with the resource type and interaction the profile is
 * about already filled in. `patientId` makes it one patient's EHR; `params`, `times` and `id` work as
 * in any rule.
 */
import type { FaultRule } from './rule';

export interface ProfileOptions {
  readonly id?: string;
  readonly patientId?: string;
  readonly times?: number;
}

export interface SearchProfileOptions extends ProfileOptions {
  readonly resourceType?: string;
  readonly params?: Readonly<Record<string, string>>;
}

function rule(options: ProfileOptions & { resourceType?: string; interaction?: FaultRule['interaction']; params?: Readonly<Record<string, string>> }, effect: FaultRule['effect']): FaultRule {
  const { id, patientId, times, resourceType, interaction, params } = options;
  return {
    ...(id === undefined ? {} : { id }),
    ...(patientId === undefined ? {} : { patientId }),
    ...(resourceType === undefined ? {} : { resourceType }),
    ...(interaction === undefined ? {} : { interaction }),
    ...(params === undefined ? {} : { params }),
    effect,
    ...(times === undefined ? {} : { times }),
  };
}

export const ehrProfiles = {
  /** A 200 searchset holding only an OperationOutcome (error by default, or fatal): "search not performed". */
  operationOutcomeInSearchset(options: SearchProfileOptions & { severity?: 'error' | 'fatal'; diagnostics?: string } = {}): FaultRule {
    const { severity, diagnostics, ...rest } = options;
    return rule({ ...rest, interaction: 'search-type' }, {
      type: 'operation-outcome-in-searchset',
      ...(severity === undefined ? {} : { severity }),
      ...(diagnostics === undefined ? {} : { diagnostics }),
    });
  },
  /** The type is not offered: 404 for every interaction, absent from /metadata and from includes. */
  unsupportedType(resourceType: string, options: ProfileOptions = {}): FaultRule {
    return rule({ ...options, resourceType }, { type: 'unsupported-type' });
  },
  /** `_include` ignored, reference displays removed from the matches. */
  ignoreInclude(options: SearchProfileOptions = {}): FaultRule {
    return rule({ ...options, interaction: 'search-type' }, { type: 'ignore-include' });
  },
  /** `_count` ignored: one match per page, `next` links that work. */
  ignoreCount(options: SearchProfileOptions = {}): FaultRule {
    return rule({ ...options, interaction: 'search-type' }, { type: 'ignore-count' });
  },
  /** Paging links on the sandbox's second name (localhost ⇄ 127.0.0.1), or on `origin`. */
  secondOriginNext(options: SearchProfileOptions & { origin?: string } = {}): FaultRule {
    const { origin, ...rest } = options;
    return rule({ ...rest, interaction: 'search-type' }, { type: 'second-origin-next', ...(origin === undefined ? {} : { origin }) });
  },
  /** MedicationRequest searches without `status` return active orders only. */
  activeOnlyUnlessStatus(options: ProfileOptions = {}): FaultRule {
    return rule({ ...options, resourceType: 'MedicationRequest', interaction: 'search-type' }, { type: 'active-only-unless-status' });
  },
  /** Observation searches without `category` or `code` get 400. */
  requireCategoryOrCode(options: ProfileOptions = {}): FaultRule {
    return rule({ ...options, resourceType: 'Observation', interaction: 'search-type' }, { type: 'require-category-or-code' });
  },
  /** The token response omits `scope` (when the grant equals the request). */
  tokenWithoutScope(options: ProfileOptions = {}): FaultRule {
    return rule(options, { type: 'token-without-scope' });
  },
  /** Patient/<id> answers with another patient (a loaded one, or a decoy). */
  wrongPatient(options: ProfileOptions & { otherPatientId?: string } = {}): FaultRule {
    const { otherPatientId, ...rest } = options;
    return rule({ ...rest, resourceType: 'Patient', interaction: 'read' }, { type: 'wrong-patient', ...(otherPatientId === undefined ? {} : { otherPatientId }) });
  },
} as const;
