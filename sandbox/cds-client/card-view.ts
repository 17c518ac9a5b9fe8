// One CDS card on the sandbox EHR's chart: indicator and summary as text, the detail as safe Markdown,
// the source, each suggestion as a button (applied server-side from the kept card), the override
// reasons the service offered, `absolute` links only when http(s), and a `smart` link only when it is
// the registered app's launch URL (it then launches the app for this patient, like the Launch button).
import { html, type SafeHtml } from '../auth/html';
import type { CdsCard, ServiceAnswer } from './hook-caller';
import { plain, renderMarkdown, safeHttpUrl } from './markdown-html';

export interface CardPaths {
  readonly suggestion: string;
  readonly override: string;
  readonly launch: string;
}

const INDICATORS = new Set(['info', 'warning', 'critical']);

/** The registered app's launch URL, compared without query or fragment. */
export function isRegisteredAppLaunch(url: unknown, appLaunchUrl: string): boolean {
  const href = safeHttpUrl(url);
  if (!href) return false;
  const u = new URL(href);
  const app = new URL(appLaunchUrl);
  return u.origin === app.origin && u.pathname === app.pathname;
}

export function cardView(card: CdsCard, handle: string, paths: CardPaths, appLaunchUrl: string): SafeHtml {
  const indicator = typeof card.indicator === 'string' && INDICATORS.has(card.indicator) ? card.indicator : 'info';
  const sourceUrl = safeHttpUrl(card.source?.url);
  const suggestions = (card.suggestions ?? []).filter((s) => typeof s.uuid === 'string' && typeof s.label === 'string');
  const reasons = (card.overrideReasons ?? []).filter((r) => typeof r.code === 'string' && typeof r.display === 'string');
  const links = card.links ?? [];
  return html`<section class="cds-card" data-indicator="${indicator}">
  <p><strong class="indicator">${indicator.toUpperCase()}</strong> <span class="summary">${plain(card.summary)}</span></p>
  <div class="detail">${renderMarkdown(card.detail)}</div>
  <p class="source meta">Source: ${sourceUrl ? html`<a href="${sourceUrl}" rel="noopener noreferrer" target="_blank">${plain(card.source?.label)}</a>` : plain(card.source?.label)}</p>
  ${suggestions.map((s) => html`<form class="inline suggestion" method="post" action="${paths.suggestion}">
    <input type="hidden" name="card" value="${handle}"><input type="hidden" name="suggestion" value="${String(s.uuid)}">
    <button type="submit">${plain(s.label)}</button>
  </form>`)}
  ${links.map((l, i) => {
    if (l.type === 'smart') {
      return isRegisteredAppLaunch(l.url, appLaunchUrl)
        ? html`<form class="inline smart-link" method="post" action="${paths.launch}"><input type="hidden" name="card" value="${handle}"><input type="hidden" name="link" value="${String(i)}"><button type="submit" class="secondary">${plain(l.label)}</button></form>`
        : html`<p class="meta">(A link to an app this EHR has not registered is not shown.)</p>`;
    }
    const href = safeHttpUrl(l.url);
    return href ? html`<p><a href="${href}" rel="noopener noreferrer" target="_blank">${plain(l.label)}</a></p>` : '';
  })}
  ${reasons.length
    ? html`<form class="inline override" method="post" action="${paths.override}">
    <input type="hidden" name="card" value="${handle}">
    <label>Dismiss because <select name="reason">${reasons.map((r) => html`<option value="${String(r.code)}">${plain(r.display)}</option>`)}</select></label>
    <button type="submit" class="secondary">Dismiss</button>
  </form>`
    : ''}
</section>`;
}

export function answersView(answers: readonly ServiceAnswer[], render: (serviceId: string, card: CdsCard) => SafeHtml): SafeHtml {
  const problems = answers.filter((a) => a.problem);
  const cards = answers.flatMap((a) => a.cards.map((c) => render(a.serviceId, c)));
  return html`${problems.map((p) => html`<p class="error">CDS service ${p.serviceId}: ${p.problem}</p>`)}
${cards.length ? cards : html`<p class="meta">No cards.</p>`}`;
}
