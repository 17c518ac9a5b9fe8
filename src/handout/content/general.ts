/**
 * The general advice every handout carries (knowledge base section 11, rows D2–D7), in the
 * project's own words, English and Spanish side by side. Replacement wording for the safety
 * suppressions sits beside the block it replaces.
 */
import { both, bullet, para, type BlockSpec, type Gate, type SectionSpec } from './spec.js';

const pregnancyKnown: Gate = { suppression: 'pregnancy', basis: 'known' };
/** A condition on record that comes with a fluid limit (knowledge base section 8, D4); low sodium alone is not one. */
const fluidLimitCondition: Gate = { any: [{ fact: 'dialysis', is: 'yes' }, { fact: 'heartFailure', is: 'yes' }, { fact: 'cirrhosis', is: 'yes' }] };
const childKnown: Gate = { suppression: 'child', basis: 'known' };
const pregnancySection: Gate = { section: 'pregnancy' };

/**
 * One reassuring line when no red flag fired (the title already says what the sheet is for; every
 * line counts if the all-clear patient is to get one page).
 */
export const INTRO: readonly BlockSpec[] = [
  para('intro.common', 'Night cramps are common, and more so as we age. Most of the time they are not serious.', 'Los calambres de noche son comunes, y más con la edad. La mayoría de las veces no son graves.', {
    when: { redFlagFired: false },
  }),
];

/**
 * The line above the one-page handout's findings: the general "do not stop a medicine" advice is
 * not printed there, and the medicine lines leave it out to stay one line each.
 */
export const FOUND_LEAD: readonly BlockSpec[] = [
  para('found.medicines', 'Do not stop or change a medicine on your own.', 'No deje ni cambie ninguna medicina por su cuenta.', { when: { not: { finding: 'redflag-quinine-toxicity' } } }),
  para('found.medicines-except-quinine', 'Apart from quinine, do not stop or change a medicine on your own.', 'Aparte de la quinina, no deje ni cambie ninguna medicina por su cuenta.', {
    cautions: ['quinine'],
    when: { finding: 'redflag-quinine-toxicity' },
  }),
];

export const DURING_A_CRAMP: SectionSpec = {
  id: 'during-a-cramp',
  role: 'general',
  heading: both('During a cramp', 'Durante un calambre'),
  blocks: [
    bullet('during.stretch', 'Straighten your knee and pull your toes up toward you. Or stand and lean forward on the sore leg.', 'Estire la rodilla y lleve los dedos del pie hacia usted, o apóyese de pie en esa pierna.'),
    bullet('during.move', 'Walk around or rub the muscle. A warm shower or ice helps some people.', 'Camine o frote el músculo. A algunas personas les ayuda una ducha tibia o hielo.'),
    bullet('during.skin', 'Do not poke or stick anything into your skin. It can cause an infection.', 'No se clave nada en la piel. Puede causar una infección.', {
      cautions: ['skin-injury'],
    }),
  ],
};

