/**
 * Coded (non-laboratory-threshold) observations the rules read: pregnancy status, the estimated
 * date of delivery and gestational age (knowledge base 10.1 and 10.4).
 */
import type { CodeEntry } from './labs.js';

const c = (code: string, display: string, marker: CodeEntry['marker'], source: string): CodeEntry => ({ code, display, marker, source });

export const CODED_OBSERVATIONS = {
  'pregnancy-status': {
    id: 'pregnancy-status',
    name: 'pregnancy status',
    loinc: [c('82810-3', 'Pregnancy status', '✅', 'S17h')],
  },
  edd: {
    id: 'edd',
    name: 'estimated date of delivery',
    loinc: [
      c('11778-8', 'Delivery date Estimated', '✅', 'S17h'),
      c('11779-6', 'Delivery date Estimated from last menstrual period', '✅', 'S17h'),
      c('11780-4', 'Delivery date Estimated from ovulation date', '✅', 'S17h'),
    ],
  },
  'gestational-age': {
    id: 'gestational-age',
    name: 'gestational age',
    loinc: [
      c('11884-4', 'Gestational age Estimated', '✅', 'S17i'),
      c('11885-1', 'Gestational age Estimated from last menstrual period', '✅', 'S17i'),
      c('53691-2', 'Gestational age Estimated from patient reported estimated date of conception', '✅', 'S17h'),
      c('49051-6', 'Gestational age in weeks', '⚠️', 'KB 10.1'),
      c('18185-9', 'Gestational age', '⚠️', 'KB 10.1'),
    ],
  },
} as const;

export type CodedObservationId = keyof typeof CODED_OBSERVATIONS;

export const CODED_OBSERVATION_BY_LOINC: ReadonlyMap<string, CodedObservationId> = new Map(
  Object.values(CODED_OBSERVATIONS).flatMap((o) => o.loinc.map((l) => [l.code, o.id as CodedObservationId] as const)),
);

/** Answers to 82810-3 that mean "pregnant" (LOINC answer list and SNOMED). */
export const PREGNANT_ANSWERS: readonly { system: string; code: string; marker: CodeEntry['marker'] }[] = [
  { system: 'http://loinc.org', code: 'LA15173-0', marker: '✅' },
  { system: 'http://snomed.info/sct', code: '77386006', marker: '✅' },
];

/** Answers that mean "not pregnant" or "unknown" are simply not "pregnant"; listed for the reader. */
export const NOT_PREGNANT_ANSWERS: readonly { system: string; code: string; marker: CodeEntry['marker'] }[] = [
  { system: 'http://loinc.org', code: 'LA26683-5', marker: '⚠️' },
  { system: 'http://snomed.info/sct', code: '60001007', marker: '⚠️' },
];
