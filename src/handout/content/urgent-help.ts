/**
 * The urgent-help box (knowledge base section 6, the red flags, and section 11 "Get urgent help
 * if"). Always on the handout, always first (so always on page one), never removable.
 *
 * In order: "Please read this box first" when a red flag fired; the patient's own actions, one per
 * red flag on screen, each with its tier ("Now:", "Today:", "Soon:"; built from
 * src/handout/patient-actions.ts and worded in red-flag-actions.ts, so they say what the screen
 * says); then the signs to watch for, in two tiers (ambulance or hospital now; call the clinic
 * today); then the clinic's name and number (or a blank line to write them on).
 *
 * The watch-for items gated on a section appear when a finding put that section on the handout,
 * even if the clinician leaves the section itself out, so a warning sign tied to this patient is
 * always in the box.
 */
import { both, bullet, para, type SectionSpec } from './spec.js';

/** Where the patient's own actions go (the builder inserts them after this block's position). */
export const ACTIONS_LEAD_ID = 'urgent.lead-actions';

export const URGENT_HELP: SectionSpec = {
  id: 'urgent-help',
  role: 'urgent',
  required: true,
  heading: both('Get help right away', 'Busque ayuda de inmediato'),
  blocks: [
    para('urgent.read-first', 'Please read this box first.', 'Por favor, lea primero este recuadro.', { when: { redFlagFired: true } }),
    para(ACTIONS_LEAD_ID, 'What to do about what we found:', 'Qué hacer con lo que encontramos:', { when: { redFlagFired: true } }),
    para('urgent.lead-emergency', 'Call for an ambulance or go to the hospital now if:', 'Llame a una ambulancia o vaya al hospital ahora mismo si:'),
    bullet('urgent.cold-leg', 'Your leg or foot turns cold, pale or numb.', 'Su pierna o su pie se pone frío, pálido o dormido.'),
    bullet('urgent.faint', 'You pass out, or your whole body shakes, during an attack.', 'Se desmaya, o le tiembla todo el cuerpo, durante un ataque.'),
    bullet('urgent.back', 'You feel numb between your legs. Or you lose control of your bladder or bowels.', 'Siente dormida la zona entre las piernas, o no puede controlar la orina o las heces.', {
      when: { any: [{ section: 'back-nerves' }, { finding: 'redflag-cauda-equina' }] },
    }),
    bullet('urgent.calcium', 'You feel tingling around your mouth, your hands cramp up, or it is hard to breathe.', 'Siente hormigueo alrededor de la boca, se le encogen las manos o le cuesta respirar.', {
      // The electrolyte line below says the same and more, when it is printed.
      when: { all: [{ section: 'low-calcium' }, { not: { finding: 'redflag-severe-electrolyte' } }] },
    }),
    // The screen's "emergency care if there is tetany, laryngospasm, seizure, confusion or palpitations".
    bullet('urgent.electrolyte', 'Your heart races or skips, your hands lock up, it is hard to breathe, you feel confused, or you have a fit.', 'El corazón le late rápido o a saltos, se le encogen las manos, le cuesta respirar, se siente confundido o tiene una convulsión.', {
      when: { finding: 'redflag-severe-electrolyte' },
    }),
    para('urgent.lead-today', 'Call your clinic today if:', 'Llame hoy mismo a su clínica si:'),
    bullet('urgent.calf', 'Your calf is swollen, warm or sore, and it does not go away.', 'Su pantorrilla está hinchada, caliente o le duele, y no se le quita.'),
    bullet('urgent.weakness', 'You have new weakness or twitching, thin muscles, or it is hard to talk or swallow.', 'Tiene debilidad o temblores nuevos, los músculos más delgados, o le cuesta hablar o tragar.'),
    bullet('urgent.dark-urine', 'Your urine is dark, like cola, and your muscles hurt.', 'Su orina es oscura, como un refresco de cola, y le duelen los músculos.'),
    bullet('urgent.quinine', 'You take quinine and you bruise or bleed easily, or you pass much less urine.', 'Toma quinina y le salen moretones o sangra sin razón, u orina mucho menos.', {
      cautions: ['quinine'],
      when: { section: 'quinine-warning' },
    }),
    bullet('urgent.rest-pain', 'Your foot hurts at night and feels better when you hang it over the side of the bed.', 'Le duele el pie de noche y se le alivia al colgarlo fuera de la cama.', {
      when: { section: 'circulation' },
    }),
    bullet('urgent.dialysis', 'You get cramps and feel dizzy, or your blood pressure drops, while on dialysis. Tell your dialysis team that day.', 'Tiene calambres con mareo o presión baja durante la diálisis. Avise ese mismo día a su equipo de diálisis.', {
      when: { section: 'dialysis' },
    }),
    bullet('urgent.low-sugar', 'You wake up with cramps and you are sweaty or confused. Check your blood sugar.', 'Se despierta con calambres, sudor o confusión. Mídase el azúcar en la sangre.', {
      when: { section: 'low-blood-sugar' },
    }),
    bullet('urgent.child', 'Your child has cramps and also weakness, many falls, or loses skills they had.', 'Su hijo o hija tiene calambres y también está débil, se cae mucho o ya no hace cosas que antes hacía.', {
      when: { section: 'children' },
    }),
    para('urgent.fallback', 'Can’t reach your clinic today? Go to urgent care or a hospital.', '¿No localiza hoy a su clínica? Vaya a urgencias.'),
  ],
};

/** The clinic line at the foot of the box: name and telephone, or blanks to write them on. */
export const CLINIC_LABELS = {
  name: both('Your clinic', 'Su clínica'),
  phone: both('Phone', 'Teléfono'),
} as const;
