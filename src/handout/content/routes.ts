/**
 * Safety sections that cannot be left out once they apply: pregnancy (knowledge base C1, 10.4:
 * quinine and tonic water excluded, no supplement unless the obstetric team agrees, DVT), children
 * (D12, E10: the pediatrician for every under-18) and quinine (A22, D8, E7: not recommended,
 * bleeding and kidney harm, urgent signs).
 */
import { both, bullet, para, type SectionSpec } from './spec.js';

export const PREGNANCY: SectionSpec = {
  id: 'pregnancy',
  role: 'route',
  required: true,
  heading: both('Cramps in pregnancy', 'Calambres en el embarazo'),
  blocks: [
    para('pregnancy.common', 'Leg cramps are very common in pregnancy, mostly in the last three months. They most often stop after the baby is born.', 'Los calambres en las piernas son muy comunes en el embarazo, sobre todo en los últimos tres meses. Casi siempre se quitan después del parto.'),
    bullet('pregnancy.stretch', 'Some women feel better if they stretch and move their legs gently.', 'A algunas mujeres les ayuda estirar las piernas y moverse con calma.'),
    bullet('pregnancy.quinine', 'Never take quinine or drink tonic water while you are pregnant. Quinine can harm your baby.', 'Nunca tome quinina ni agua tónica durante el embarazo. La quinina puede dañar a su bebé.', {
      cautions: ['quinine'],
    }),
    bullet('pregnancy.supplements', 'Do not take any pill or product for cramps unless your midwife or doctor says it is OK. This means ones from a store, too.', 'No tome ninguna pastilla ni producto para los calambres sin el visto bueno de su partera o su médico. Esto incluye los de la tienda.', {
      cautions: ['supplement'],
    }),
    bullet('pregnancy.calf', 'A calf that is swollen, warm or sore and does not go away needs care the same day.', 'Si la pantorrilla está hinchada, caliente o le duele y no se le quita, busque atención ese mismo día.'),
    bullet('pregnancy.team', 'Tell your midwife or doctor about your cramps.', 'Hable de sus calambres con su partera o con su obstetra.'),
  ],
  brief: [
    bullet('pregnancy.brief', 'Cramps are common in pregnancy. Never take quinine or tonic water. Take no pill for cramps unless your midwife or doctor says it is OK.', 'Los calambres son comunes en el embarazo. Nunca tome quinina ni agua tónica. No tome pastillas para los calambres sin el visto bueno de su partera o su médico.', {
      cautions: ['quinine', 'supplement'],
    }),
  ],
};

export const CHILDREN: SectionSpec = {
  id: 'children',
  role: 'route',
  required: true,
  heading: both('For children and teens', 'Para niños y adolescentes'),
  blocks: [
    para('children.common', 'Leg cramps at night are fairly common in teens. In a young child, leg pain at night is often something else.', 'Los calambres de noche son bastante comunes en los adolescentes. En un niño pequeño, el dolor de piernas de noche suele ser otra cosa.'),
    bullet('children.doctor', 'Your child’s doctor should check the cramps. This is often a pediatrician.', 'El médico de su hijo o hija (el pediatra) debe revisar los calambres.'),
    bullet('children.soon', 'See the doctor soon if the cramps come often. Go soon, too, if your child is weak, falls a lot, or can no longer do things they used to do.', 'Vaya pronto al médico si los calambres son frecuentes. Vaya pronto también si su hijo o hija está débil, se cae mucho o ya no puede hacer cosas que antes hacía.'),
    bullet('children.medicine', 'Ask the doctor before you give your child any pill for cramps or pain.', 'Pregunte al médico antes de darle a su hijo o hija cualquier pastilla para los calambres o el dolor.'),
  ],
  brief: [
    bullet('children.brief', 'Your child’s doctor should check the cramps. Ask before you give any pill for cramps or pain.', 'El pediatra debe revisar los calambres. Pregunte antes de darle cualquier pastilla para los calambres o el dolor.'),
  ],
};

export const QUININE_WARNING: SectionSpec = {
  id: 'quinine-warning',
  role: 'cause',
  required: true,
  heading: both('About quinine', 'Sobre la quinina'),
  blocks: [
    para('quinine.not-recommended', 'Quinine is not recommended for leg cramps. It can cause dangerous bleeding, and it can harm your kidneys.', 'La quinina no se recomienda para los calambres. Puede causar sangrados peligrosos y dañar los riñones.', {
      cautions: ['quinine'],
    }),
    // The screen says "Stop quinine now" when quinine has lowered the platelets or caused bleeding.
    bullet('quinine.stop-now', 'Stop taking quinine now. Get a blood test today.', 'Deje de tomar la quinina ahora mismo. Hágase un análisis de sangre hoy mismo.', {
      cautions: ['quinine'],
      when: { finding: 'redflag-quinine-toxicity' },
    }),
    // Otherwise the screen's "plan to stop": the patient agrees it with the doctor.
    bullet('quinine.stop', 'Talk to your doctor about stopping it.', 'Hable con su médico para dejarla.', {
      when: { not: { finding: 'redflag-quinine-toxicity' } },
    }),
    bullet('quinine.tonic', 'Tonic water has quinine in it, so do not drink it for cramps.', 'El agua tónica tiene quinina, así que no la tome para los calambres.', {
      cautions: ['quinine'],
    }),
    bullet('quinine.urgent', 'Get help right away if you bruise or bleed easily. Also get help if your urine is dark, or you pass much less of it.', 'Busque ayuda de inmediato si le salen moretones o sangra sin razón. Busque ayuda también si su orina es oscura o si orina mucho menos.', {
      cautions: ['quinine'],
    }),
  ],
  brief: [
    bullet('quinine.brief-stop-now', 'Quinine may be harming your blood. Stop taking it now, and get a blood test today.', 'La quinina puede estar dañando su sangre. Déjela ahora mismo y hágase un análisis de sangre hoy.', {
      cautions: ['quinine'],
      when: { finding: 'redflag-quinine-toxicity' },
    }),
    bullet('quinine.brief', 'Quinine is not safe for cramps. Talk to your doctor about stopping it. Do not drink tonic water for cramps.', 'La quinina no es segura para los calambres. Hable con su médico para dejarla. No tome agua tónica para los calambres.', {
      cautions: ['quinine'],
      when: { not: { finding: 'redflag-quinine-toxicity' } },
    }),
  ],
};
