/**
 * One safe line of note text from any string (src/note/note-text.ts): what a record can put in a
 * display or a reason must not reshape a pasted note.
 */
import { describe, expect, it } from 'vitest';
import { capped, MAX_LINE_CHARS, plainLine, sentence, wordList } from '../../../src/note/note-text.js';

describe('plainLine', () => {
  it('flattens line breaks, tabs, controls, separators, bidi overrides and zero-width characters to single spaces', () => {
    expect(plainLine('a\r\nb\tc\u0000d\u2028e\u202ef\u2066g\u200bh\ufeffi\u0085j')).toBe('a b c d e f g h i j');
    expect(plainLine('  many   spaces  ')).toBe('many spaces');
  });

  it('caps a line, ending it in an ellipsis, without splitting a character in two', () => {
    const long = '😀'.repeat(MAX_LINE_CHARS + 10);
    const out = plainLine(long);
    expect([...out]).toHaveLength(MAX_LINE_CHARS);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(plainLine('abcdef', 4)).toBe('abc…');
  });
});

describe('sentence, wordList and capped', () => {
  it('starts a sentence with a capital and ends it once', () => {
    expect(sentence('dark urine reported')).toBe('Dark urine reported.');
    expect(sentence('Already ended.')).toBe('Already ended.');
    expect(sentence('Is it current?')).toBe('Is it current?');
    expect(sentence('')).toBe('');
  });

  it('joins words and counts the rest', () => {
    expect(wordList(['English'])).toBe('English');
    expect(wordList(['English', 'Spanish'])).toBe('English and Spanish');
    expect(wordList(['a', 'b', 'c'])).toBe('a, b and c');
    expect(capped(['a', 'b', 'c'], 2, (n) => `and ${n} more`)).toEqual(['a', 'b', 'and 1 more']);
    expect(capped(['a', 'b'], 2, (n) => `and ${n} more`)).toEqual(['a', 'b']);
  });
});
