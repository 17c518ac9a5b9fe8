/**
 * English readability, for the handout's plain-language check (issue 6 point 3), from the
 * `text-readability` package: Flesch–Kincaid grade (Kincaid J.P. et al., 1975) as the measure,
 * and the Coleman–Liau index (Coleman M., Liau T.L., 1975) as an independent cross-check, since it
 * counts letters, not syllables, so a syllable miscount cannot hide a hard text from both.
 */
import readability from 'text-readability';

export function fleschKincaidGrade(text: string): number {
  return readability.fleschKincaidGrade(text);
}

export function colemanLiauGrade(text: string): number {
  return readability.colemanLiauIndex(text);
}
