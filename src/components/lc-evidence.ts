/**
 * The exact evidence behind one finding: each resource the rule looked at (type and id, what it
 * is, value with unit, date, reference range or note, and why it is listed), then what could not
 * be checked, the explanation, the next step and the sources. Rendered inside a disclosure by the
 * card and the red-flag banner; it only shows what it is given.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Citation, EvidenceItem, EvidenceRole, Finding } from '../../rules/engine/types.js';
import { classifyMissing, missingKindLabel } from '../review/missing-reason.js';
import { safeHttpUrl } from '../review/safe-url.js';
import { shared } from './styles.js';

const ROLE_LABELS: Record<EvidenceRole, string> = {
  trigger: 'Trigger',
  supporting: 'Supporting',
  checked: 'Checked',
  unusable: 'Not usable',
};

const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  'http://loinc.org': 'LOINC',
  'http://snomed.info/sct': 'SNOMED CT',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://www.whocc.no/atc': 'ATC',
};

/** A medication's or condition's "value" is its status; a checklist item's is the answer. */
function valueLabel(e: EvidenceItem): string {
  if (typeof e.value === 'number') return 'Value';
  if (e.resourceType === 'QuestionnaireResponse') return 'Answer';
  if (e.resourceType.startsWith('Medication') || e.resourceType === 'Condition') return 'Status';
  return 'Value';
}

/** Numbers as the engine gave them: rounding here could make a value past a limit read as the limit. */
function valueText(e: EvidenceItem): string | undefined {
  if (e.value === undefined) return undefined;
  return e.unit ? `${e.value} ${e.unit}` : String(e.value);
}

@customElement('lc-evidence')
export class LcEvidence extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; container-type: inline-size; }
      .part + .part { margin-top: calc(var(--_space) * 0.75); }
      .h { font-size: 1rem; font-weight: 700; margin: 0 0 0.25rem; }
      ul { padding: 0; list-style: none; display: grid; gap: 0.5rem; }
      .item { border-left: 4px solid var(--_border); padding: 0.25rem 0 0.25rem 0.6rem; }
      .item.trigger { border-left-color: var(--_error); }
      .item.unusable { border-style: dashed; }
      .role { font-weight: 700; }
      dl { display: grid; grid-template-columns: minmax(5.5rem, max-content) minmax(0, 1fr); column-gap: 0.6rem; }
      dt { color: var(--_muted); }
      dd { min-width: 0; }
      .value { font-weight: 700; }
      .reasons li, .citations li { padding-left: 0; }
      .key { font-weight: 700; }
      /* In a side panel a label column leaves too little room: labels go above their values. */
      @container (max-width: 22rem) {
        dl { grid-template-columns: minmax(0, 1fr); }
        dt { font-size: 0.9rem; margin-top: 0.2rem; }
      }
    `,
  ];

  @property({ attribute: false }) finding?: Finding;
  /** Level of this element's own headings, one below the heading of what contains it. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 5;

  override render() {
    const f = this.finding;
    if (!f) return nothing;
    return html`
      ${f.evidence.length
        ? html`<div class="part">${this.heading('Evidence')}<ul>${f.evidence.map((e) => this.item(e))}</ul></div>`
        : html`<div class="part">${this.heading('Evidence')}<p>No record entries are listed for this finding.</p></div>`}
      ${f.missing.length ? this.missing(f.missing) : nothing}
      <div class="part">${this.heading('Why it matters')}<p><bdi>${f.detail}</bdi></p></div>
      ${f.outcome === 'error' && f.error ? html`<div class="part">${this.heading('Error')}<p><bdi>${f.error}</bdi></p></div>` : nothing}
      <div class="part">${this.heading('Next step')}<p><bdi>${f.nextStep}</bdi></p></div>
      ${f.citations.length ? html`<div class="part">${this.heading('Sources')}<ul class="citations">${f.citations.map((c) => this.citation(c))}</ul></div>` : nothing}
    `;
  }

  private heading(text: string) {
    return html`<div class="h" role="heading" aria-level=${this.headingLevel}>${text}</div>`;
  }

  private item(e: EvidenceItem) {
    const value = valueText(e);
    const system = e.system ? (SYSTEM_NAMES[e.system] ?? e.system) : undefined;
    return html`<li class="item ${e.role}" data-evidence-role=${e.role}>
      <p><span class="role">${ROLE_LABELS[e.role] ?? e.role}:</span> <bdi>${e.display ?? e.code ?? 'No name recorded'}</bdi></p>
      <dl>
        ${value !== undefined ? html`<dt>${valueLabel(e)}</dt><dd class="value"><bdi>${value}</bdi></dd>` : nothing}
        ${e.date ? html`<dt>Date</dt><dd><bdi>${e.date}</bdi></dd>` : nothing}
        ${e.note ? html`<dt>Range / note</dt><dd><bdi>${e.note}</bdi></dd>` : nothing}
        <dt>Record</dt><dd><bdi>${e.resourceType}/${e.id}</bdi>${e.code && system ? html` · <bdi>${system} ${e.code}</bdi>` : nothing}</dd>
      </dl>
    </li>`;
  }

  private missing(lines: readonly string[]) {
    return html`<div class="part">${this.heading('Could not be checked')}<ul class="reasons">
      ${lines.map(classifyMissing).map((r) => html`<li><strong>${missingKindLabel(r.kind)}:</strong> <bdi>${r.text}</bdi></li>`)}
    </ul></div>`;
  }

  private citation(c: Citation) {
    const href = safeHttpUrl(c.url);
    const text = html`<bdi>${c.text}</bdi>`;
    return html`<li><span class="key">${c.key}</span> ${href
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}<span class="sr-only"> (opens in a new tab)</span></a>`
      : text}</li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-evidence': LcEvidence;
  }
}
