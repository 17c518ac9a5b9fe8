/**
 * One section per medicine cause (knowledge base Table A, "Patient handout says"), in the
 * project's own words. Drug names sit in the headings where they are long, so the body stays
 * short and plain. None of these says to stop a medicine: the general "Your medicines" section
 * and each section here say not to stop it alone.
 */
import { both, bullet, para, type SectionSpec } from './spec.js';

const dontStop = (id: string) =>
  bullet(`${id}.dont-stop`, 'Do not stop it on your own. Ask your doctor if it is still the best choice for you.', 'No la deje por su cuenta. Pregunte a su médico si sigue siendo la mejor opción para usted.');

export const MEDICINE_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'drug-potassium-sparing-diuretic',
    role: 'cause',
    heading: both('Your water pill (spironolactone type)', 'Su pastilla para orinar (tipo espironolactona)'),
    blocks: [
      para('k-sparing.link', 'One of your water pills is linked to night cramps in large studies.', 'Una de sus pastillas para orinar se asocia con calambres de noche en estudios grandes.'),
      dontStop('k-sparing'),
      bullet('k-sparing.potassium', 'With this medicine, do not take potassium pills or use "lite" salt. Only do so if your doctor says it is OK.', 'Con esta medicina, no tome pastillas de potasio ni use sal "light", a menos que su médico se lo indique.', {
        cautions: ['supplement', 'salt-substitute', 'salt'],
      }),
    ],
  },
  {
    id: 'drug-thiazide-diuretic',
    role: 'cause',
    heading: both('Your water pill (hydrochlorothiazide type)', 'Su pastilla para orinar (tipo hidroclorotiazida)'),
    blocks: [
      para('thiazide.link', 'Your water pill is linked to night cramps in large studies.', 'Su pastilla para orinar se asocia con calambres de noche en estudios grandes.'),
      dontStop('thiazide'),
      bullet('thiazide.potassium', 'Do not take potassium pills unless your doctor says so.', 'No tome pastillas de potasio a menos que su médico se lo indique.', { cautions: ['supplement'] }),
    ],
  },
  {
    id: 'drug-loop-diuretic',
    role: 'cause',
    heading: both('Your water pill (furosemide type)', 'Su pastilla para orinar (tipo furosemida)'),
    blocks: [
      para('loop.link', 'This water pill is only weakly linked to cramps. Tell your doctor if the cramps started soon after you began it.', 'Esta pastilla tiene poca relación con los calambres. Avise a su médico si le empezaron poco después de tomarla.'),
      bullet('loop.dose', 'Do not change the dose on your own.', 'No cambie la dosis por su cuenta.'),
    ],
  },
  {
    id: 'drug-acetazolamide',
    role: 'cause',
    heading: both('Acetazolamide (Diamox)', 'Acetazolamida (Diamox)'),
    blocks: [para('acetazolamide.tell', 'This medicine may cause cramps. Tell your doctor if your cramps began after you started it.', 'Esta medicina puede dar calambres. Avise a su médico si le empezaron después de tomarla.')],
  },
  {
    id: 'drug-long-acting-inhaler',
    role: 'cause',
    heading: both('Your long-acting inhaler', 'Su inhalador de acción larga'),
    blocks: [
      para('laba.link', 'Some inhalers that work all day are linked to night cramps.', 'Hay inhaladores que duran todo el día y que tienen relación con los calambres de noche.'),
      bullet('laba.keep', 'Keep using your inhaler the way your doctor told you. Do not stop it all at once.', 'Siga usando su inhalador como le dijo su médico. No lo deje de golpe.'),
      bullet('laba.ask', 'Ask your doctor if a different one would suit you better.', 'Pregunte a su médico si otro le iría mejor.'),
    ],
  },
  {
    id: 'drug-reliever-inhaler',
    role: 'cause',
    heading: both('Your quick-relief inhaler', 'Su inhalador de rescate'),
    blocks: [para('saba.tell', 'Using your quick-relief inhaler a lot can add to cramps. Tell your doctor how often you use it.', 'Usar mucho el inhalador de rescate puede contribuir a los calambres. Dígale a su médico cada cuánto lo usa.')],
  },
  {
    id: 'drug-statin',
    role: 'cause',
    heading: both('Your statin (cholesterol pill)', 'Su estatina (pastilla para el colesterol)'),
    blocks: [
      para('statin.link', 'Statins are only weakly linked to night cramps.', 'Las estatinas tienen poca relación con los calambres de noche.'),
      bullet('statin.tell', 'Tell your doctor if your muscles hurt or feel weak during the day, or if your urine is dark.', 'Avise a su médico si le duelen los músculos o los siente débiles de día, o si su orina es oscura.'),
    ],
  },
  {
    id: 'drug-iv-iron',
    role: 'cause',
    heading: both('Iron given into a vein', 'Hierro por la vena'),
    blocks: [para('iron.tell', 'Leg cramps can happen after iron is given into a vein. Tell the team that gives it to you.', 'Pueden dar calambres después de recibir hierro por la vena. Avise al equipo que se lo pone.')],
  },
  {
    id: 'drug-hormones',
    role: 'cause',
    heading: both('Hormone medicines', 'Medicinas con hormonas'),
    blocks: [
      para('hormones.link', 'Pills with hormones, like birth control pills, can play a part in cramps.', 'Las pastillas con hormonas, como la pastilla para no tener bebés, pueden influir en los calambres.'),
      bullet('hormones.calf', 'A calf that is swollen, warm or sore and does not go away needs care the same day.', 'Si la pantorrilla está hinchada, caliente o le duele y no se le quita, busque atención ese mismo día.'),
    ],
  },
  {
    id: 'drug-teriparatide',
    role: 'cause',
    heading: both('Your bone-building shot (teriparatide)', 'Su inyección para los huesos (teriparatida)'),
    blocks: [para('teriparatide.tell', 'This shot can cause leg cramps. Tell your doctor if they bother you.', 'Esta inyección puede causar calambres. Avise a su médico si le molestan.')],
  },
  {
    id: 'drug-naproxen',
    role: 'cause',
    heading: both('Naproxen (a pain pill)', 'Naproxeno (pastilla para el dolor)'),
    blocks: [para('naproxen.tell', 'Tell your doctor if you take naproxen often and have cramps.', 'Si toma naproxeno muchas veces y le dan calambres, avise a su médico.')],
  },
  {
    id: 'drug-nifedipine',
    role: 'cause',
    heading: both('Your blood pressure pill (nifedipine, amlodipine)', 'Su pastilla para la presión (nifedipino, amlodipino)'),
    blocks: [
      para('nifedipine.link', 'Blood pressure pills of this type can cause leg cramps in some people. Ask if another one would work for you.', 'Las pastillas para la presión de este tipo pueden dar calambres a algunas personas. Pregunte si otra le serviría.'),
      bullet('nifedipine.dont-stop', 'Do not stop it on your own.', 'No la deje por su cuenta.'),
    ],
  },
  {
    id: 'drug-cholinesterase-inhibitor',
    role: 'cause',
    heading: both('Your medicine (donepezil and similar)', 'Su medicina (donepezilo y parecidas)'),
    blocks: [para('cholinesterase.tell', 'This medicine can cause muscle twitching or cramps. Tell your doctor.', 'Esta medicina puede causar temblores en los músculos o calambres. Avise a su médico.')],
  },
  {
    id: 'drug-aminocaproic-acid',
    role: 'cause',
    heading: both('Aminocaproic acid', 'Ácido aminocaproico'),
    blocks: [para('aminocaproic.tell', 'Tell your doctor right away if your muscles feel weak or your urine turns dark.', 'Avise a su médico de inmediato si siente débiles los músculos o si su orina se pone oscura.')],
  },
  {
    id: 'drug-chemotherapy',
    role: 'cause',
    heading: both('Cancer medicines', 'Medicinas contra el cáncer'),
    blocks: [para('chemo.tell', 'Some cancer medicines affect the nerves and can cause cramps. Tell your cancer team. They may be able to help.', 'Algunas medicinas contra el cáncer afectan los nervios y pueden causar calambres. Avise a su equipo de cáncer. Tal vez le puedan ayudar.')],
  },
  {
    id: 'drug-review',
    role: 'cause',
    heading: both('A medicine to look at', 'Una medicina para revisar'),
    blocks: [
      para('review.link', 'One of your medicines may add to your cramps.', 'Una de sus medicinas puede contribuir a sus calambres.'),
      bullet('review.ask', 'Do not stop it on your own. Ask your doctor to go over it with you.', 'No la deje por su cuenta. Pídale a su médico que la revise con usted.'),
    ],
  },
];
