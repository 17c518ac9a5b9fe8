/**
 * One section per laboratory cause (knowledge base Table B, "Patient handout says"), in the
 * project's own words. Numbers are not repeated here: the clinician explains them; the handout
 * says what it means and what happens next.
 */
import { both, bullet, para, type SectionSpec } from './spec.js';

export const LAB_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'low-magnesium',
    role: 'cause',
    heading: both('Low magnesium', 'Magnesio bajo'),
    blocks: [
      para('magnesium.found', 'Your blood test found low magnesium. Your doctor will look for the reason and decide what to do.', 'Su análisis de sangre mostró el magnesio bajo. Su médico buscará la causa y decidirá qué hacer.'),
      bullet('magnesium.pills', 'Is your magnesium normal? Then more of it in a pill will likely not stop the cramps.', 'Cuando el magnesio está normal, tomar más magnesio casi nunca quita los calambres de noche.', {
        cautions: ['supplement'],
        // The evidence is in older adults (Cochrane 2020, S8); in pregnancy it is unsettled (S9, S34), and
        // the pregnancy section already says no pill for cramps without the midwife or doctor.
        when: { not: { suppression: 'pregnancy', basis: 'known' } },
      }),
    ],
  },
  {
    id: 'low-calcium',
    role: 'cause',
    heading: both('Low calcium', 'Calcio bajo'),
    blocks: [
      para('calcium.found', 'Your blood test found low calcium. Your doctor will find out why.', 'Su análisis de sangre mostró el calcio bajo. Su médico buscará por qué.'),
      bullet('calcium.urgent', 'Get help right away if you feel tingling around your mouth, your hands cramp up, or it is hard to breathe.', 'Busque ayuda de inmediato si siente hormigueo en la boca, si se le encogen las manos o si le cuesta respirar.'),
    ],
  },
  {
    id: 'low-potassium',
    role: 'cause',
    heading: both('Low potassium', 'Potasio bajo'),
    blocks: [
      para('potassium.found', 'Your blood test found low potassium. This often comes from water pills or a stomach upset.', 'Su análisis de sangre mostró el potasio bajo. Muchas veces se debe a pastillas para orinar o a vómitos o diarrea.'),
      bullet('potassium.treat', 'Your doctor may change a medicine. Or the doctor may give you potassium to take.', 'Su médico puede cambiar una de sus medicinas o darle potasio.', { advice: ['supplement'] }),
      bullet('potassium.self', 'Do not treat it on your own.', 'No lo trate por su cuenta.'),
      bullet('potassium.food', 'Bananas, oranges and potatoes have a lot of potassium. Ask your doctor if you should eat more of them.', 'El plátano, la naranja y la papa tienen mucho potasio. Pregunte a su médico si debe comer más.', {
        advice: ['potassium-food'],
      }),
    ],
  },
  {
    id: 'low-sodium',
    role: 'cause',
    heading: both('Low sodium', 'Sodio bajo'),
    blocks: [
      para('sodium.found', 'Your blood test found low sodium. Your doctor will look for the cause.', 'Su análisis de sangre mostró el sodio bajo. Su médico buscará la causa.'),
      bullet('sodium.water', 'Do not drink extra water to flush out cramps. Ask your doctor how much to drink.', 'No tome agua de más para quitar los calambres. Pregunte a su médico cuánto debe tomar.', {
        cautions: ['drink-more'],
      }),
      bullet('sodium.salt', 'Do not add salt on your own.', 'No le ponga más sal a la comida por su cuenta.', { cautions: ['salt'] }),
    ],
  },
  {
    id: 'blood-sugar',
    role: 'cause',
    heading: both('Blood sugar', 'Azúcar en la sangre'),
    blocks: [para('sugar.high', 'Your blood sugar was high. High sugar can harm nerves and cause cramps. Keeping it under control helps.', 'Su azúcar en la sangre salió alta. El azúcar alta puede dañar los nervios y causar calambres. Mantenerla bajo control ayuda.')],
  },
  {
    id: 'low-blood-sugar',
    role: 'cause',
    heading: both('Low blood sugar at night', 'Azúcar baja de noche'),
    blocks: [
      para('low-sugar.sign', 'Do you use insulin or pills that lower your sugar? Then cramps at night with sweat or confusion may mean your sugar is low.', 'Si usa insulina o pastillas que bajan el azúcar, los calambres de noche con sudor o confusión pueden ser azúcar baja.'),
      bullet('low-sugar.check', 'Check your blood sugar when this happens, and tell your doctor.', 'Mídase el azúcar cuando le pase esto y avise a su médico.'),
    ],
  },
  {
    id: 'thyroid',
    role: 'cause',
    heading: both('Thyroid', 'Tiroides'),
    blocks: [para('thyroid.link', 'A thyroid gland that is too slow or too fast can cause cramps. Treating it often helps.', 'Una tiroides que trabaja muy lento o muy rápido puede causar calambres. Tratarla muchas veces ayuda.')],
  },
  {
    id: 'parathyroid',
    role: 'cause',
    heading: both('The hormone that controls calcium', 'La hormona que controla el calcio'),
    blocks: [para('parathyroid.look', 'This hormone needs a closer look. Your doctor may send you to a hormone doctor.', 'Hay que revisar mejor esta hormona. Su médico puede enviarle con un médico de las hormonas.')],
  },
  {
    // A high PTH in kidney disease is secondary hyperparathyroidism of the kidneys: the kidney
    // team treats it, not a hormone doctor (rule catalogue, second round).
    id: 'parathyroid-kidney',
    role: 'cause',
    heading: both('The hormone that controls calcium', 'La hormona que controla el calcio'),
    blocks: [para('parathyroid-kidney.team', 'Your kidneys can make this hormone go up. Your kidney team will check it and may change your care.', 'Sus riñones pueden hacer que esta hormona suba. Su equipo de riñón la revisará y puede cambiar su tratamiento.')],
  },
  {
    id: 'vitamin-d',
    role: 'cause',
    heading: both('Low vitamin D', 'Vitamina D baja'),
    blocks: [
      para('vitamin-d.found', 'Your vitamin D is low. It may not be the cause of your cramps.', 'Su vitamina D está baja. Puede que no sea la causa de sus calambres.'),
      bullet('vitamin-d.treat', 'Treating it is good for your bones.', 'Tratarla es bueno para sus huesos.', { advice: ['supplement'] }),
    ],
  },
  {
    id: 'kidney',
    role: 'cause',
    heading: both('Your kidneys', 'Sus riñones'),
    blocks: [
      para('kidney.link', 'Kidney disease can cause cramps. Your kidney team can change your care to help.', 'La enfermedad de los riñones puede causar calambres. Su equipo de riñón puede cambiar su tratamiento para ayudar.'),
      bullet('kidney.supplements', 'Ask them before you take any pill or product from a store. This means vitamins, too.', 'Antes de tomar una pastilla o algo de la tienda, pregúnteles. Eso vale para las vitaminas.', { cautions: ['supplement'] }),
    ],
  },
  {
    id: 'muscle-enzyme',
    role: 'cause',
    heading: both('Muscle blood test', 'Prueba de sangre del músculo'),
    blocks: [para('ck.raised', 'A blood test showed a raised muscle enzyme. Your doctor will check for muscle damage from medicines or other causes.', 'Un análisis de sangre mostró alta una enzima del músculo. Su médico buscará si hay daño en el músculo por medicinas u otras causas.')],
  },
];
