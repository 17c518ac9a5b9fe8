/**
 * Builds small FHIR R4 Bundles for tests, the way real EHRs send them: MedicationRequest /
 * Statement / Dispense / Administration with a CodeableConcept or a contained or separate
 * Medication, labs with UCUM units, reference ranges and interpretation codes, Conditions with
 * clinical and verification status, the point-of-care checklist as a QuestionnaireResponse.
 *
 * Every test patient is written here by the project; none is a copy of the Synthea files.
 */
import { CHECKLIST_QUESTIONNAIRE_URL } from '../../rules/codes/checklist.js';

export const SYS = {
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
} as const;

type Json = Record<string, unknown>;

export interface DrugSpec {
  /** CodeableConcept.text */
  text?: string;
  rxnorm?: string;
  rxnormDisplay?: string;
  atc?: string;
  /**
   * How the drug is carried: inline concept (default), a contained Medication, a separate
   * Medication entry, or a `medicationReference` to a Medication that is not in the Bundle.
   */
  via?: 'concept' | 'contained' | 'reference' | 'unresolved';
  /** Medication.ingredient names, for the referenced Medication. */
  ingredients?: string[];
  form?: string;
  route?: string;
}

export interface MedSpec extends DrugSpec {
  id?: string;
  status?: string;
  /** authoredOn / effective / whenHandedOver date */
  date?: string;
  periodEnd?: string;
  intent?: string;
  doNotPerform?: boolean;
  /** MedicationStatement.dateAsserted */
  asserted?: string;
  /** MedicationRequest.dispenseRequest.validityPeriod */
  validity?: { start?: string; end?: string };
}

export interface LabSpec {
  id?: string;
  loinc: string;
  display?: string;
  value?: number;
  unit?: string;
  /** UCUM code, when it differs from the unit text; `null` to omit the code. */
  ucum?: string | null;
  comparator?: '<' | '<=' | '>=' | '>';
  valueString?: string;
  date?: string;
  status?: string;
  low?: number;
  high?: number;
  rangeUnit?: string;
  interpretation?: string;
  category?: string;
}

export interface ConditionSpec {
  id?: string;
  icd10?: string;
  snomed?: string;
  display?: string;
  text?: string;
  clinicalStatus?: string | null;
  verificationStatus?: string | null;
  onset?: string;
  abatement?: string;
  recorded?: string;
}

