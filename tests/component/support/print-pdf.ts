/**
 * A command run on the Playwright side (Node): print a standalone HTML document to PDF in the
 * same Chromium, the way the browser's print does, and count the pages. The handout tests use it
 * to check "one or two pages" on the real paper sizes, not on an estimate.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BrowserCommand } from 'vitest/node';

type CommandContext = Parameters<BrowserCommand<[]>>[0];

/**
 * Print `html` to PDF in a fresh page of the same Chromium; `savePath` (under the git-ignored
 * test-results/) keeps the PDF for a person to look at.
 */
async function printToPdf(ctx: CommandContext, html: string, savePath?: string): Promise<Buffer> {
  const page = await ctx.context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    if (savePath?.startsWith('test-results/')) {
      await mkdir(dirname(savePath), { recursive: true });
      await writeFile(savePath, pdf);
    }
    return pdf;
  } finally {
    await page.close();
  }
}

export const printPdfPages: BrowserCommand<[html: string, savePath?: string]> = async (ctx, html, savePath) => {
  const pdf = await printToPdf(ctx, html, savePath);
  // Chromium writes one uncompressed "/Type /Page" dictionary per page ("/Pages" is the tree).
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    printPdfPages: (html: string, savePath?: string) => Promise<number>;
  }
}

/**
 * The same print, read back page by page (pdf.js): the text of each page, so a test can say what
 * is on page one, not only how many pages there are.
 */
export const printPdfPageTexts: BrowserCommand<[html: string, savePath?: string]> = async (ctx, html, savePath) => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await printToPdf(ctx, html, savePath);
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    printPdfPageTexts: (html: string, savePath?: string) => Promise<string[]>;
  }
}

/** Write a small result file under test-results/ (a figure a person reads, such as page counts). */
export const writeTestResult: BrowserCommand<[name: string, text: string]> = async (_ctx, name, text) => {
  if (!/^[a-z0-9-]+\.(json|txt)$/.test(name)) throw new Error('writeTestResult: a plain file name under test-results/');
  await mkdir('test-results', { recursive: true });
  await writeFile(`test-results/${name}`, text);
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    writeTestResult: (name: string, text: string) => Promise<void>;
  }
}