export const PREVENTION: SectionSpec = {
  id: 'prevention',
  role: 'general',
  heading: both('To help prevent cramps', 'Para prevenir los calambres'),
  blocks: [
    para('prevention.lead', 'These safe steps help some people, but not all.', 'Estos pasos seguros ayudan a algunas personas, no a todas.'),
    bullet('prevention.stretch', 'Before bed, stretch the backs of your legs gently, and keep the sheets loose at your feet.', 'Antes de dormir, estire las pantorrillas con suavidad y deje las sábanas sueltas a los pies.'),
    bullet('prevention.move', 'Wear comfortable shoes. If you sit or stand for a long time, get up and walk around often.', 'Use zapatos cómodos. Si pasa muchas horas sentado o de pie, levántese y camine a menudo.'),
    // Fluids, by what the record says (issue 11): "drink enough" only when no fluid fact applies;
    // the fluid limit only with a fluid-limit condition on record; low sodium alone (someone losing
    // fluid, say) gets neither, only "ask how much to drink" (said once: the low-sodium section
    // says it when it is printed); undecided facts get the neutral wording.
    bullet('prevention.fluids', 'Drink enough during the day, unless your care team told you to limit fluids.', 'Tome suficiente líquido de día, a menos que su equipo de salud le diga que lo limite.', {
      advice: ['drink-more'],
      // Someone losing fluid asks how much to drink (the fluid-loss section): no blanket "drink enough".
      when: { not: { section: 'fluids' } },
    }),
    bullet('prevention.fluid-limit', 'Keep to the fluid limit your care team gave you. Extra fluid will not stop cramps.', 'Respete el límite de líquidos que le dio su equipo de salud. Tomar más líquido no quita los calambres.', {
      cautions: ['drink-more'],
      when: fluidLimitCondition,
    }),
    bullet('prevention.fluid-ask', 'Ask your doctor how much to drink.', 'Pregunte a su médico cuánto líquido debe tomar.', {
      cautions: ['drink-more'],
      when: { all: [{ fact: 'hyponatraemia', is: 'yes' }, { not: fluidLimitCondition }, { not: { section: 'low-sodium' } }] },
    }),
    bullet('prevention.fluid-limit-if-any', 'Drink as you always do, unless your care team told you to limit fluids.', 'Tome líquidos como siempre, a menos que su equipo de salud le haya dicho que los limite.', {
      cautions: ['drink-more'],
      when: { suppression: 'fluid-limit', basis: 'unknown' },
    }),
    bullet('prevention.habits', 'Drink less alcohol and caffeine. If you smoke, stopping may help.', 'Tome menos alcohol y cafeína. Si fuma, dejar de fumar puede ayudar.', {
      advice: ['adult-habits'],
    }),
    bullet('prevention.habits-pregnancy', 'Do not drink alcohol while you are pregnant. Keep caffeine low.', 'No tome nada de alcohol si está embarazada. Tome poco café.', {
      cautions: ['adult-habits'],
      when: pregnancyKnown,
    }),
    bullet('prevention.habits-child', 'Cut down on drinks with caffeine, like cola and energy drinks.', 'Tome menos refrescos de cola y otras bebidas con cafeína.', {
      cautions: ['adult-habits'],
      when: { all: [childKnown, { not: pregnancyKnown }] },
    }),
    bullet('prevention.habits-if-any', 'Alcohol and caffeine can make cramps worse for some people.', 'A algunas personas el alcohol y el café les dan más calambres.', {
      cautions: ['adult-habits'],
      when: {
        all: [
          { any: [{ suppression: 'pregnancy', basis: 'unknown' }, { suppression: 'child', basis: 'unknown' }] },
          { not: pregnancyKnown },
          { not: childKnown },
        ],
      },
    }),
  ],
};

