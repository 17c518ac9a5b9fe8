/**
 * A handout model printed as the browser prints it: the element rendered, its own styles with the
 * document-level @page rule the preview sets (handout-print-root.ts), as one standalone page for
 * Chromium's print-to-PDF (browser commands printPdfPages and printPdfPageTexts).
 */
import type { CSSResult } from 'lit';
import { pageRules, type PaperSize } from '../../../src/components/handout-print-root.js';
import { LcHandout } from '../../../src/components/lc-handout.js';
import type { Handout } from '../../../src/handout/model.js';

export async function standaloneHandout(handout: Handout, paper: PaperSize): Promise<string> {
  const el = document.createElement('lc-handout') as LcHandout;
  el.handout = handout;
  document.body.append(el);
  await el.updateComplete;
  const own = [LcHandout.styles].flat().map((s) => (s as CSSResult).cssText).join('\n').replaceAll(':host', '.lc-host');
  // The print root's @media print rule shows only the root: the standalone page is all root.
  const page = pageRules(paper).replace(/body > :not\([^)]*\) \{[^}]*\}/, '');
  const html = `<!doctype html><html lang="${handout.language}"><head><meta charset="utf-8"><style>body { margin: 0; }\n${page}\n${own}</style></head><body><div class="lc-host">${el.shadowRoot!.innerHTML}</div></body></html>`;
  el.remove();
  return html;
}
