/**
 * The printed patient handout: renders a Handout model (src/handout/model.ts) and nothing else.
 * Large type (14 pt), the urgent-help box first and set apart by a heavy border and a warning sign
 * (not by colour alone), each red flag's action with its tier in bold ("Today:"), the clinic's name
 * and number (or lines to write them on), the cramp diary as a table to fill in by hand. Only the
 * patient's name and the date identify the patient; nothing for the care team (rule ids) is printed:
 * the preview shows where each part came from (lc-handout-trace.ts).
 *
 * Every text goes through Lit text bindings, so a hostile name prints as the characters it is.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Handout, HandoutBlock, HandoutSectionModel, HandoutTable } from '../handout/model.js';

const LIST_KINDS = new Set(['bullet', 'action', 'finding', 'write-in']);

/** Consecutive list items form one list; paragraphs stand alone. */
function groupBlocks(blocks: readonly HandoutBlock[]): (HandoutBlock | HandoutBlock[])[] {
  const out: (HandoutBlock | HandoutBlock[])[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    const listed = LIST_KINDS.has(b.kind);
    if (listed && Array.isArray(last) && last[0]!.kind === b.kind) last.push(b);
    else out.push(listed ? [b] : b);
  }
  return out;
}

@customElement('lc-handout')
export class LcHandout extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: #000;
      background: #fff;
      font-family: Arial, 'Helvetica Neue', Helvetica, 'Liberation Sans', sans-serif;
      font-size: 14pt;
      line-height: 1.1;
      overflow-wrap: anywhere;
    }
    * { box-sizing: border-box; }
    article { max-width: 46rem; }
    h1, h2, p, ul { margin: 0; }
    h1 { font-size: 17pt; line-height: 1.1; }
    h2 { font-size: 15pt; line-height: 1.1; margin-bottom: 0.05em; break-after: avoid; page-break-after: avoid; }
    header { border-bottom: 1.5pt solid #000; padding-bottom: 0.15em; margin-bottom: 0.3em; }
    .who { margin-top: 0.1em; }
    .label { font-weight: 700; }
    .who .sep { padding: 0 0.3em; }
    .intro p { margin-bottom: 0.15em; }
    section { margin-top: 0.22em; }
    /* Short sections, the urgent box, the plan and the diary stay whole; long advice lists may run on. */
    section.urgent, section.plan, section.route, section.cause, section[data-section-id='cramp-diary'] { break-inside: avoid; page-break-inside: avoid; }
    li { break-inside: avoid; }
    ul { padding-left: 1.15em; }
    li { margin: 0.02em 0; }
    p + ul, ul + p, ul + ul { margin-top: 0.1em; }
    .urgent { border: 3.5pt solid #000; border-radius: 3pt; padding: 0.25em 0.5em 0.3em; background: #fff4f4; }
    .urgent li { margin: 0; }
    .urgent h2 { display: flex; gap: 0.4em; align-items: center; }
    .urgent .sign { display: inline-grid; place-items: center; width: 1.35em; height: 1.35em; border: 2.5pt solid #000; border-radius: 50%; font-weight: 900; flex: none; }
    .urgent p { font-weight: 700; }
    ul.action { list-style: none; padding-left: 0; }
    ul.action li { border-left: 3pt solid #000; padding-left: 0.35em; margin: 0.12em 0; }
    .clinic { margin-top: 0.15em; }
    .clinic .field { display: inline-block; }
    .clinic .field + .field { margin-left: 0.8em; }
    /* A line to write on, long enough for a name or a number by hand. */
    .blank { display: inline-block; min-width: 11em; border-bottom: 1pt solid #000; height: 1.1em; vertical-align: bottom; }
    .write-in li { height: 1.5em; border-bottom: 1pt solid #000; list-style: none; }
    ul.write-in { padding-left: 0; }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 0.2em; font-size: 11pt; line-height: 1.1; }
    caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    th, td { border: 1pt solid #000; padding: 0.15em 0.3em; text-align: left; vertical-align: bottom; }
    td { height: 0.75cm; }
    /* The last two columns (how bad, woke you) have the longest labels. */
    th:nth-last-child(-n + 2) { width: 21%; }
    @media print {
      .urgent { background: none; }
    }
  `;

  @property({ attribute: false }) handout?: Handout;

  override render() {
    const h = this.handout;
    if (!h) return nothing;
    return html`
      <article lang=${h.language} aria-labelledby="handout-title" data-layout=${h.layout}>
        <header>
          <h1 id="handout-title">${h.title}</h1>
          <p class="who">
            <span class="label">${h.patientLabel}:</span> <bdi class="name">${h.patientName}</bdi> <span class="sep" aria-hidden="true">·</span>
            <span class="label">${h.dateLabel}:</span> <time datetime=${h.date}>${h.dateText}</time>
          </p>
        </header>
        <div class="intro">${h.intro.map((b) => html`<p>${b.text}</p>`)}</div>
        ${h.sections.map((s) => this.section(s))}
      </article>
    `;
  }

  private section(s: HandoutSectionModel) {
    const urgent = s.role === 'urgent';
    const id = `section-${s.id}`;
    return html`
      <section class=${urgent ? 'urgent' : s.role} data-section-id=${s.id} aria-labelledby=${id}>
        <h2 id=${id}>${urgent ? html`<span class="sign" aria-hidden="true">!</span>` : nothing}<span>${s.heading}</span></h2>
        ${groupBlocks(s.blocks).map((g) => (Array.isArray(g) ? html`<ul class=${g[0]!.kind}>${g.map((b) => this.item(b))}</ul>` : this.paragraph(g)))}
        ${s.table ? this.table(s.table) : nothing}
      </section>
    `;
  }

  private item(b: HandoutBlock) {
    if (b.kind === 'write-in') return html`<li data-block-id=${b.id}></li>`;
    // The rule behind an action stays in an attribute for the care team's tools; it is never printed.
    return html`<li data-block-id=${b.id} data-tier=${b.tier ?? nothing} data-rule-ids=${b.kind === 'action' && b.ruleIds ? b.ruleIds.join(' ') : nothing}>${b.label ? html`<span class="label">${b.label}:</span> ` : nothing}${b.text}</li>`;
  }

  private paragraph(b: HandoutBlock) {
    if (b.kind === 'clinic' && b.clinic) {
      const c = b.clinic;
      return html`<p class="clinic" data-block-id=${b.id}>
        <span class="field"><span class="label">${c.nameLabel}:</span> ${c.name ? html`<bdi class="clinic-name">${c.name}</bdi>` : html`<span class="blank"></span>`}</span>
        <span class="field"><span class="label">${c.phoneLabel}:</span> ${c.phone ? html`<bdi class="clinic-phone">${c.phone}</bdi>` : html`<span class="blank"></span>`}</span>
      </p>`;
    }
    return html`<p data-block-id=${b.id}>${b.text}</p>`;
  }

  private table(t: HandoutTable) {
    const rows = Array.from({ length: t.emptyRows }, (_, i) => i);
    return html`
      <table>
        <caption>${t.caption}</caption>
        <thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>${rows.map(() => html`<tr>${t.columns.map(() => html`<td></td>`)}</tr>`)}</tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-handout': LcHandout;
  }
}
