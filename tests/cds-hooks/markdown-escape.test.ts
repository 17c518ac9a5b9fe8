/**
 * Every FHIR string put into a card's Markdown is plain text to a GFM renderer: each ASCII
 * punctuation character is backslash-escaped (GFM: "Any ASCII punctuation character may be
 * backslash-escaped"), controls and line breaks are gone, and the length is capped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, MAX_FHIR_TEXT } from '../../cds-hooks/cards/markdown.js';

/** True when every ASCII punctuation character in `s` is escaped by an odd run of backslashes. */
function everyPunctuationEscaped(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!/[!-/:-@[-`{-~]/.test(s[i]!)) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) slashes++;
    if (s[i] === '\\') {
      // An escaping backslash is followed by the character it escapes.
      if (i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1]!) && slashes % 2 === 0) { i++; continue; }
      return false;
    }
    if (slashes % 2 === 0) return false;
  }
  return true;
}

describe('escapeMarkdown', () => {
  it.each([
    ['[click](javascript:alert(1))', '\\[click\\]\\(javascript\\:alert\\(1\\)\\)'],
    ['![x](https://t.example/p.png)', '\\!\\[x\\]\\(https\\:\\/\\/t\\.example\\/p\\.png\\)'],
    ['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['www.evil.example', 'www\\.evil\\.example'],
    ['a@b.example', 'a\\@b\\.example'],
    ['&lt;b&gt;', '\\&lt\\;b\\&gt\\;'],
    ['line one\n# heading\r\n- item', 'line one \\# heading \\- item'],
    ['**bold** _em_ `code` ~~s~~ | a |', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~ \\| a \\|'],
    ['back\\slash', 'back\\\\slash'],
    ['\u202eevil\u200b', 'evil'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('caps the length of repeated FHIR text', () => {
    expect(escapeMarkdown('x'.repeat(500)).length).toBe(MAX_FHIR_TEXT);
  });

  it('leaves no unescaped punctuation, control or line break in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = escapeMarkdown(s, 1000);
        return everyPunctuationEscaped(out) && !/[\u0000-\u001f\u007f]/.test(out);
      }),
      { numRuns: 500 },
    );
  });
});
