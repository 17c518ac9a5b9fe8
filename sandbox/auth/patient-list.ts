// How one patient is shown on the sandbox EHR page and on the standalone picker: name, then
// gender and birth date, then the one-line scenario description. All of it is data, all escaped.
import { html, type SafeHtml } from './html';
import type { PatientSummary } from './types';

export function patientDetails(patient: PatientSummary): SafeHtml {
  const meta = [patient.gender, patient.birthDate && `born ${patient.birthDate}`].filter(Boolean).join(', ');
  return html`<div class="who">
  <div class="name">${patient.name}</div>
  ${meta ? html`<div class="meta">${meta}</div>` : ''}
  ${patient.description ? html`<div class="description">${patient.description}</div>` : ''}
</div>`;
}

export async function findPatient(
  patients: () => readonly PatientSummary[] | Promise<readonly PatientSummary[]>,
  id: string,
): Promise<PatientSummary | undefined> {
  return (await patients()).find((p) => p.id === id);
}
