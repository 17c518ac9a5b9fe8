/**
 * What the screen tells the clinician to do about a red flag, set beside what the handout tells the
 * patient (issue 11 point 1). Independent of the handout's own tables: the screen's words (the red
 * flag's urgency, summary and next step, as the banner shows them) are read with patterns written
 * here, and each thing the screen says must reach the patient in plain words, in each language, at
 * the same urgency.
 *
 * Used by the unit test over every scenario patient (tests/unit/handout/screen-and-handout.test.ts)
 * and by the component test that reads both rendered elements in Chromium.
 */
import type { Finding, Urgency } from '../../rules/engine/types.js';
import type { Language } from '../../src/handout/language.js';
import { urgencyLabel } from '../../src/review/urgency.js';

/** The banner's words for one red flag: urgency label, next step, summary. */
export function screenWords(f: Finding): string {
  return `${urgencyLabel(f.urgency)}. ${f.nextStep} ${f.summary}`;
}

/**
 * The label the patient reads in front of the action, by the screen's urgency: the emergency is
 * "now", a same-day or urgent review is "today", a prompt or routine one "soon". Never softer, never
 * louder.
 */
export const PATIENT_TIER: Readonly<Record<Urgency, Readonly<Record<Language, string>>>> = {
  emergency: { en: 'Now', es: 'Ahora mismo' },
  'same-day': { en: 'Today', es: 'Hoy' },
  urgent: { en: 'Today', es: 'Hoy' },
  prompt: { en: 'Soon', es: 'Pronto' },
  routine: { en: 'Soon', es: 'Pronto' },
};

export interface Concept {
  readonly name: string;
  /** Only for these rules (the screen's words mean it there). */
  readonly rules?: readonly string[];
  /** Matched against the screen's summary (what fired) or its whole words. */
  readonly on: 'summary' | 'screen';
  readonly screen: RegExp;
  readonly patient: Readonly<Record<Language, RegExp>>;
}