export interface CodedObsSpec {
  id?: string;
  loinc: string;
  date?: string;
  status?: string;
  valueCoding?: { system: string; code: string; display?: string };
  valueDateTime?: string;
  valueQuantity?: { value: number; unit: string };
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export class BundleBuilder {
  private readonly entries: { fullUrl: string; resource: Json }[] = [];
  readonly patientId: string;

  constructor(patient: { id?: string; gender?: string; birthDate?: string; language?: string } = {}) {
    this.patientId = patient.id ?? nextId('patient');
    const resource: Json = { resourceType: 'Patient', id: this.patientId };
    if (patient.gender !== undefined) resource.gender = patient.gender;
    if (patient.birthDate !== undefined) resource.birthDate = patient.birthDate;
    if (patient.language) resource.communication = [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: patient.language }] }, preferred: true }];
    this.add(resource);
  }

  /** Add any resource as it is (for hostile or unusual encodings). */
  add(resource: Json, fullUrl?: string): this {
    this.entries.push({ fullUrl: fullUrl ?? `urn:uuid:${String(resource.resourceType).toLowerCase()}-${String(resource.id)}`, resource });
    return this;
  }

  private subject() {
    return { reference: `Patient/${this.patientId}` };
  }

  private concept(d: DrugSpec): Json {
    const coding: Json[] = [];
    if (d.rxnorm) coding.push({ system: SYS.rxnorm, code: d.rxnorm, ...(d.rxnormDisplay ? { display: d.rxnormDisplay } : {}) });
    if (d.atc) coding.push({ system: SYS.atc, code: d.atc });
    return { ...(coding.length ? { coding } : {}), ...(d.text ? { text: d.text } : {}) };
  }

  private medicationResource(id: string, d: DrugSpec): Json {
    return {
      resourceType: 'Medication',
      id,
      code: this.concept(d),
      ...(d.ingredients ? { ingredient: d.ingredients.map((i) => ({ itemCodeableConcept: { text: i } })) } : {}),
      ...(d.form ? { form: { text: d.form } } : {}),
    };
  }

  private medication(resource: Json, d: DrugSpec): Json {
    const via = d.via ?? 'concept';
    if (via === 'concept') return { ...resource, medicationCodeableConcept: this.concept(d) };
    const medId = `${resource.id}-med`;
    if (via === 'contained') return { ...resource, contained: [this.medicationResource(medId, d)], medicationReference: { reference: `#${medId}` } };
    if (via === 'unresolved') return { ...resource, medicationReference: { reference: `Medication/${medId}` } };
    this.add(this.medicationResource(medId, d), `urn:uuid:${medId}`);
    return { ...resource, medicationReference: { reference: `urn:uuid:${medId}` } };
  }

  private route(d: DrugSpec) {
    return d.route ? { route: { text: d.route } } : undefined;
  }

  medicationRequest(m: MedSpec): this {
    const id = m.id ?? nextId('medreq');
    const base: Json = { resourceType: 'MedicationRequest', id, status: m.status ?? 'active', intent: m.intent ?? 'order', subject: this.subject() };
    if (m.date) base.authoredOn = m.date;
    if (m.validity) base.dispenseRequest = { validityPeriod: m.validity };
    if (m.doNotPerform !== undefined) base.doNotPerform = m.doNotPerform;
    const route = this.route(m);
    if (route) base.dosageInstruction = [route];
    return this.add(this.medication(base, m));
  }

  medicationStatement(m: MedSpec): this {
    const id = m.id ?? nextId('medstmt');
    const base: Json = { resourceType: 'MedicationStatement', id, status: m.status ?? 'active', subject: this.subject() };
    if (m.periodEnd) base.effectivePeriod = { start: m.date, end: m.periodEnd };
    else if (m.date) base.effectiveDateTime = m.date;
    if (m.asserted) base.dateAsserted = m.asserted;
    const route = this.route(m);
    if (route) base.dosage = [route];
    return this.add(this.medication(base, m));
  }

  medicationDispense(m: MedSpec): this {
    const id = m.id ?? nextId('meddisp');
    const base: Json = { resourceType: 'MedicationDispense', id, status: m.status ?? 'completed', subject: this.subject() };
    if (m.date) base.whenHandedOver = m.date;
    return this.add(this.medication(base, m));
  }

  medicationAdministration(m: MedSpec): this {
    const id = m.id ?? nextId('medadmin');
    const base: Json = { resourceType: 'MedicationAdministration', id, status: m.status ?? 'completed', subject: this.subject() };
    if (m.date) base.effectiveDateTime = m.date;
    const route = this.route(m);
    if (route) base.dosage = route;
    return this.add(this.medication(base, m));
  }

  lab(l: LabSpec): this {
    const id = l.id ?? nextId('obs');
    const resource: Json = {
      resourceType: 'Observation',
      id,
      status: l.status ?? 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: l.category ?? 'laboratory' }] }],
      code: { coding: [{ system: SYS.loinc, code: l.loinc, ...(l.display ? { display: l.display } : {}) }] },
      subject: this.subject(),
    };
    if (l.date) resource.effectiveDateTime = l.date;
    if (l.valueString !== undefined) resource.valueString = l.valueString;
    else if (l.value !== undefined) {
      const ucum = l.ucum === undefined ? l.unit : l.ucum;
      resource.valueQuantity = {
        value: l.value,
        ...(l.comparator ? { comparator: l.comparator } : {}),
        ...(l.unit !== undefined ? { unit: l.unit } : {}),
        ...(ucum ? { system: SYS.ucum, code: ucum } : {}),
      };
    }
    if (l.low !== undefined || l.high !== undefined) {
      const u = l.rangeUnit ?? l.unit;
      const q = (v: number) => ({ value: v, ...(u ? { unit: u, system: SYS.ucum, code: u } : {}) });
      resource.referenceRange = [{ ...(l.low !== undefined ? { low: q(l.low) } : {}), ...(l.high !== undefined ? { high: q(l.high) } : {}) }];
    }
    if (l.interpretation) resource.interpretation = [{ coding: [{ system: SYS.interpretation, code: l.interpretation }] }];
    return this.add(resource);
  }

  codedObservation(o: CodedObsSpec): this {
    const id = o.id ?? nextId('obs');
    const resource: Json = {
      resourceType: 'Observation',
      id,
      status: o.status ?? 'final',
      code: { coding: [{ system: SYS.loinc, code: o.loinc }] },
      subject: this.subject(),
      ...(o.date ? { effectiveDateTime: o.date } : {}),
      ...(o.valueCoding ? { valueCodeableConcept: { coding: [o.valueCoding] } } : {}),
      ...(o.valueDateTime ? { valueDateTime: o.valueDateTime } : {}),
      ...(o.valueQuantity ? { valueQuantity: { value: o.valueQuantity.value, unit: o.valueQuantity.unit, system: SYS.ucum, code: o.valueQuantity.unit } } : {}),
    };
    return this.add(resource);
  }

  condition(c: ConditionSpec): this {
    const id = c.id ?? nextId('cond');
    const coding: Json[] = [];
    if (c.icd10) coding.push({ system: SYS.icd10, code: c.icd10, ...(c.display ? { display: c.display } : {}) });
    if (c.snomed) coding.push({ system: SYS.snomed, code: c.snomed, ...(c.display ? { display: c.display } : {}) });
    const resource: Json = {
      resourceType: 'Condition',
      id,
      code: { ...(coding.length ? { coding } : {}), ...(c.text ? { text: c.text } : {}) },
      subject: this.subject(),
    };
    const cs = c.clinicalStatus === undefined ? 'active' : c.clinicalStatus;
    if (cs) resource.clinicalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: cs }] };
    const vs = c.verificationStatus === undefined ? 'confirmed' : c.verificationStatus;
    if (vs) resource.verificationStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: vs }] };
    if (c.onset) resource.onsetDateTime = c.onset;
    if (c.abatement) resource.abatementDateTime = c.abatement;
    if (c.recorded) resource.recordedDate = c.recorded;
    return this.add(resource);
  }

  /** The point-of-care checklist for this visit, answered yes/no per item id. */
  checklist(answers: Record<string, 'yes' | 'no'>, authored: string, id = nextId('qr')): this {
    return this.add({
      resourceType: 'QuestionnaireResponse',
      id,
      questionnaire: CHECKLIST_QUESTIONNAIRE_URL,
      status: 'completed',
      subject: this.subject(),
      authored,
      item: Object.entries(answers).map(([linkId, a]) => ({ linkId, answer: [{ valueBoolean: a === 'yes' }] })),
    });
  }

  bundle(type: 'collection' | 'searchset' | 'transaction' | 'batch' = 'collection'): Json {
    return {
      resourceType: 'Bundle',
      type,
      entry: this.entries.map((e) => ({
        fullUrl: e.fullUrl,
        resource: e.resource,
        ...(type === 'transaction' || type === 'batch' ? { request: { method: 'POST', url: String(e.resource.resourceType) } } : {}),
        ...(type === 'searchset' ? { search: { mode: 'match' } } : {}),
      })),
    };
  }
}
