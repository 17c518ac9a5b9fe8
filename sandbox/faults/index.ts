// Public surface of the sandbox's fault injection. Importing this module has no side effects.
export { FaultEngine, type FaultControls, type FaultEngineOptions, type TokenGrantTarget } from './fault-engine';
export { ehrProfiles, type ProfileOptions, type SearchProfileOptions } from './ehr-profiles';
export { DECOY_PATIENT } from './profile-responses';
export { secondOriginOf } from './response-effects';
export { FAULTS_FILE, parseFaultsFile, readFaultsFile, type FaultsFile } from './faults-file';
export { ruleMatches, type FaultTarget } from './match';
export { FaultRuleError, parseFaultRule } from './parse-rule';
export {
  DEFAULT_FOREIGN_ORIGIN,
  DEFAULT_RETRY_AFTER_SECONDS,
  DEFAULT_SEARCH_OUTCOME_TEXT,
  FAULT_ERROR_STATUSES,
  FAULT_INTERACTIONS,
  type ActiveFaultRule,
  type CheckedFaultRule,
  type FaultEffect,
  type FaultEffectType,
  type FaultErrorStatus,
  type FaultInteraction,
  type FaultRule,
} from './rule';
