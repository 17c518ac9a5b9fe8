/**
 * One section per medicine cause (knowledge base Table A, "Patient handout says"), in the
 * project's own words. Each class keeps its own message: a thiazide is "linked to night cramps in
 * large studies", a loop diuretic "only weakly linked" (Garrison 2012 measured them apart, S3).
 *
 * The heading names the patient's own drugs ("Your water pill (furosemide)"): only ingredients the
 * findings' evidence names, only from the engine's lists (src/handout/finding-facts.ts), never a
 * drug the patient does not take. Without a name the heading stays general ("Your water pill").
 *
 * None of these says to stop a medicine on one's own: the general "Your medicines" section and
 * each section here say not to. The one exception is the screen's own: a statin with a red-flag
 * muscle result is for the doctor to stop today, and the section says to ask today.
 */
import { both, bullet, para, type DrugHeading, type SectionSpec } from './spec.js';

const dontStop = (id: string) =>
  bullet(`${id}.dont-stop`, 'Do not stop it on your own. Ask your doctor if it is still the best choice for you.', 'No la deje por su cuenta. Pregunte a su médico si sigue siendo la mejor opción para usted.');

const waterPill = (classes: readonly string[]): DrugHeading => ({
  classes,
  one: both('Your water pill', 'Su pastilla para orinar'),
  many: both('Your water pills', 'Sus pastillas para orinar'),
});

const yourMedicine = (classes: readonly string[]): DrugHeading => ({ classes, one: both('Your medicine', 'Su medicina'), many: both('Your medicines', 'Sus medicinas') });

const rhabdo = { finding: 'redflag-rhabdomyolysis' } as const;

