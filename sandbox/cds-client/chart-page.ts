// The sandbox EHR's chart for one patient: the patient-view cards, the draft medicine orders with the
// "draft an order" control and the Sign button, and the order cards. Server-rendered, no script, the
// same strict CSP as the other sandbox pages. Sections are separate functions so more (a search box,
// saved notes) can be added beside them.
import { html, type SafeHtml } from '../auth/html';
import { patientDetails } from '../auth/patient-list';
import type { PatientSummary } from '../auth/types';
import { DRAFTABLE_PRODUCTS } from './ehr-orders';

export interface ChartPaths {
  readonly list: string;
  readonly draft: string;
  readonly sign: string;
}

export interface ChartView {
  readonly patient: PatientSummary;
  readonly drafts: readonly { readonly id: string; readonly name: string }[];
  readonly notice?: string;
  /** Cards from patient-view, already rendered (undefined when no CDS service is connected). */
  readonly patientCards?: SafeHtml;
  /** Cards from order-select or order-sign, with the hook's name. */
  readonly orderCards?: { readonly hook: string; readonly cards: SafeHtml };
  readonly paths: ChartPaths;
}

function draftsSection(view: ChartView): SafeHtml {
  const { patient, paths } = view;
  return html`<section class="drafts">
  <h2>Draft orders</h2>
  ${view.drafts.length ? html`<ul class="draft-orders">${view.drafts.map((d) => html`<li data-draft-id="${d.id}">${d.name}</li>`)}</ul>` : html`<p class="meta">No draft orders.</p>`}
  <form class="inline" method="post" action="${paths.draft}">
    <input type="hidden" name="patient" value="${patient.id}">
    <label>Draft an order <select name="product">${Object.entries(DRAFTABLE_PRODUCTS).map(([key, p]) => html`<option value="${key}">${p.label}</option>`)}</select></label>
    <button type="submit">Draft</button>
  </form>
  ${view.drafts.length
    ? html`<form class="inline" method="post" action="${paths.sign}"><input type="hidden" name="patient" value="${patient.id}"><button type="submit">Sign orders</button></form>`
    : ''}
</section>`;
}

export function chartBody(view: ChartView): SafeHtml {
  return html`<header><h1>Sandbox EHR: chart</h1></header>
<main>
  <p><a href="${view.paths.list}">All patients</a></p>
  ${patientDetails(view.patient)}
  ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
  <section class="patient-view-cards" aria-label="Decision support on opening the chart">
    <h2>Decision support</h2>
    ${view.patientCards ?? html`<p class="meta">No CDS Hooks service is connected to this sandbox.</p>`}
  </section>
  ${draftsSection(view)}
  ${view.orderCards ? html`<section class="order-cards" data-hook="${view.orderCards.hook}" aria-label="Decision support on the orders"><h2>Order checks (${view.orderCards.hook})</h2>${view.orderCards.cards}</section>` : ''}
</main>`;
}
