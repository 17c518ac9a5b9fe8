// The loopback checks are shared with the EHR launch and the patient picker (sandbox/http/loopback.ts).
export { isLoopbackAddress, isLoopbackHostname, refuseNonLoopback } from '../http/loopback';
