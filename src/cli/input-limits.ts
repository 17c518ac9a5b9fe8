/**
 * The largest input file the evaluator reads. One patient's Bundle is far smaller (the largest of
 * the 122 Synthea patients is about 1 MB; a patient with decades of records, tens of MB); anything
 * bigger is refused before it is read, so a wrong path (a disk image, a log) fails at once with
 * one line instead of exhausting memory.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
export const MAX_INPUT_BYTES_TEXT = '64 MiB';
