/**
 * The printed patient handout: renders a Handout model (src/handout/model.ts) and nothing else.
 * Large type (14 pt), the urgent-help box set apart by a heavy border and a warning sign (not by
 * colour alone), the cramp diary as a table to fill in by hand, and a small traceability footer for
 * the care team with the date and the rule ids behind each section. Only the patient's name and
 * the date identify the patient. Every text goes through Lit text bindings, so a hostile name
 * prints as the characters it is.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Handout, HandoutBlock, HandoutSectionModel, HandoutTable } from '../handout/model.js';

/** Consecutive bullets form one list; paragraphs stand alone. */
function groupBlocks(blocks: readonly HandoutBlock[]): (HandoutBlock | HandoutBlock[])[] {
  const out: (HandoutBlock | HandoutBlock[])[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'bullet' && Array.isArray(last)) last.push(b);
    else out.push(b.kind === 'bullet' ? [b] : b);
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
      line-height: 1.12;
      overflow-wrap: anywhere;
    }
    * { box-sizing: border-box; }
    article { max-width: 46rem; }
    h1, h2, p, ul { margin: 0; }
    h1 { font-size: 19pt; line-height: 1.15; }
    h2 { font-size: 15pt; line-height: 1.15; margin-bottom: 0.1em; break-after: avoid; page-break-after: avoid; }
    header { border-bottom: 1.5pt solid #000; padding-bottom: 0.2em; margin-bottom: 0.35em; }
    .who { margin-top: 0.15em; }
    .who .label { font-weight: 700; }
    .who .sep { padding: 0 0.3em; }
    .intro p { margin-bottom: 0.2em; }
    section { margin-top: 0.3em; }
    /* Short sections, the urgent box and the diary stay whole; long advice lists may run on. */
    section.urgent, section.route, section.cause, section[data-section-id='cramp-diary'] { break-inside: avoid; page-break-inside: avoid; }
    li { break-inside: avoid; }
    ul { padding-left: 1.15em; }
    li { margin: 0.04em 0; }
    p + ul, ul + p { margin-top: 0.12em; }
    .urgent { border: 3.5pt solid #000; border-radius: 3pt; padding: 0.3em 0.55em 0.35em; background: #fff4f4; }
    .urgent li { margin: 0; }
    .urgent h2 { display: flex; gap: 0.4em; align-items: center; }
    .urgent .sign { display: inline-grid; place-items: center; width: 1.35em; height: 1.35em; border: 2.5pt solid #000; border-radius: 50%; font-weight: 900; flex: none; }
    .urgent p { font-weight: 700; }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 0.2em; font-size: 11pt; line-height: 1.1; }
    caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    th, td { border: 1pt solid #000; padding: 0.15em 0.3em; text-align: left; vertical-align: bottom; }
    td { height: 0.75cm; }
    /* The last two columns (how bad, woke you) have the longest labels. */
    th:nth-last-child(-n + 2) { width: 21%; }
    footer { margin-top: 0.4em; border-top: 1pt solid #000; padding-top: 0.1em; font-size: 7.5pt; line-height: 1.2; break-inside: avoid; page-break-inside: avoid; }
    .rule-ids { font-family: 'Liberation Sans Narrow', 'Arial Narrow', Arial, sans-serif; }
    @media print {
      .urgent { background: none; }
    }
  `;

  @property({ attribute: false }) handout?: Handout;

  override render() {
    const h = this.handout;
    if (!h) return nothing;
    return html`
      <article lang=${h.language} aria-labelledby="handout-title">
        <header>
          <h1 id="handout-title">${h.title}</h1>
          <p class="who">
            <span class="label">${h.patientLabel}:</span> <bdi class="name">${h.patientName}</bdi> <span class="sep" aria-hidden="true">·</span>
            <span class="label">${h.dateLabel}:</span> <time datetime=${h.date}>${h.dateText}</time>
          </p>
        </header>
        <div class="intro">${h.intro.map((b) => html`<p>${b.text}</p>`)}</div>
        ${h.sections.map((s) => this.section(s))}
        ${this.footer(h)}
      </article>
    `;
  }

  private section(s: HandoutSectionModel) {
    const urgent = s.role === 'urgent';
    const id = `section-${s.id}`;
    return html`
      <section class=${urgent ? 'urgent' : s.role} data-section-id=${s.id} aria-labelledby=${id}>
        <h2 id=${id}>${urgent ? html`<span class="sign" aria-hidden="true">!</span>` : nothing}<span>${s.heading}</span></h2>
        ${groupBlocks(s.blocks).map((g) => (Array.isArray(g) ? html`<ul>${g.map((b) => html`<li data-block-id=${b.id}>${b.text}</li>`)}</ul>` : html`<p data-block-id=${g.id}>${g.text}</p>`))}
        ${s.table ? this.table(s.table) : nothing}
      </section>
    `;
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

  /**
   * For the care team, so ids, not headings: each section id with the rules that produced it
   * ("dialysis ← cond-dialysis"), the sections that are general advice, and the safety rules applied
   * with what decided them.
   */
  private footer(h: Handout) {
    const traced = h.sections.filter((s) => s.ruleIds.length);
    const general = h.sections.filter((s) => !s.ruleIds.length);
    return html`
      <footer>
        <p>
          <strong>${h.footer.heading}.</strong> ${h.footer.madeOn} <time datetime=${h.date}>${h.date}</time>.
          <span class="rule-ids">${traced.map((s, i) => html`${i ? '; ' : ' '}<span data-section-id=${s.id}>${s.id} ← ${s.ruleIds.join(', ')}</span>`)}</span>${general.length
            ? html`. ${h.footer.generalLabel}: <span class="rule-ids general">${general.map((s) => s.id).join(', ')}</span>`
            : nothing}.
          ${h.suppressions.length
            ? html`${h.footer.safetyLabel}:
                <span class="rule-ids">${h.suppressions.map((x) => `${x.id} ← ${x.basis === 'unknown' ? `(${h.footer.safetyUnknownLabel}) ` : ''}${x.sources.join(', ')}`).join('; ')}</span>.`
            : nothing}
        </p>
      </footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-handout': LcHandout;
  }
}
