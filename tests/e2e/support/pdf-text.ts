/**
 * The text of a printed PDF, page by page (pdf.js, legacy build for Node).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: pdf, isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const pages = doc.numPages;
  await doc.destroy();
  // One space between words, and typographic apostrophes as plain ones, for simple assertions.
  return { pages, text: parts.join('\n').replace(/[\u2018\u2019]/g, "'").replace(/[ \t]+/g, ' ') };
}
