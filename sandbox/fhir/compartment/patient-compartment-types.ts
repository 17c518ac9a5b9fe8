// Resource types that belong to the FHIR R4 Patient compartment (types listed with at least one
// linking search parameter), copied from https://hl7.org/fhir/R4/compartmentdefinition-patient.html.
// A `patient/` scope confines these types to the patient in context. Types outside the compartment
// (Medication, Practitioner, Organization, Location, ...) hold no patient's data, so a `patient/`
// scope for such a type grants it as such: that is how the app can read the Medication a
// MedicationRequest points at.
export const PATIENT_COMPARTMENT_TYPES: ReadonlySet<string> = new Set([
  'Account', 'AdverseEvent', 'AllergyIntolerance', 'Appointment', 'AppointmentResponse', 'AuditEvent',
  'Basic', 'BodyStructure', 'CarePlan', 'CareTeam', 'ChargeItem', 'Claim', 'ClaimResponse',
  'ClinicalImpression', 'Communication', 'CommunicationRequest', 'Composition', 'Condition', 'Consent',
  'Coverage', 'CoverageEligibilityRequest', 'CoverageEligibilityResponse', 'DetectedIssue',
  'DeviceRequest', 'DeviceUseStatement', 'DiagnosticReport', 'DocumentManifest', 'DocumentReference',
  'Encounter', 'EnrollmentRequest', 'EpisodeOfCare', 'ExplanationOfBenefit', 'FamilyMemberHistory',
  'Flag', 'Goal', 'Group', 'ImagingStudy', 'Immunization', 'ImmunizationEvaluation',
  'ImmunizationRecommendation', 'Invoice', 'List', 'MeasureReport', 'Media', 'MedicationAdministration',
  'MedicationDispense', 'MedicationRequest', 'MedicationStatement', 'MolecularSequence',
  'NutritionOrder', 'Observation', 'Patient', 'Person', 'Procedure', 'Provenance',
  'QuestionnaireResponse', 'RelatedPerson', 'RequestGroup', 'ResearchSubject', 'RiskAssessment',
  'Schedule', 'ServiceRequest', 'Specimen', 'SupplyDelivery', 'SupplyRequest', 'Task',
  'VisionPrescription',
]);
