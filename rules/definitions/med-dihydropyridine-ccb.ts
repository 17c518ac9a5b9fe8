/**
 * med-dihydropyridine-ccb — knowledge base row A13.
 *
 * Nifedipine and, by class, the other dihydropyridine calcium-channel blockers (amlodipine,
 * felodipine, nicardipine, ...; ATC C08CA), alone or combined (Caduet, Exforge, Lotrel), active or
 * recently dispensed. The evidence names nifedipine only (NICE CKS S7; BMJ 1995 S24); for any
 * other dihydropyridine the summary says the link is extrapolated from nifedipine.
 *
 * Never diltiazem or verapamil (RxNorm 897718; Tarka): calcium-channel blockers are listed as
 * possible *treatments* for cramps (AAN Level C, S2), so those two are not in the class at all.
 *
 * Grade: the knowledge base grades this row C–B, recorded as B/C (the project's notation between
 * B and C): an expert list (S7) and one general-practice prescribing study (S24), no measured
 * risk. A drug first recorded in the 12 months before the first recorded cramp complaint is
 * pointed out (temporal weighting), never changing the outcome.
 */
import { DIHYDROPYRIDINE_CCBS } from '../codes/medications/calcium-channel-blockers.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-dihydropyridine-ccb',
  version: '1.0.0',
  title: 'Dihydropyridine calcium-channel blocker (nifedipine and related drugs)',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Nifedipine is named as a cramp-inducing drug by NICE CKS (S7) and in a BMJ general-practice prescribing study (S24). No source names the other dihydropyridines; they are included by class. Diltiazem and other calcium-channel blockers are listed as possible treatments for cramps (AAN, S2), so they are not flagged.',
  citations: [SOURCES.S7, SOURCES.S24, SOURCES.S2],
  knowledgeBaseRows: ['A13'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([DIHYDROPYRIDINE_CCBS], { what: 'a dihydropyridine calcium-channel blocker' }),
    drugStartedBeforeCramps([DIHYDROPYRIDINE_CCBS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) =>
      r.facts.drug === 'nifedipine'
        ? 'On nifedipine: named as a cramp-inducing drug (NICE CKS, BMJ 1995)'
        : `On ${r.facts.drug}, a dihydropyridine: cramp evidence is for nifedipine, applied here by class`,
    notFlagged: 'No dihydropyridine calcium-channel blocker in use (diltiazem and verapamil are not counted)',
    insufficient: medicationInsufficient('Dihydropyridine calcium-channel blocker use could not be checked'),
  },
  detail: (r) =>
    [
      r.facts.drug === 'nifedipine'
        ? 'Nifedipine is named as a cause of cramps in NICE CKS (S7) and in a BMJ prescribing study (S24).'
        : `The evidence is for nifedipine (S7, S24); ${r.facts.drug} is a dihydropyridine like it, so the link is plausible but not shown for this drug.`,
      'Diltiazem and verapamil are not flagged: calcium-channel blockers appear among possible treatments for cramps (S2).',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review: would another blood-pressure medicine suit?',
  handoutSections: ['drug-nifedipine'],
});
