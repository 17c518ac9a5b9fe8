// The Patient compartment's resource types live with the FHIR server, which enforces the compartment
// on every response; the scope checks here use the same list.
export { PATIENT_COMPARTMENT_TYPES } from '../fhir/compartment/patient-compartment-types';
