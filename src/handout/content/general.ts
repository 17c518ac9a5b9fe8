/**
 * The general advice every handout carries (knowledge base section 11, rows D2–D7), in the
 * project's own words, English and Spanish side by side. Replacement wording for the safety
 * suppressions sits beside the block it replaces.
 */
import { both, bullet, para, type BlockSpec, type Gate, type SectionSpec } from './spec.js';

const pregnancyKnown: Gate = { suppression: 'pregnancy', basis: 'known' };
const childKnown: Gate = { suppression: 'child', basis: 'known' };
const pregnancySection: Gate = { section: 'pregnancy' };

export const INTRO: readonly BlockSpec[] = [
  para('intro.what', 'This sheet says what we found and what you can do about your leg cramps at night.', 'Esta hoja dice lo que encontramos y lo que puede hacer con sus calambres de noche.'),
  para('intro.common', 'Night cramps are common, and more so as we age. Most of the time they are not serious.', 'Los calambres de noche son comunes, y más con la edad. La mayoría de las veces no son graves.', {
    when: { redFlagFired: false },
  }),
];

export const DURING_A_CRAMP: SectionSpec = {
  id: 'during-a-cramp',
  role: 'general',
  heading: both('During a cramp', 'Durante un calambre'),
  blocks: [
    bullet('during.stretch', 'Straighten your knee and pull your toes up toward you.', 'Estire la rodilla y lleve los dedos del pie hacia usted.'),
    bullet('during.stand', 'Or stand up and lean forward, with your weight on the sore leg.', 'O póngase de pie e inclínese hacia adelante, con el peso en la pierna que duele.'),
    bullet('during.move', 'Walk around or rub the muscle. A warm shower, or ice wrapped in a towel, helps some people.', 'Camine un poco o frote el músculo. A algunas personas les ayuda una ducha tibia, o hielo envuelto en una toalla.'),
    bullet('during.skin', 'Do not poke or stick anything into your skin. It does not help, and it can cause an infection.', 'No se clave nada en la piel. No ayuda y puede causar una infección.', {
      cautions: ['skin-injury'],
    }),
    bullet('during.sore', 'Is the muscle sore after? Ask your doctor or a pharmacist which pain pill is safe for you.', 'Si después le duele el músculo, pregunte a su médico o en la farmacia qué pastilla para el dolor puede tomar.'),
  ],
};

export const PREVENTION: SectionSpec = {
  id: 'prevention',
  role: 'general',
  heading: both('To help prevent cramps', 'Para prevenir los calambres'),
  blocks: [
    para('prevention.lead', 'These steps are safe to try. They help some people, but not all.', 'Estos pasos son seguros. Ayudan a algunas personas, pero no a todas.'),
    bullet('prevention.stretch', 'Stretch the backs of your legs gently before bed.', 'Estire las pantorrillas con suavidad antes de dormir.'),
    bullet('prevention.covers', 'Keep the sheets loose at the foot of the bed.', 'Deje las sábanas sueltas a los pies de la cama.'),
    bullet('prevention.shoes', 'Wear comfortable shoes that support your feet. Do not switch all at once to high heels.', 'Use zapatos cómodos que sostengan bien el pie. No cambie de golpe a tacones altos.'),
    bullet('prevention.move', 'If you sit or stand for a long time, get up and walk around often.', 'Si pasa muchas horas en una silla o de pie, levántese y camine a menudo.'),
    bullet('prevention.bike', 'If you do not move much, a few minutes on an exercise bike before bed may help.', 'Si se mueve poco, unos minutos de bicicleta fija antes de dormir pueden ayudar.'),
    bullet('prevention.fluids', 'Drink enough during the day. But if your doctor told you to limit fluids, keep to that limit.', 'Tome suficiente líquido durante el día, a menos que su médico le haya dicho que lo limite.', {
      advice: ['drink-more'],
    }),
    bullet('prevention.fluid-limit', 'Keep to the fluid limit your care team gave you. Extra fluid will not stop cramps.', 'Respete el límite de líquidos que le dio su equipo de salud. Tomar más líquido no quita los calambres.', {
      cautions: ['drink-more'],
      when: { suppression: 'fluid-limit', basis: 'known' },
    }),
    bullet('prevention.fluid-limit-if-any', 'If your doctor told you to limit fluids, keep to that limit.', 'Si su médico le dijo que limite los líquidos, respete ese límite.', {
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
    bullet('medicines.stop', 'Do not stop a medicine on your own.', 'No deje ninguna medicina por su cuenta.'),
    bullet('medicines.new', 'Did the cramps start after a new medicine? Ask your doctor if it could be the cause.', '¿Empezaron los calambres después de una medicina nueva? Pregunte a su médico si puede ser la causa.'),
    bullet('medicines.quinine', 'Do not take quinine or drink a lot of tonic water for cramps. Quinine can do serious harm.', 'No tome quinina ni mucha agua tónica para los calambres. La quinina puede hacer mucho daño.', {
      cautions: ['quinine'],
      // In pregnancy the (required) pregnancy section says "never", without "a lot of".
      when: { not: pregnancySection },
    }),
    bullet('medicines.supplements', 'Do not start potassium, magnesium or calcium pills on your own. Take them only if a blood test shows you need them and your doctor agrees.', 'No empiece por su cuenta pastillas de potasio, magnesio o calcio. Tómelas solo si un análisis de sangre muestra que las necesita y su médico está de acuerdo.', {
      advice: ['supplement'],
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
    bullet('diet.balanced', 'A normal, balanced diet is fine.', 'Una dieta normal y variada está bien.', {
      when: { not: { suppression: 'potassium-caution', basis: 'known' } },
    }),
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
    emptyRows: 5,
  },
};
