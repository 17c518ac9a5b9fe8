/**
 * One section per laboratory cause (knowledge base Table B, "Patient handout says"), in the
 * project's own words. Numbers are not repeated here: the clinician explains them; the handout
 * says what it means and what happens next.
 */
import { both, bullet, para, type Gate, type SectionSpec } from './spec.js';

/** The TSH finding on thyroid hormone: its summary speaks about the dose, not about new disease. */
const thyroidDose: Gate = { finding: 'lab-thyroid-dysfunction', uses: ['thyroid-hormone'] };

export const LAB_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'low-magnesium',
    role: 'cause',
    heading: both('Low magnesium', 'Magnesio bajo'),
    blocks: [
      // Only for a low result (this section is there because lab-low-magnesium fired). The "if your
      // magnesium is normal" sentence is for a normal result: see MEDICINES in general.ts.
      para('magnesium.found', 'Your magnesium was low. Your doctor will find the reason and may treat it.', 'Su magnesio salió bajo. Su médico buscará la causa y tal vez se lo trate.'),
    ],
    brief: [bullet('magnesium.brief', 'Your doctor will find the reason and may treat it.', 'Su médico buscará la causa y tal vez se lo trate.')],
  },
  {
    id: 'low-calcium',
    role: 'cause',
    heading: both('Low calcium', 'Calcio bajo'),
    blocks: [
      para('calcium.found', 'Your blood test found low calcium. Your doctor will find out why.', 'Su análisis de sangre mostró el calcio bajo. Su médico buscará por qué.'),
      bullet('calcium.urgent', 'Get help right away if you feel tingling around your mouth, your hands cramp up, or it is hard to breathe.', 'Busque ayuda de inmediato si siente hormigueo en la boca, si se le encogen las manos o si le cuesta respirar.'),
    ],
    brief: [bullet('calcium.brief', 'Your doctor will find out why.', 'Su médico buscará por qué.')],
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
    brief: [bullet('potassium.brief', 'Often from water pills or a stomach upset. Do not treat it yourself.', 'Suele venir de pastillas para orinar, vómitos o diarrea. No lo trate usted.')],
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
    brief: [bullet('sodium.brief', 'Do not drink extra water. Ask your doctor how much to drink.', 'No tome agua de más. Pregunte a su médico cuánto tomar.', { cautions: ['drink-more'] })],
  },
  {
    id: 'blood-sugar',
    role: 'cause',
    heading: both('Blood sugar', 'Azúcar en la sangre'),
    blocks: [para('sugar.high', 'Your blood sugar was high. High sugar can harm nerves and cause cramps. Keeping it under control helps.', 'Su azúcar en la sangre salió alta. El azúcar alta puede dañar los nervios y causar calambres. Mantenerla bajo control ayuda.')],
    brief: [bullet('sugar.brief', 'High sugar can harm nerves and cause cramps. Keeping it under control helps.', 'El azúcar alta puede dañar los nervios y dar calambres. Controlarla ayuda.')],
  },
  {
    id: 'low-blood-sugar',
    role: 'cause',
    heading: both('Low blood sugar at night', 'Azúcar baja de noche'),
    blocks: [
      para('low-sugar.found', 'A blood test found your sugar was low. Your doctor will look for the reason.', 'Un análisis mostró el azúcar baja. Su médico buscará la causa.'),
      // The red flag on screen: insulin or a sulfonylurea with a low glucose.
      bullet('low-sugar.medicine', 'Your diabetes medicine can make your sugar drop too low at night. Your diabetes team will look at your dose.', 'Su medicina para la diabetes le puede bajar mucho el azúcar de noche. Su equipo de diabetes va a revisar la dosis.', {
        when: { finding: 'redflag-nocturnal-hypoglycemia' },
      }),
      bullet('low-sugar.sign', 'Cramps at night with sweat or confusion may mean your sugar is low. Tell your doctor when this happens.', 'Los calambres de noche con sudor o confusión pueden ser azúcar baja. Avise a su médico cuando le pase.'),
    ],
    brief: [bullet('low-sugar.brief', 'Cramps at night with sweat or confusion may mean low sugar. Tell your doctor.', 'Los calambres de noche con sudor o confusión pueden ser azúcar baja. Avise a su médico.')],
  },
  {
    id: 'thyroid',
    role: 'cause',
    heading: both('Thyroid', 'Tiroides'),
    blocks: [
      para('thyroid.link', 'A thyroid gland that is too slow or too fast can cause cramps. Treating it often helps.', 'Una tiroides que trabaja muy lento o muy rápido puede causar calambres. Tratarla muchas veces ayuda.', {
        when: { not: thyroidDose },
      }),
      // On thyroid hormone, an abnormal TSH speaks about the dose (rule catalogue, second round).
      para('thyroid.dose', 'Your blood test shows your thyroid pill dose may need a change. Do not change it on your own. Your doctor will tell you what to do.', 'Su análisis muestra que tal vez haya que cambiar la dosis de su pastilla para la tiroides. No la cambie por su cuenta. Su médico le dirá qué hacer.', {
        when: thyroidDose,
      }),
    ],
    brief: [
      bullet('thyroid.brief', 'A thyroid that is too slow or too fast can cause cramps. Treating it often helps.', 'Una tiroides muy lenta o muy rápida puede dar calambres. Tratarla muchas veces ayuda.', { when: { not: thyroidDose } }),
      bullet('thyroid.brief-dose', 'Your pill dose may need a change. Do not change it yourself.', 'Quizá haya que cambiar la dosis de su pastilla. No la cambie usted.', { when: thyroidDose }),
    ],
  },
  {
    id: 'parathyroid',
    role: 'cause',
    heading: both('The hormone that controls calcium', 'La hormona que controla el calcio'),
    blocks: [para('parathyroid.look', 'This hormone needs a closer look. Your doctor may send you to a hormone doctor.', 'Hay que revisar mejor esta hormona. Su médico puede enviarle con un médico de las hormonas.')],
    brief: [bullet('parathyroid.brief', 'It needs a closer look. You may see a hormone doctor.', 'Hay que revisarla mejor. Tal vez le envíen con un médico de las hormonas.')],
  },
  {
    // A high PTH in kidney disease is secondary hyperparathyroidism of the kidneys: the kidney
    // team treats it, not a hormone doctor (rule catalogue, second round).
    id: 'parathyroid-kidney',
    role: 'cause',
    heading: both('The hormone that controls calcium', 'La hormona que controla el calcio'),
    blocks: [para('parathyroid-kidney.team', 'Your kidneys can make this hormone go up. Your kidney team will check it and may change your care.', 'Sus riñones pueden hacer que esta hormona suba. Su equipo de riñón la revisará y puede cambiar su tratamiento.')],
    brief: [bullet('parathyroid-kidney.brief', 'Your kidneys can make it go up. Your kidney team will check it.', 'Sus riñones pueden hacer que suba. Su equipo de riñón la revisará.')],
  },
  {
    id: 'vitamin-d',
    role: 'cause',
    heading: both('Low vitamin D', 'Vitamina D baja'),
    blocks: [
      para('vitamin-d.found', 'Your vitamin D is low. It may not be the cause of your cramps.', 'Su vitamina D está baja. Puede que no sea la causa de sus calambres.'),
      bullet('vitamin-d.treat', 'Treating it is good for your bones.', 'Tratarla es bueno para sus huesos.', { advice: ['supplement'] }),
    ],
    brief: [bullet('vitamin-d.brief', 'It may not be the cause of your cramps.', 'Puede que no sea la causa de sus calambres.')],
  },
  {
    id: 'kidney',
    role: 'cause',
    heading: both('Your kidneys', 'Sus riñones'),
    blocks: [
      // Most low eGFRs are followed in primary care (nephrology from G4): "your doctor", not "your kidney team".
      para('kidney.link', 'Your kidneys do not work as well as they should. This can add to cramps. Your doctor will keep a check on your kidneys and your medicines.', 'Sus riñones no funcionan tan bien como deberían. Esto puede contribuir a los calambres. Su médico vigilará sus riñones y sus medicinas.'),
      bullet('kidney.supplements', 'Ask your doctor before you take any pill or product from a store. This means vitamins, too.', 'Antes de tomar una pastilla o algo de la tienda, pregunte a su médico. Eso vale para las vitaminas.', { cautions: ['supplement'] }),
    ],
    brief: [bullet('kidney.brief', 'Ask your doctor before you take any pill from a store.', 'Pregunte a su médico antes de tomar pastillas de la tienda.', { cautions: ['supplement'] })],
  },
  {
    id: 'muscle-enzyme',
    role: 'cause',
    heading: both('Muscle blood test', 'Prueba de sangre del músculo'),
    blocks: [para('ck.raised', 'A blood test showed a raised muscle enzyme. Your doctor will check for muscle damage from medicines or other causes.', 'Un análisis de sangre mostró alta una enzima del músculo. Su médico buscará si hay daño en el músculo por medicinas u otras causas.')],
    brief: [bullet('ck.brief', 'A muscle enzyme was raised. Your doctor will look for the cause.', 'Una enzima del músculo salió alta. Su médico buscará la causa.')],
  },
];
