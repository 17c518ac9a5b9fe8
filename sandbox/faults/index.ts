// Public surface of the sandbox's fault injection. Importing this module has no side effects.
export { FaultEngine, type FaultControls, type FaultEngineOptions } from './fault-engine';
export { FAULTS_FILE, parseFaultsFile, readFaultsFile, type FaultsFile } from './faults-file';
export { ruleMatches, type FaultTarget } from './match';
export { FaultRuleError, parseFaultRule } from './parse-rule';
export {
  DEFAULT_FOREIGN_ORIGIN,
  DEFAULT_RETRY_AFTER_SECONDS,
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