/** Each thing the screen asks for, and how the patient must read it. */
export const CONCEPTS: readonly Concept[] = [
  { name: 'stop quinine', on: 'summary', screen: /stop quinine/i, patient: { en: /stop taking quinine now/i, es: /deje de tomar la quinina ahora mismo/i } },
  { name: 'blood count', on: 'summary', screen: /\bCBC\b/, patient: { en: /blood test today/i, es: /análisis de sangre hoy/i } },
  { name: 'repeat electrolyte', rules: ['redflag-severe-electrolyte'], on: 'screen', screen: /repeat of the electrolyte/i, patient: { en: /new blood test today/i, es: /otro análisis hoy/i } },
  { name: 'potassium', rules: ['redflag-severe-electrolyte'], on: 'summary', screen: /potassium/i, patient: { en: /potassium/, es: /potasio/ } },
  { name: 'magnesium', rules: ['redflag-severe-electrolyte'], on: 'summary', screen: /magnesium/i, patient: { en: /magnesium/, es: /magnesio/ } },
  { name: 'sodium', rules: ['redflag-severe-electrolyte'], on: 'summary', screen: /sodium/i, patient: { en: /sodium/, es: /sodio/ } },
  { name: 'calcium', rules: ['redflag-severe-electrolyte'], on: 'summary', screen: /calcium/i, patient: { en: /calcium/, es: /calcio/ } },
  { name: 'DVT today', on: 'summary', screen: /exclude DVT today/i, patient: { en: /blood clot.*check today.*scan of your leg/i, es: /coágulo.*revisión hoy mismo.*ecografía/i } },
  { name: 'DVT risk', on: 'summary', screen: /^DVT risk/, patient: { en: /blood clot in your leg.*check both calves.*same day/i, es: /coágulo en la pierna.*las dos pantorrillas.*ese mismo día/i } },
  { name: 'muscle test', rules: ['redflag-rhabdomyolysis'], on: 'summary', screen: /\bCK\b/, patient: { en: /muscle blood test/i, es: /análisis de sangre del músculo/i } },
  { name: 'urine check', rules: ['redflag-rhabdomyolysis'], on: 'screen', screen: /check the urine/i, patient: { en: /blood and urine tests today/i, es: /análisis de sangre y de orina/i } },
  { name: 'statin', rules: ['redflag-rhabdomyolysis'], on: 'summary', screen: /\bon [a-z]*statin\b/i, patient: { en: /ask your doctor today if you should stop your [a-z]*statin/i, es: /si debe dejar la [a-z]*statina/i } },
  { name: 'night glucose', rules: ['redflag-nocturnal-hypoglycemia'], on: 'screen', screen: /check glucose at night/i, patient: { en: /check your sugar if you wake/i, es: /mídase el azúcar si se despierta/i } },
  { name: 'diabetes team', rules: ['redflag-nocturnal-hypoglycemia'], on: 'screen', screen: /diabetes team/i, patient: { en: /diabetes team will look at your dose/i, es: /equipo de diabetes va a revisar la dosis/i } },
  { name: 'named glucose-lowering drug', rules: ['redflag-nocturnal-hypoglycemia'], on: 'summary', screen: /^On glipizide/i, patient: { en: /glipizide/i, es: /glipizida/i } },
  { name: 'neurology', rules: ['redflag-neuromuscular'], on: 'screen', screen: /neurology referral/i, patient: { en: /nerve doctor/i, es: /neurólogo/i } },
  { name: 'speech and swallowing', rules: ['redflag-neuromuscular'], on: 'screen', screen: /speech and swallowing/i, patient: { en: /hard to talk or swallow/i, es: /hablar o tragar/i } },
  { name: 'emergency assessment', rules: ['redflag-cauda-equina'], on: 'screen', screen: /emergency assessment/i, patient: { en: /hospital emergency room now/i, es: /ahora mismo a urgencias/i } },
  { name: 'seizure', rules: ['redflag-seizure'], on: 'screen', screen: /seizure/i, patient: { en: /seizures/i, es: /convulsiones/i } },
  { name: 'acute limb ischaemia', on: 'summary', screen: /acute limb ischaemia; emergency assessment now/i, patient: { en: /not be getting enough blood\. Go to the hospital now/i, es: /suficiente sangre\. Vaya al hospital ahora mismo/i } },
  { name: 'vascular referral', on: 'summary', screen: /urgent vascular referral/i, patient: { en: /blood vessel doctor quickly/i, es: /médico de las venas y arterias/i } },
  { name: 'pediatrician', rules: ['redflag-pediatric'], on: 'summary', screen: /pediatrician to assess/i, patient: { en: /child’s doctor.*pediatrician/i, es: /pediatra/i } },
  { name: 'paediatric neurology', rules: ['redflag-pediatric'], on: 'summary', screen: /urgent paediatric neurology|weakness or falls reported/i, patient: { en: /children’s nerve doctor/i, es: /neurólogo de niños/i } },
];

/** The concepts the screen states for this red flag. */
export function conceptsOnScreen(f: Finding): Concept[] {
  return CONCEPTS.filter((c) => (!c.rules || c.rules.includes(f.ruleId)) && c.screen.test(c.on === 'summary' ? f.summary : screenWords(f)));
}

/**
 * Words that would soften what the screen says, anywhere on the patient's sheet, per red flag: the
 * old "talk to your doctor about stopping" beside "Stop quinine now", "only weakly linked" for a
 * statin with a red-flag CK.
 */
export const SOFTENINGS: Readonly<Record<string, Readonly<Record<Language, readonly RegExp[]>>>> = {
  'redflag-quinine-toxicity': { en: [/talk to your doctor about stopping/i, /^Do not stop a medicine on your own\.$/m], es: [/hable con su médico para dejarla/i, /^No deje ninguna medicina por su cuenta\.$/m] },
  'redflag-rhabdomyolysis': { en: [/statins are only weakly linked/i], es: [/las estatinas tienen poca relación/i] },
};
