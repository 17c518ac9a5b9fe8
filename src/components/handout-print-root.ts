/**
 * Printing the handout without the app around it. The preview keeps a copy of the handout in a
 * container directly under <body>; a document-level stylesheet shows only that container in
 * print (every other child of <body>, the app with its banner and buttons, is hidden) and never on
 * screen, and sets the paper size and margins with @page (which only works at document level, not
 * inside a shadow root). So the browser's own Print command, Ctrl+P or the Print button, and
 * Chromium's print-to-PDF all give the same one or two pages.
 *
 * A constructed stylesheet (document.adoptedStyleSheets) is used, as Lit does, so a strict
 * Content-Security-Policy without 'unsafe-inline' styles still allows it.
 */
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const PRINT_ROOT_CLASS = 'lc-handout-print-root';

/** Sheet sizes and the page margins the @page rule sets, in millimetres. */
export const PAPER_MM: Readonly<Record<PaperSize, { readonly width: number; readonly height: number }>> = {
  letter: { width: 215.9, height: 279.4 },
  a4: { width: 210, height: 297 },
};
/** 8 mm top and bottom, 10 mm at the sides: inside what office printers print, and one more line a page. */
export const MARGIN_MM = { vertical: 8, horizontal: 10 } as const;

/** The printable area of a sheet in CSS pixels (96 per inch). */
export function printableArea(paper: PaperSize): { width: number; height: number } {
  const px = 96 / 25.4;
  return { width: (PAPER_MM[paper].width - 2 * MARGIN_MM.horizontal) * px, height: (PAPER_MM[paper].height - 2 * MARGIN_MM.vertical) * px };
}

/** The document-level print rules for one paper size (exported for the tests that print to PDF). */
export function pageRules(paper: PaperSize): string {
  return `
    @page { size: ${paper === 'a4' ? 'A4' : 'letter'}; margin: ${MARGIN_MM.vertical}mm ${MARGIN_MM.horizontal}mm; }
    @media print {
      html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
      body > :not(.${PRINT_ROOT_CLASS}) { display: none !important; }
      .${PRINT_ROOT_CLASS} { display: block !important; }
    }
    @media screen {
      .${PRINT_ROOT_CLASS} { display: none !important; }
    }
  `;
}

/** The container and stylesheet for one preview; `attach` on connect, `detach` on disconnect. */
export class HandoutPrintRoot {
  readonly container: HTMLDivElement;
  private readonly sheet = new CSSStyleSheet();
  private paper: PaperSize = 'letter';

  constructor(private readonly doc: Document = document) {
    this.container = doc.createElement('div');
    this.container.className = PRINT_ROOT_CLASS;
    this.sheet.replaceSync(pageRules(this.paper));
  }

  attach(): void {
    if (!this.container.isConnected) this.doc.body.append(this.container);
    if (!this.doc.adoptedStyleSheets.includes(this.sheet)) this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }

  detach(): void {
    this.container.remove();
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  setPaper(paper: PaperSize): void {
    if (paper === this.paper) return;
    this.paper = paper;
    this.sheet.replaceSync(pageRules(paper));
  }
}
