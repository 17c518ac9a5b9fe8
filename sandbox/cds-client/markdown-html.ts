// A card's `detail` is GitHub-Flavored Markdown from a CDS service: rendered here as a small, safe
// subset and nothing else. No HTML from the card ever reaches the page: every character of text is
// escaped; the only elements made are p, ul/li, strong, em and code, and a for links whose URL is
// http(s) (opened without referrer or opener). Images become their alt text; any other URL scheme
// (javascript:, data:) leaves the link's words as plain text. Backslash escapes give the literal
// character (https://github.github.com/gfm/#backslash-escapes).
import { escapeHtml, html, SafeHtml } from '../auth/html';

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const MAX_DETAIL = 10_000;

export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where the closing `delim` of a span starting at `from` is, skipping escaped characters. */
function closing(text: string, from: number, delim: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(delim, i)) return i;
  }
  return -1;
}

/** Emphasis nested deeper than this is shown as text (a hostile detail cannot exhaust the stack). */
const MAX_NESTING = 8;

/** Inline Markdown → escaped HTML. */
export function inline(text: string, depth = 0): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      out += escapeHtml(text[i + 1]);
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = closing(text, i + 1, '`');
      if (end > i) {
        out += `<code>${escapeHtml(text.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    }
    if (depth < MAX_NESTING && text.startsWith('**', i)) {
      const end = closing(text, i + 2, '**');
      if (end > i + 2) {
        out += `<strong>${inline(text.slice(i + 2, end), depth + 1)}</strong>`;
        i = end + 2;
        continue;
      }
    }
    if (depth < MAX_NESTING && (c === '*' || c === '_') && text[i + 1] !== ' ') {
      const end = closing(text, i + 1, c);
      if (end > i + 1) {
        out += `<em>${inline(text.slice(i + 1, end), depth + 1)}</em>`;
        i = end + 1;
        continue;
      }
    }
    const image = c === '!' && text[i + 1] === '[';
    if (depth < MAX_NESTING && (c === '[' || image)) {
      const start = image ? i + 1 : i;
      const labelEnd = closing(text, start + 1, ']');
      if (labelEnd > start && text[labelEnd + 1] === '(') {
        const urlEnd = closing(text, labelEnd + 2, ')');
        if (urlEnd > labelEnd) {
          const label = inline(text.slice(start + 1, labelEnd), depth + 1);
          const href = image ? undefined : safeHttpUrl(text.slice(labelEnd + 2, urlEnd).trim());
          out += href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${label}</a>` : label;
          i = urlEnd + 1;
          continue;
        }
      }
    }
    out += escapeHtml(c);
    i += 1;
  }
  return out;
}

/** Block Markdown (paragraphs, bullet lists, headings as strong paragraphs) → SafeHtml. */
export function renderMarkdown(markdown: unknown): SafeHtml {
  const text = typeof markdown === 'string' ? markdown.slice(0, MAX_DETAIL) : '';
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const parts: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*+] /.test(l))) {
      parts.push(`<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*+] /, ''))}</li>`).join('')}</ul>`);
    } else if (/^#{1,6} /.test(lines[0]!) && lines.length === 1) {
      parts.push(`<p><strong>${inline(lines[0]!.replace(/^#{1,6} /, ''))}</strong></p>`);
    } else {
      parts.push(`<p>${lines.map((l) => inline(l.trim())).join(' ')}</p>`);
    }
  }
  return new SafeHtml(parts.join('\n'));
}

/** For places that take plain text (a summary, a label): escaped, one line. */
export function plain(value: unknown): SafeHtml {
  return html`${typeof value === 'string' ? value.replace(/[\r\n]+/g, ' ') : ''}`;
}
