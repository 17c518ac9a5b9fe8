/**
 * Types for the two readability packages, which ship none. Only what the handout's readability
 * checks call is declared.
 */
declare module 'text-readability' {
  interface Readability {
    fleschKincaidGrade(text: string): number;
    fleschReadingEase(text: string): number;
    colemanLiauIndex(text: string): number;
    automatedReadabilityIndex(text: string): number;
    smogIndex(text: string): number;
    lexiconCount(text: string, removePunctuation?: boolean): number;
    syllableCount(text: string, lang?: string): number;
    sentenceCount(text: string): number;
  }
  const readability: Readability;
  export default readability;
}

declare module 'silabea' {
  interface SilabaResult {
    readonly palabra: string;
    readonly numeroSilaba: number;
    readonly silabas: readonly { readonly inicioPosicion: number; readonly silaba: string }[];
  }
  const silabea: { getSilabas(word: string): SilabaResult };
  export default silabea;
}
