/**
 * The point-of-care checklist: what the clinician asks or examines during the visit (rule
 * catalogue, "Clinician-reported items"). Answers arrive as a FHIR QuestionnaireResponse for the
 * app's own Questionnaire, so the engine reads them like any other data, in the browser and on
 * the command line alike.
 *
 * `keywords` let the mapper recognise an item by its text when a response does not use this
 * Questionnaire's linkIds (another system's form): every keyword must appear in the item text.
 */
export const CHECKLIST_QUESTIONNAIRE_URL = 'http://example.org/fhir/leg-cramps/Questionnaire/point-of-care-checklist';
export const CHECKLIST_QUESTIONNAIRE_VERSION = '1.0.0';

export interface ChecklistItem {
  readonly id: string;
  /** The question as the clinician reads it. */
  readonly text: string;
  readonly keywords: readonly (readonly string[])[];
}

const item = (id: string, text: string, ...keywords: (readonly string[])[]): ChecklistItem => ({ id, text, keywords });

export const CHECKLIST_ITEMS = {
  calfSwelling: item('calf-swelling', 'One-sided calf swelling, warmth or tenderness', ['calf', 'swelling'], ['calf', 'swollen'], ['calf', 'warmth'], ['calf', 'tenderness'], ['calf', 'tender']),
  coldPaleNumbLeg: item('cold-pale-numb-leg', 'A cold, pale, pulseless or numb leg', ['cold', 'leg'], ['pale', 'leg'], ['pulseless'], ['numb', 'leg'], ['limb', 'ischaemia'], ['limb', 'ischemia']),
  restPain: item('rest-pain', 'Pain in the foot at rest or at night, eased by hanging the leg down', ['rest', 'pain']),
  weaknessWasting: item('weakness-wasting-fasciculations', 'Muscle weakness, wasting or visible twitching (fasciculations)', ['weakness'], ['wasting'], ['fasciculation'], ['fasciculations'], ['twitching']),
  widespreadOrLongCramps: item('widespread-or-long-cramps', 'Cramps in unusual or widespread muscles, or lasting longer than 10 minutes', ['widespread'], ['10', 'minutes'], ['ten', 'minutes'], ['10', 'min']),
  saddleNumbness: item('saddle-numbness-bladder-bowel', 'Saddle numbness, or new bladder or bowel trouble', ['saddle'], ['bladder'], ['bowel'], ['perineal'], ['cauda', 'equina'], ['urinary', 'retention']),
  seizureFeatures: item('loss-of-consciousness-jerking', 'Loss of consciousness or whole-body jerking during an episode', ['consciousness'], ['jerking'], ['seizure'], ['seizures'], ['convulsion'], ['convulsions'], ['unconscious'], ['tongue', 'biting']),
  darkUrine: item('dark-urine-muscle-pain', 'Dark (cola-coloured) urine with muscle pain', ['dark', 'urine'], ['cola', 'urine']),
  bleedingOnQuinine: item('bleeding-on-quinine', 'Unusual bruising or bleeding while taking quinine', ['quinine', 'bleeding'], ['quinine', 'bruising'], ['quinine', 'bruises'], ['quinine', 'petechiae'], ['quinine', 'nosebleeds']),
  tonicWater: item('tonic-water-for-cramps', 'Takes tonic water or quinine bought without a prescription for the cramps', ['tonic', 'water']),
  falls: item('frequent-falls', 'Frequent falls or loss of motor skills (in a child)', ['falls'], ['motor', 'skills']),
} as const;

export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[keyof typeof CHECKLIST_ITEMS]['id'];

export const CHECKLIST_ITEM_LIST: readonly ChecklistItem[] = Object.values(CHECKLIST_ITEMS);