export const MEDICINES: SectionSpec = {
  id: 'medicines',
  role: 'general',
  heading: both('Your medicines', 'Sus medicinas'),
  blocks: [
    bullet('medicines.stop', 'Do not stop a medicine on your own.', 'No deje ninguna medicina por su cuenta.', { when: { not: { finding: 'redflag-quinine-toxicity' } } }),
    // The screen says "Stop quinine now" for this red flag: the general rule must not contradict it.
    bullet('medicines.stop-except-quinine', 'Apart from quinine, do not stop a medicine on your own.', 'Aparte de la quinina, no deje ninguna medicina por su cuenta.', {
      cautions: ['quinine'],
      when: { finding: 'redflag-quinine-toxicity' },
    }),
    bullet('medicines.new', 'Cramps after a new medicine? Ask your doctor if it could be the cause.', '¿Calambres tras una medicina nueva? Pregunte a su médico si puede ser la causa.'),
    bullet('medicines.quinine', 'Do not take quinine or drink tonic water for cramps. Quinine can do serious harm.', 'No tome quinina ni agua tónica para los calambres. Pueden hacer mucho daño.', {
      cautions: ['quinine'],
      // In pregnancy the (required) pregnancy section says "never"; for a quinine user the quinine
      // section says it.
      when: { all: [{ not: pregnancySection }, { not: { section: 'quinine-warning' } }] },
    }),
    bullet('medicines.supplements', 'Do not start potassium, magnesium or calcium pills on your own. Take them only if a blood test shows you need them and your doctor agrees.', 'No empiece por su cuenta pastillas de potasio, magnesio o calcio. Tómelas solo si un análisis de sangre muestra que las necesita y su médico está de acuerdo.', {
      advice: ['supplement'],
    }),
    // Only when magnesium was measured and not low (lab-low-magnesium not flagged). The evidence is in
    // older adults (Cochrane 2020, S8); in pregnancy it is unsettled (S9, S34), and the pregnancy
    // section already says no pill for cramps without the midwife or doctor.
    bullet('medicines.magnesium-normal', 'Your magnesium was not low. So magnesium pills will likely not help.', 'Su magnesio no salió bajo. Por eso, las pastillas de magnesio casi nunca ayudan.', {
      cautions: ['supplement'],
      when: { all: [{ finding: 'lab-low-magnesium', outcome: 'not-flagged' }, { not: pregnancyKnown }] },
    }),
    // The gap rule on screen: a diuretic with no potassium or magnesium result in a year.
    bullet('medicines.diuretic-test', 'A medicine you take can change the minerals in your blood. You need a blood test to check them.', 'Una de sus medicinas puede cambiar los minerales de la sangre. Hay que hacer un análisis para verlos.', {
      when: { finding: 'gap-diuretic-without-electrolytes' },
    }),
    bullet('medicines.supplements-pregnancy', 'Do not take any pill or product for cramps unless your midwife or doctor says it is OK. This means ones from a store, too.', 'No tome ninguna pastilla ni producto para los calambres sin el visto bueno de su partera o su médico. Esto incluye los de la tienda.', {
      cautions: ['supplement'],
      // Said once: here only when the pregnancy section is not on the handout.
      when: { all: [pregnancyKnown, { not: pregnancySection }] },
    }),
    bullet('medicines.supplements-if-any', 'Do not take any pill or product for cramps unless your doctor says it is OK. This means ones from a store, too.', 'No tome ninguna pastilla ni producto para los calambres sin el visto bueno de su médico. Esto incluye los de la tienda.', {
      cautions: ['supplement'],
      when: { suppression: 'pregnancy', basis: 'unknown' },
    }),
  ],
};

export const DIET: SectionSpec = {
  id: 'diet',
  role: 'general',
  heading: both('Food and drink', 'Comida y bebida'),
  blocks: [
    bullet('diet.potassium', 'Your kidneys or a medicine can let potassium build up in your blood. Ask your doctor which foods are safe for you.', 'Sus riñones o una medicina pueden subirle el potasio en la sangre. Pregunte a su médico qué alimentos le convienen.', {
      cautions: ['potassium-food'],
      when: { suppression: 'potassium-caution', basis: 'known' },
    }),
    bullet('diet.lite-salt', 'Do not use "lite" salt unless your doctor says so. Most kinds are made with potassium.', 'No use sal "light" sin que su médico lo indique. Casi todas tienen potasio.', {
      cautions: ['salt-substitute', 'salt'],
      // The water-pill section says the same when it is on the handout.
      when: { all: [{ suppression: 'potassium-caution', basis: 'known' }, { not: { section: 'drug-potassium-sparing-diuretic' } }] },
    }),
    bullet('diet.salt', 'Do not add salt to your food to stop cramps. Extra salt is bad for your blood pressure, heart, kidneys and liver.', 'No le ponga más sal a la comida para quitar los calambres. La sal de más es mala para la presión, el corazón, los riñones y el hígado.', {
      cautions: ['salt'],
      when: { suppression: 'salt-caution', basis: 'known' },
    }),
  ],
};

export const CRAMP_DIARY: SectionSpec = {
  id: 'cramp-diary',
  role: 'general',
  heading: both('Cramp diary', 'Diario de calambres'),
  blocks: [
    para('diary.how', 'Write down each cramp, and bring this page to your next visit.', 'Anote cada calambre y traiga esta hoja a su próxima cita.'),
  ],
  table: {
    caption: both('Your cramp diary', 'Su diario de calambres'),
    columns: [
      both('Date', 'Fecha'),
      both('Time', 'Hora'),
      both('Which leg', 'Qué pierna'),
      both('How long', 'Cuánto duró'),
      both('How bad (0 to 10)', 'Dolor (0 a 10)'),
      both('Did it wake you?', '¿Se despertó?'),
    ],
    emptyRows: 4,
  },
};
