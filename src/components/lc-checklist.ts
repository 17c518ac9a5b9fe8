/**
 * The point-of-care checklist (rules/codes/checklist.ts): one yes / no / not asked radio group per
 * item, each a fieldset with its question as the legend, so arrow keys move within an item and Tab
 * moves between items. Every change emits `checklist-change` with the whole answers map; the app
 * turns it into a QuestionnaireResponse and re-runs the engine, so red flags update as the
 * clinician ticks. "Not asked" is an absent answer, never "no": the engine then says it was not asked.
 *
 * The app passes only the questions that matter for this patient (src/review/checklist-relevance.ts)
 * and the red flags each "yes" raised, which are shown in the item itself (at 360 px the banner at
 * the top is out of sight). They are not announced here: the red-flag banner announces a new flag
 * once. "No to all the rest" answers "no" to every question still unanswered, after the clinician
 * has asked them.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CHECKLIST_ITEM_LIST, type ChecklistItem } from '../../rules/codes/checklist.js';
import type { ChecklistAnswer } from '../../rules/engine/record.js';
import type { Finding } from '../../rules/engine/types.js';
import { urgencyLabel } from '../review/urgency.js';
import { shared } from './styles.js';

/** Item id → answer; an item not asked is absent. */
export type ChecklistAnswers = Readonly<Record<string, ChecklistAnswer>>;

export interface ChecklistChangeDetail {
  readonly answers: ChecklistAnswers;
}

type Choice = ChecklistAnswer | 'not-asked';
const CHOICES: readonly { value: Choice; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-asked', label: 'Not asked' },
];

@customElement('lc-checklist')
export class LcChecklist extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { display: grid; gap: 0.75rem; }
      h2 { font-size: 1.375rem; }
      h2:focus { outline: none; }
      h2:focus-visible { outline: 3px solid var(--_highlight); outline-offset: 2px; }
      .items { display: grid; gap: 0.6rem; }
      fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.75rem 0.75rem; }
      fieldset.yes { border: 3px solid var(--_error); }
      legend { font-weight: 600; padding: 0 0.25rem; }
      .choices { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.35rem; }
      label { display: inline-flex; align-items: center; gap: 0.4rem; min-height: 2.75rem; padding: 0 0.75rem; border: 2px solid var(--_border); border-radius: var(--_radius); cursor: pointer; }
      label:has(input:checked) { border-color: var(--_text); font-weight: 700; }
      label:has(input:focus-visible) { outline: 3px solid var(--_highlight); outline-offset: 2px; }
      input { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--_highlight); }
      .raised { margin-top: 0.5rem; border-left: 6px solid var(--_error); padding-left: 0.5rem; }
      .raised strong { color: var(--_error); }
      .rest { justify-self: start; }
      @media print { label:not(:has(input:checked)) { display: none; } .rest { display: none; } }
    `,
  ];

  @property({ attribute: false }) answers: ChecklistAnswers = {};
  @property({ attribute: false }) items: readonly ChecklistItem[] = CHECKLIST_ITEM_LIST;
  /** Flagged red flags by the item whose "yes" raised them (redFlagsByItem). */
  @property({ attribute: false }) raised: ReadonlyMap<string, readonly Finding[]> = new Map();

  @state() private current: Record<string, ChecklistAnswer> = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('answers')) this.current = { ...this.answers };
  }

  /** Bring the clinician to the questions (from the summary's "Go to the checklist"). */
  showQuestions(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('#heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  override render() {
    const unanswered = this.items.filter((i) => !this.current[i.id]).length;
    return html`<section aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">Point-of-care checklist</h2>
      <p class="muted">Ask or examine now. A "yes" can raise a red flag at once; "not asked" leaves it open.</p>
      <div class="items">${this.items.map((item) => this.item(item))}</div>
      <button type="button" class="rest" ?disabled=${unanswered === 0} @click=${this.noToTheRest}>No to all the rest${unanswered ? ` (${unanswered})` : ''}</button>
    </section>`;
  }

  private item(item: ChecklistItem) {
    const choice: Choice = this.current[item.id] ?? 'not-asked';
    const raised = this.raised.get(item.id) ?? [];
    return html`<fieldset class=${choice === 'yes' ? 'yes' : ''} data-item-id=${item.id}>
      <legend>${item.text}</legend>
      <div class="choices">
        ${CHOICES.map(
          (c) => html`<label><input type="radio" name=${item.id} .value=${c.value} .checked=${choice === c.value} @change=${() => this.choose(item.id, c.value)} />${c.label}</label>`,
        )}
      </div>
      ${raised.map(
        (f) => html`<p class="raised" data-rule-id=${f.ruleId}><strong>Red flag (${urgencyLabel(f.urgency).toLowerCase()}): <bdi>${f.title}</bdi>.</strong> <bdi>${f.nextStep}</bdi></p>`,
      )}
    </fieldset>`;
  }

  private choose(id: string, choice: Choice) {
    const next = { ...this.current };
    if (choice === 'not-asked') delete next[id];
    else next[id] = choice;
    this.answer(next);
  }

  private noToTheRest() {
    const next = { ...this.current };
    for (const item of this.items) if (!next[item.id]) next[item.id] = 'no';
    this.answer(next);
  }

  private answer(next: Record<string, ChecklistAnswer>) {
    this.current = next;
    const detail: ChecklistChangeDetail = { answers: { ...next } };
    this.dispatchEvent(new CustomEvent<ChecklistChangeDetail>('checklist-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-checklist': LcChecklist;
  }
  interface HTMLElementEventMap {
    'checklist-change': CustomEvent<ChecklistChangeDetail>;
  }
}
