// The sandbox EHR's own order writes, through its FHIR API with a token for the one patient whose
// chart is open: drafting a medicine order, listing the drafts, signing them, and applying an accepted
// CDS suggestion. The FHIR server's scope checks and patient-compartment wall decide what may change,
// so a suggestion that names another patient's resource is refused there, not trusted here.
import type { AuthServer } from '../auth';

export const EHR_CLIENT_ID = 'sandbox-ehr';
const EHR_SCOPES = ['patient/MedicationRequest.cruds', 'patient/ServiceRequest.cruds', 'patient/Patient.rs'];

/** The products the "draft an order" control offers (issue 12). RxNorm codes where the text alone would do. */
export const DRAFTABLE_PRODUCTS = {
  quinine: { label: 'Quinine sulfate 324 mg capsule', concept: { text: 'Quinine sulfate 324 MG Oral Capsule' } },
  hydrochlorothiazide: { label: 'Hydrochlorothiazide 25 mg tablet', concept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '310798', display: 'Hydrochlorothiazide 25 MG Oral Tablet' }], text: 'Hydrochlorothiazide 25 MG Oral Tablet' } },
  furosemide: { label: 'Furosemide 40 mg tablet', concept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '313988', display: 'Furosemide 40 MG Oral Tablet' }], text: 'Furosemide 40 MG Oral Tablet' } },
} as const;
export type DraftableProduct = keyof typeof DRAFTABLE_PRODUCTS;

export interface FhirResult {
  readonly status: number;
  readonly body?: Record<string, unknown>;
}

/** Resource types a suggestion may create or delete here. */
const SUGGESTIBLE_TYPES = new Set(['MedicationRequest', 'MedicationStatement', 'ServiceRequest']);
const RESOURCE_ID = /^(MedicationRequest|MedicationStatement|ServiceRequest)\/([A-Za-z0-9\-.]{1,64})$/;

export class EhrOrders {
  constructor(
    private readonly fhirBase: string,
    private readonly auth: AuthServer,
  ) {}

  private async send(patientId: string, method: string, path: string, body?: unknown): Promise<FhirResult> {
    const { accessToken } = this.auth.issueEhrToken({ clientId: EHR_CLIENT_ID, scopes: EHR_SCOPES, patientId, lifetimeSeconds: 60 });
    const r = await fetch(`${this.fhirBase}/${path}`, {
      method,
      headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${accessToken}`, ...(body ? { 'Content-Type': 'application/fhir+json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: r.status, ...(parsed ? { body: parsed } : {}) };
  }

  async drafts(patientId: string): Promise<Record<string, unknown>[]> {
    const r = await this.send(patientId, 'GET', `MedicationRequest?patient=${encodeURIComponent(patientId)}&status=draft&_count=50`);
    const entries = (r.body?.entry as { resource?: Record<string, unknown> }[] | undefined) ?? [];
    return entries.map((e) => e.resource).filter((x): x is Record<string, unknown> => !!x && x.resourceType === 'MedicationRequest' && x.status === 'draft');
  }

  draftFor(patientId: string, product: DraftableProduct, today: string): Record<string, unknown> {
    return { resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: `Patient/${patientId}` }, authoredOn: today, medicationCodeableConcept: DRAFTABLE_PRODUCTS[product].concept };
  }

  async createDraft(patientId: string, product: DraftableProduct, today: string): Promise<FhirResult> {
    return this.send(patientId, 'POST', 'MedicationRequest', this.draftFor(patientId, product, today));
  }

  /** Signing: each draft becomes an active order. */
  async sign(patientId: string, drafts: readonly Record<string, unknown>[]): Promise<number> {
    let signed = 0;
    for (const d of drafts) {
      const r = await this.send(patientId, 'PUT', `MedicationRequest/${encodeURIComponent(String(d.id))}`, { ...d, status: 'active' });
      if (r.status === 200) signed += 1;
    }
    return signed;
  }

  /**
   * Applies one accepted suggestion's actions for this patient: deletes first, then creates
   * (CDS Hooks 2.0: processed like a transaction). Only drafts and orders of the suggestible types, only
   * resources about this patient; anything else is refused and nothing after it is applied.
   */
  async apply(patientId: string, actions: readonly Record<string, unknown>[]): Promise<{ applied: number; refused?: string }> {
    const ordered = [...actions.filter((a) => a.type === 'delete'), ...actions.filter((a) => a.type === 'create')];
    if (ordered.length !== actions.length) return { applied: 0, refused: 'only create and delete suggestions are applied here' };
    let applied = 0;
    for (const action of ordered) {
      if (action.type === 'delete') {
        const m = typeof action.resourceId === 'string' ? RESOURCE_ID.exec(action.resourceId) : null;
        if (!m) return { applied, refused: 'the suggestion names no order this EHR can remove' };
        const current = await this.send(patientId, 'GET', `${m[1]}/${m[2]}`);
        if (current.status !== 200 || current.body?.status !== 'draft') return { applied, refused: 'only a draft order of this patient can be removed' };
        const r = await this.send(patientId, 'DELETE', `${m[1]}/${m[2]}`);
        if (r.status >= 300) return { applied, refused: `the FHIR server refused the removal (${r.status})` };
      } else {
        const resource = action.resource as Record<string, unknown> | undefined;
        const type = typeof resource?.resourceType === 'string' ? resource.resourceType : '';
        const subject = (resource?.subject as { reference?: unknown } | undefined)?.reference;
        if (!SUGGESTIBLE_TYPES.has(type) || subject !== `Patient/${patientId}`) return { applied, refused: 'the suggestion would create something this EHR does not accept for this patient' };
        const { id: _ignored, meta: _meta, ...rest } = resource!;
        const r = await this.send(patientId, 'POST', type, rest);
        if (r.status >= 300) return { applied, refused: `the FHIR server refused the order (${r.status})` };
      }
      applied += 1;
    }
    return { applied };
  }
}
