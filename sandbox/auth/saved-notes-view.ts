// A patient's saved notes on the sandbox EHR page: what apps wrote to the chart with "Save to
// record", newest first, each with its full text, so a clinician (or a test) can check the record
// holds what the app showed. Folded away by default; nothing shown when there are none.
import { html, type SafeHtml } from './html';
import type { PatientSummary } from './types';

/** "2026-12-02T10:31:05+01:00" → "2026-12-02 10:31" (the writer's local time, as written). */
function when(date: string | undefined): string {
  const m = date ? /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(date) : null;
  return m ? `${m[1]}${m[2] ? ` ${m[2]}` : ''}` : 'no date';
}

export function savedNotesView(patient: PatientSummary): SafeHtml | '' {
  const notes = patient.savedNotes ?? [];
  if (!notes.length) return '';
  return html`<details class="saved-notes">
  <summary>Saved notes (${notes.length})</summary>
  ${notes.map((n) => html`<article class="saved-note" data-note-id="${n.id}">
    <h3>Progress note, ${when(n.date)}${n.status === 'current' ? '' : ` (${n.status})`}</h3>
    <pre>${n.text || '(no plain text)'}</pre>
  </article>`)}
</details>`;
}
