/**
 * Does a Condition belong to a code list? ICD-10-CM by code or prefix, SNOMED CT by listed code,
 * and, only when the Condition carries no ICD-10-CM code, by whole-word phrases in its text
 * (records that send text only, or a SNOMED descendant that is not listed).
 *
 * A code matches only when it is well formed for its system (rule catalogue, second round: "Codes
 * match only when they are codes"; rules/engine/code-systems.ts): `CANCELLED` sent as an ICD-10-CM
 * code starts with C but is not under `C*`, and `C50.91199` is not `C50.911`. Such a coding still
 * counts as an ICD-10-CM coding for the text rule: the sender filled the coded slot with something
 * that is not a code (often a status word), so its display is not promoted to a diagnosis either.
 *
 * Code lists are compiled once (normalised phrases, ICD keys, SNOMED sets) and each Condition's
 * texts are normalised once: every rule asks about every Condition, so this is a hot path.
 */
import type { ConditionCodeList } from '../codes/conditions/types.js';
import type { CodingRef, ConditionEntry } from './record.js';
import { isIcd10, isSnomed, isWellFormedIcd10, isWellFormedSnomed } from './code-systems.js';
import { normaliseText } from './text.js';

/** Longest phrase, in words, that a code list may use. */
const MAX_PHRASE_WORDS = 8;

/** Every run of 1..MAX_PHRASE_WORDS consecutive words: a phrase is in a text iff it is one of these. */
function wordRuns(text: string): Set<string> {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const runs = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let n = 0; n < MAX_PHRASE_WORDS && i + n < words.length; n++) {
      run = n === 0 ? words[i]! : `${run} ${words[i + n]}`;
      runs.add(run);
    }
  }
  return runs;
}


/** "E11.65" and "E1165" are the same code: compare without dots and spaces, upper case. */
const icdKey = (code: string) => code.replace(/[\s.]/g, '').toUpperCase();

interface IcdPattern {
  readonly key: string;
  readonly prefix: boolean;
}

const toPattern = (entry: string): IcdPattern => (entry.endsWith('*') ? { key: icdKey(entry.slice(0, -1)), prefix: true } : { key: icdKey(entry), prefix: false });
const patternMatches = (codeKey: string, p: IcdPattern) => (p.prefix ? codeKey.startsWith(p.key) : codeKey === p.key);

/** Does an ICD-10 code match a list entry ("E11*" is a prefix, "N18.6" is exact)? Never when it is not a well-formed code. */
export function icdMatches(codeValue: string, entry: string): boolean {
  return isWellFormedIcd10(codeValue) && patternMatches(icdKey(codeValue), toPattern(entry));
}

interface CompiledList {
  readonly icd: readonly IcdPattern[];
  readonly excludeIcd: readonly IcdPattern[];
  readonly snomed: ReadonlySet<string>;
  readonly phrases: readonly string[];
  readonly excludePhrases: readonly string[];
}

const compiledLists = new WeakMap<ConditionCodeList, CompiledList>();

function compile(list: ConditionCodeList): CompiledList {
  let c = compiledLists.get(list);
  if (!c) {
    const tooLong = [...list.phrases, ...(list.excludePhrases ?? [])].find((p) => normaliseText(p).split(' ').length > MAX_PHRASE_WORDS);
    if (tooLong) throw new Error(`Condition list ${list.id}: phrase "${tooLong}" is longer than ${MAX_PHRASE_WORDS} words`);
    c = {
      icd: list.icd10.map((e) => toPattern(e.code)),
      excludeIcd: (list.excludeIcd10 ?? []).map(toPattern),
      snomed: new Set(list.snomed.map((e) => e.code)),
      phrases: list.phrases.map(normaliseText),
      excludePhrases: (list.excludePhrases ?? []).map(normaliseText),
    };
    compiledLists.set(list, c);
  }
  return c;
}

interface ConditionView {
  /** Every ICD-10 coding; `key` only for the well-formed ones (the others never match). */
  readonly icd: readonly { coding: CodingRef; key?: string }[];
  readonly snomed: readonly CodingRef[];
  /** Per text (CodeableConcept.text, each display): its word runs. */
  readonly texts: readonly Set<string>[];
}

const views = new WeakMap<object, ConditionView>();

function view(cond: Pick<ConditionEntry, 'codings' | 'text'>): ConditionView {
  let v = views.get(cond);
  if (!v) {
    const icd: { coding: CodingRef; key?: string }[] = [];
    const snomed: CodingRef[] = [];
    for (const coding of cond.codings) {
      if (isIcd10(coding.system)) icd.push(isWellFormedIcd10(coding.code) ? { coding, key: icdKey(coding.code) } : { coding });
      else if (isSnomed(coding.system) && isWellFormedSnomed(coding.code)) snomed.push({ ...coding, code: coding.code.trim() });
    }
    const rawTexts = [cond.text, ...cond.codings.map((c) => c.display)].filter((t): t is string => !!t);
    // CodeableConcept.text usually repeats a display: read each distinct text once.
    const texts = [...new Set(rawTexts)].map(wordRuns);
    v = { icd, snomed, texts };
    views.set(cond, v);
  }
  return v;
}

export type ConditionMatch =
  | { readonly by: 'icd10' | 'snomed'; readonly coding: CodingRef }
  | { readonly by: 'text'; readonly phrase: string };

export function matchConditionList(cond: Pick<ConditionEntry, 'codings' | 'text'>, list: ConditionCodeList): ConditionMatch | undefined {
  const c = compile(list);
  const v = view(cond);
  for (const { coding, key } of v.icd) {
    if (key === undefined) continue;
    if (c.excludeIcd.some((p) => patternMatches(key, p))) continue;
    if (c.icd.some((p) => patternMatches(key, p))) return { by: 'icd10', coding };
  }
  for (const coding of v.snomed) if (c.snomed.has(coding.code)) return { by: 'snomed', coding };
  if (v.icd.length) return undefined;
  for (const text of v.texts) {
    if (c.excludePhrases.some((p) => text.has(p))) continue;
    const phrase = c.phrases.find((p) => text.has(p));
    if (phrase) return { by: 'text', phrase };
  }
  return undefined;
}