export const MEDICINE_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'drug-potassium-sparing-diuretic',
    role: 'cause',
    heading: both('Your water pill', 'Su pastilla para orinar'),
    drugHeading: waterPill(['potassium-sparing-diuretic', 'thiazide-diuretic']),
    blocks: [
      para('k-sparing.link', 'This water pill is linked to night cramps in large studies.', 'En estudios grandes, esta pastilla para orinar se asocia con los calambres de noche.', {
        textMany: both('These water pills are linked to night cramps in large studies.', 'En estudios grandes, estas pastillas para orinar se asocian con los calambres de noche.'),
      }),
      dontStop('k-sparing'),
      bullet('k-sparing.potassium', 'With this medicine, do not take potassium pills or use "lite" salt. Only do so if your doctor says it is OK.', 'Con esta medicina, no tome pastillas de potasio ni use sal "light", a menos que su médico se lo indique.', {
        cautions: ['supplement', 'salt-substitute', 'salt'],
      }),
    ],
    brief: [
      bullet('k-sparing.brief', 'Linked to night cramps. No potassium pills or "lite" salt unless your doctor says so.', 'Se asocia con calambres. No tome potasio ni sal "light" sin que su médico lo diga.', {
        cautions: ['supplement', 'salt-substitute', 'salt'],
      }),
    ],
  },
  {
    id: 'drug-thiazide-diuretic',
    role: 'cause',
    heading: both('Your water pill', 'Su pastilla para orinar'),
    drugHeading: waterPill(['thiazide-diuretic']),
    blocks: [
      para('thiazide.link', 'This water pill is linked to night cramps in large studies.', 'En estudios grandes, esta pastilla para orinar se asocia con los calambres de noche.', {
        textMany: both('These water pills are linked to night cramps in large studies.', 'En estudios grandes, estas pastillas para orinar se asocian con los calambres de noche.'),
      }),
      dontStop('thiazide'),
      bullet('thiazide.potassium', 'Do not take potassium pills unless your doctor says so.', 'No tome pastillas de potasio a menos que su médico se lo indique.', { cautions: ['supplement'] }),
    ],
    brief: [bullet('thiazide.brief', 'Linked to night cramps. Ask your doctor if it is still right for you.', 'Se asocia con los calambres de noche. Pregunte a su médico si aún le conviene.')],
  },
  {
    id: 'drug-loop-diuretic',
    role: 'cause',
    heading: both('Your water pill', 'Su pastilla para orinar'),
    drugHeading: waterPill(['loop-diuretic']),
    blocks: [
      para('loop.link', 'This water pill is only weakly linked to cramps. Tell your doctor if the cramps started soon after you began it.', 'Esta pastilla tiene poca relación con los calambres. Avise a su médico si le empezaron poco después de tomarla.', {
        textMany: both('These water pills are only weakly linked to cramps. Tell your doctor if the cramps started soon after you began one.', 'Estas pastillas tienen poca relación con los calambres. Avise a su médico si le empezaron poco después de tomar una.'),
      }),
      bullet('loop.dose', 'Do not change the dose on your own.', 'No cambie la dosis por su cuenta.'),
    ],
    brief: [bullet('loop.brief', 'Only weakly linked to cramps.', 'Tiene poca relación con los calambres.')],
  },
  {
    id: 'drug-acetazolamide',
    role: 'cause',
    heading: both('Acetazolamide or a similar medicine', 'Acetazolamida u otra parecida'),
    drugHeading: yourMedicine(['carbonic-anhydrase-inhibitor']),
    blocks: [para('acetazolamide.tell', 'This medicine may cause cramps. Tell your doctor if your cramps began after you started it.', 'Esta medicina puede dar calambres. Avise a su médico si le empezaron después de tomarla.')],
    brief: [bullet('acetazolamide.brief', 'It may cause cramps. Tell your doctor if they began after you started it.', 'Puede dar calambres. Avise a su médico si empezaron después de tomarla.')],
  },
  {
    id: 'drug-long-acting-inhaler',
    role: 'cause',
    heading: both('Your long-acting inhaler', 'Su inhalador de acción larga'),
    drugHeading: { classes: ['long-acting-beta-agonist'], one: both('Your long-acting inhaler', 'Su inhalador de acción larga'), many: both('Your long-acting inhalers', 'Sus inhaladores de acción larga') },
    blocks: [
      para('laba.link', 'Some inhalers that work all day are linked to night cramps.', 'Hay inhaladores que duran todo el día y que tienen relación con los calambres de noche.'),
      bullet('laba.keep', 'Keep using your inhaler the way your doctor told you. Do not stop it all at once.', 'Siga usando su inhalador como le dijo su médico. No lo deje de golpe.'),
      bullet('laba.ask', 'Ask your doctor if a different one would suit you better.', 'Pregunte a su médico si otro le iría mejor.'),
    ],
    brief: [bullet('laba.brief', 'It may add to night cramps. Keep using it. Ask if another one would suit you.', 'Puede contribuir a los calambres. Siga usándolo. Pregunte si otro le iría mejor.')],
  },
  {
    id: 'drug-reliever-inhaler',
    role: 'cause',
    heading: both('Your quick-relief inhaler', 'Su inhalador de rescate'),
    drugHeading: { classes: ['short-acting-beta-agonist'], one: both('Your quick-relief inhaler', 'Su inhalador de rescate'), many: both('Your quick-relief inhalers', 'Sus inhaladores de rescate') },
    blocks: [para('saba.tell', 'Using your quick-relief inhaler a lot can add to cramps. Tell your doctor how often you use it.', 'Usar mucho el inhalador de rescate puede contribuir a los calambres. Dígale a su médico cada cuánto lo usa.')],
    brief: [bullet('saba.brief', 'Using it a lot can add to cramps. Tell your doctor how often you use it.', 'Usarlo mucho puede contribuir a los calambres. Diga a su médico cada cuánto lo usa.')],
  },
  {
    id: 'drug-statin',
    role: 'cause',
    heading: both('Your statin (cholesterol pill)', 'Su estatina (pastilla para el colesterol)'),
    drugHeading: { classes: ['statin'], one: both('Your cholesterol pill', 'Su pastilla para el colesterol'), many: both('Your cholesterol pills', 'Sus pastillas para el colesterol') },
    blocks: [
      para('statin.link', 'Statins are only weakly linked to night cramps.', 'Las estatinas tienen poca relación con los calambres de noche.', { when: { not: rhabdo } }),
      bullet('statin.tell', 'Tell your doctor if your muscles hurt or feel weak during the day, or if your urine is dark.', 'Avise a su médico si le duelen los músculos o los siente débiles de día, o si su orina es oscura.', { when: { not: rhabdo } }),
      // The screen's red flag: the prescriber stops or reviews the statin now.
      para('statin.muscle-harm', 'Your muscle blood test was high. This pill may be harming your muscles. Ask your doctor today if you should stop it.', 'Su análisis del músculo salió alto. Esta pastilla puede estar dañando sus músculos. Pregunte hoy a su médico si debe dejarla.', {
        when: rhabdo,
      }),
    ],
    brief: [
      bullet('statin.brief', 'Only weakly linked to cramps. Tell your doctor about muscle pain or dark urine.', 'Poca relación con los calambres. Avise si le duelen los músculos o si la orina es oscura.', { when: { not: rhabdo } }),
      bullet('statin.brief-muscle-harm', 'It may be harming your muscles. Ask your doctor today if you should stop it.', 'Puede estar dañando sus músculos. Pregunte hoy a su médico si debe dejarla.', { when: rhabdo }),
    ],
  },
  {
    id: 'drug-iv-iron',
    role: 'cause',
    heading: both('Iron given into a vein', 'Hierro por la vena'),
    blocks: [para('iron.tell', 'Leg cramps can happen after iron is given into a vein. Tell the team that gives it to you.', 'Pueden dar calambres después de recibir hierro por la vena. Avise al equipo que se lo pone.')],
    brief: [bullet('iron.brief', 'Cramps can happen after it. Tell the team that gives it to you.', 'Puede dar calambres. Avise al equipo que se lo pone.')],
  },
  {
    id: 'drug-hormones',
    role: 'cause',
    heading: both('Hormone medicines', 'Medicinas con hormonas'),
    drugHeading: { classes: ['estrogen', 'raloxifene'], one: both('Your hormone medicine', 'Su medicina con hormonas'), many: both('Your hormone medicines', 'Sus medicinas con hormonas') },
    blocks: [
      para('hormones.link', 'Medicines with hormones can play a part in cramps.', 'Las medicinas con hormonas pueden influir en los calambres.'),
      bullet('hormones.calf', 'A calf that is swollen, warm or sore and does not go away needs care the same day.', 'Si la pantorrilla está hinchada, caliente o le duele y no se le quita, busque atención ese mismo día.'),
    ],
    brief: [bullet('hormones.brief', 'It can play a part in cramps. A swollen, warm or sore calf needs care the same day.', 'Puede influir en los calambres. Si la pantorrilla se hincha, se pone caliente o le duele, busque atención ese mismo día.')],
  },
  {
    id: 'drug-teriparatide',
    role: 'cause',
    heading: both('Your bone-building shot', 'Su inyección para los huesos'),
    drugHeading: { classes: ['teriparatide'], one: both('Your bone-building shot', 'Su inyección para los huesos'), many: both('Your bone-building shots', 'Sus inyecciones para los huesos') },
    blocks: [para('teriparatide.tell', 'This shot can cause leg cramps. Tell your doctor if they bother you.', 'Esta inyección puede causar calambres. Avise a su médico si le molestan.')],
    brief: [bullet('teriparatide.brief', 'It can cause leg cramps. Tell your doctor if they bother you.', 'Puede causar calambres. Avise a su médico si le molestan.')],
  },
  {
    id: 'drug-naproxen',
    role: 'cause',
    heading: both('Naproxen (a pain pill)', 'Naproxeno (pastilla para el dolor)'),
    blocks: [para('naproxen.tell', 'Tell your doctor if you take naproxen often and have cramps.', 'Si toma naproxeno muchas veces y le dan calambres, avise a su médico.')],
    brief: [bullet('naproxen.brief', 'Tell your doctor if you take it often.', 'Avise a su médico si lo toma seguido.')],
  },
  {
    id: 'drug-nifedipine',
    role: 'cause',
    heading: both('Your blood pressure pill', 'Su pastilla para la presión'),
    drugHeading: { classes: ['dihydropyridine-ccb'], one: both('Your blood pressure pill', 'Su pastilla para la presión'), many: both('Your blood pressure pills', 'Sus pastillas para la presión') },
    blocks: [
      para('nifedipine.link', 'Blood pressure pills of this type can cause leg cramps in some people. Ask if another one would work for you.', 'Las pastillas para la presión de este tipo pueden dar calambres a algunas personas. Pregunte si otra le serviría.'),
      bullet('nifedipine.dont-stop', 'Do not stop it on your own.', 'No la deje por su cuenta.'),
    ],
    brief: [bullet('nifedipine.brief', 'It can cause leg cramps. Ask if another one would work.', 'Puede dar calambres. Pregunte si otra le serviría.')],
  },
  {
    id: 'drug-cholinesterase-inhibitor',
    role: 'cause',
    heading: both('One of your medicines', 'Una de sus medicinas'),
    drugHeading: yourMedicine(['cholinesterase-inhibitor']),
    blocks: [para('cholinesterase.tell', 'This medicine can cause muscle twitching or cramps. Tell your doctor.', 'Esta medicina puede causar temblores en los músculos o calambres. Avise a su médico.')],
    brief: [bullet('cholinesterase.brief', 'It can cause twitching or cramps. Tell your doctor.', 'Puede dar temblores o calambres. Avise a su médico.')],
  },
  {
    id: 'drug-aminocaproic-acid',
    role: 'cause',
    heading: both('Aminocaproic acid', 'Ácido aminocaproico'),
    blocks: [para('aminocaproic.tell', 'Tell your doctor right away if your muscles feel weak or your urine turns dark.', 'Avise a su médico de inmediato si siente débiles los músculos o si su orina se pone oscura.')],
    brief: [bullet('aminocaproic.brief', 'Tell your doctor at once if your muscles feel weak or your urine is dark.', 'Avise ya a su médico si siente los músculos débiles o si su orina se pone oscura.')],
  },
  {
    id: 'drug-chemotherapy',
    role: 'cause',
    heading: both('Cancer medicines', 'Medicinas contra el cáncer'),
    drugHeading: { classes: ['neurotoxic-chemotherapy'], one: both('Your cancer medicine', 'Su medicina contra el cáncer'), many: both('Your cancer medicines', 'Sus medicinas contra el cáncer') },
    blocks: [para('chemo.tell', 'Some cancer medicines affect the nerves and can cause cramps. Tell your cancer team. They may be able to help.', 'Algunas medicinas contra el cáncer afectan los nervios y pueden causar calambres. Avise a su equipo de cáncer. Tal vez le puedan ayudar.')],
    brief: [bullet('chemo.brief', 'It can affect the nerves and cause cramps. Tell your cancer team.', 'Puede afectar los nervios y dar calambres. Avise a su equipo de cáncer.')],
  },
  {
    id: 'drug-review',
    role: 'cause',
    heading: both('A medicine to look at', 'Una medicina para revisar'),
    drugHeading: {
      classes: ['penicillamine', 'isa-beta-blocker', 'cimetidine', 'lithium', 'systemic-corticosteroid'],
      one: both('A medicine to look at', 'Una medicina para revisar'),
      many: both('Medicines to look at', 'Medicinas para revisar'),
    },
    blocks: [
      para('review.link', 'This medicine may add to your cramps.', 'Esta medicina le puede dar más calambres.', {
        textMany: both('These medicines may add to your cramps.', 'Estas medicinas le pueden dar más calambres.'),
      }),
      bullet('review.ask', 'Do not stop it on your own. Ask your doctor to go over it with you.', 'No la deje por su cuenta. Pídale a su médico que la revise con usted.', {
        textMany: both('Do not stop them on your own. Ask your doctor to go over them with you.', 'No las deje por su cuenta. Pídale a su médico que las revise con usted.'),
      }),
    ],
    brief: [
      bullet('review.brief', 'It may add to your cramps. Ask your doctor to go over it.', 'Le puede dar más calambres. Pida a su médico que la revise.', {
        textMany: both('They may add to your cramps. Ask your doctor to go over them.', 'Le pueden dar más calambres. Pida a su médico que las revise.'),
      }),
    ],
  },
];
