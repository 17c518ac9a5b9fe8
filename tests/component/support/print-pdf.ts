/**
 * A command run on the Playwright side (Node): print a standalone HTML document to PDF in the
 * same Chromium, the way the browser's print does, and count the pages. The handout tests use it
 * to check "one or two pages" on the real paper sizes, not on an estimate.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BrowserCommand } from 'vitest/node';

/** `savePath` (under the git-ignored test-results/) keeps the PDF for a person to look at. */
export const printPdfPages: BrowserCommand<[html: string, savePath?: string]> = async (ctx, html, savePath) => {
  const page = await ctx.context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    if (savePath?.startsWith('test-results/')) {
      await mkdir(dirname(savePath), { recursive: true });
      await writeFile(savePath, pdf);
    }
    // Chromium writes one uncompressed "/Type /Page" dictionary per page ("/Pages" is the tree).
    return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  } finally {
    await page.close();
  }
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    printPdfPages: (html: string, savePath?: string) => Promise<number>;
  }
}
