/**
 * The words for each red flag's patient action (src/handout/patient-actions.ts), English and Spanish
 * side by side. Each says what to do and when, at the tier the screen's urgency gives (the urgent
 * box prints the tier's label in front: "Now:", "Today:", "Soon:"), in plain words: "blood
 * test" for a CBC or a repeat electrolyte, "scan of your leg" for a compression ultrasound.
 *
 * `topic` names the same thing in a few words for the visit plan ("We talked about: ...").
 */
import type { Electrolyte } from '../finding-facts.js';
import type { Language, Localised } from '../language.js';
import type { ActionId, ActionTier, ClotRisk, PatientAction } from '../patient-actions.js';
import { drugList, drugName, wordList } from './drug-names.js';
import { both } from './spec.js';

/** The label printed before an action, by tier. */
export const TIER_LABELS: Readonly<Record<ActionTier, Localised>> = {
  now: both('Now', 'Ahora mismo'),
  today: both('Today', 'Hoy'),
  soon: both('Soon', 'Pronto'),
};

export const ELECTROLYTE_WORDS: Readonly<Record<Electrolyte, Localised>> = {
  potassium: both('potassium', 'potasio'),
  magnesium: both('magnesium', 'magnesio'),
  calcium: both('calcium', 'calcio'),
  sodium: both('sodium', 'sodio'),
};

/** Why a clot is more likely, as the first sentence of the clot-risk action. */
const CLOT_RISK_WORDS: Readonly<Record<ClotRisk, Localised>> = {
  hormone: both('Your hormone medicine', 'Su medicina con hormonas'),
  pregnancy: both('Being pregnant', 'El embarazo'),
  postpartum: both('Having had a baby in the last six weeks', 'Haber tenido un bebé en las últimas seis semanas'),
  cancer: both('Having cancer', 'Tener cáncer'),
  'earlier-clot': both('A blood clot you had before', 'Un coágulo que tuvo antes'),
};

interface Worded {
  readonly text: string;
  readonly topic: string;
}

type Wording = (a: PatientAction, lang: Language) => Worded;

const fixed =
  (text: Localised, topic: Localised): Wording =>
  (_a, lang) => ({ text: text[lang], topic: topic[lang] });

function electrolytes(a: PatientAction, lang: Language): string {
  const names = (a.electrolytes ?? []).map((e) => ELECTROLYTE_WORDS[e][lang]);
  return wordList(names, lang);
}

function clotRiskLead(a: PatientAction, lang: Language): string {
  const risks = a.risks ?? [];
  if (risks.length === 1) return lang === 'en' ? `${CLOT_RISK_WORDS[risks[0]!].en} raises the chance of a blood clot in your leg.` : `${CLOT_RISK_WORDS[risks[0]!].es} aumenta el riesgo de un coágulo en la pierna.`;
  return lang === 'en' ? 'Your health record shows things that raise the chance of a blood clot in your leg.' : 'Su historia clínica muestra cosas que aumentan el riesgo de un coágulo en la pierna.';
}

const WORDINGS: Readonly<Record<ActionId, Wording>> = {
  'quinine-low-platelets': fixed(
    both(
      'Stop taking quinine now. Your blood test shows it may be harming your blood. Get a new blood test today.',
      'Deje de tomar la quinina ahora mismo. Su análisis muestra que puede estar dañando su sangre. Hágase otro análisis de sangre hoy mismo.',
    ),
    both('stopping quinine', 'dejar la quinina'),
  ),
  'quinine-bleeding': fixed(
    both(
      'You bruise or bleed easily while you take quinine. Stop taking quinine now. Get a blood test today. Go to the hospital now if the bleeding will not stop.',
      'Le salen moretones o sangra mientras toma quinina. Deje de tomar la quinina ahora mismo. Hágase un análisis de sangre hoy mismo. Vaya al hospital ahora si el sangrado no para.',
    ),
    both('stopping quinine', 'dejar la quinina'),
  ),
  'electrolyte-danger': (a, lang) => {
    const what = electrolytes(a, lang);
    const many = (a.electrolytes ?? []).length > 1;
    if (lang === 'en') {
      const found = !what ? 'Your blood test showed a level that can be dangerous.' : many ? `Your blood test showed levels of ${what} that can be dangerous.` : `Your blood test showed a level of ${what} that can be dangerous.`;
      return { text: `${found} Get a new blood test today.`, topic: what ? `your ${what} ${many ? 'levels' : 'level'}` : 'your blood test' };
    }
    const found = !what ? 'El análisis de sangre dio un nivel que puede ser un peligro.' : many ? `El análisis de sangre dio niveles de ${what} que pueden ser un peligro.` : `El análisis de sangre dio un nivel de ${what} que puede ser un peligro.`;
    return { text: `${found} Hágase otro análisis hoy mismo.`, topic: what ? `${many ? 'sus niveles' : 'su nivel'} de ${what}` : 'su análisis de sangre' };
  },
  'calf-swelling': fixed(
    both(
      'Your calf is swollen, warm or sore. This could be a blood clot. You need a check today, with a scan of your leg.',
      'Su pantorrilla está hinchada, caliente o le duele. Puede ser un coágulo. Necesita una revisión hoy mismo, con una ecografía de la pierna.',
    ),
    both('your swollen calf', 'su pantorrilla hinchada'),
  ),
  'clot-risk': (a, lang) => ({
    text:
      lang === 'en'
        ? `${clotRiskLead(a, lang)} Have your doctor check both calves. A calf that is swollen, warm or sore needs care the same day.`
        : `${clotRiskLead(a, lang)} Pida a su médico que le revise las dos pantorrillas. Si una pantorrilla se hincha, se pone caliente o le duele, busque atención ese mismo día.`,
    topic: lang === 'en' ? 'the chance of a blood clot' : 'el riesgo de un coágulo',
  }),
  'muscle-breakdown': (a, lang) => muscleBreakdown(a, lang),
  'night-low-sugar': (a, lang) => {
    const drug = a.drugs?.length ? drugList(a.drugs, lang) : '';
    const many = (a.drugs?.length ?? 0) > 1;
    if (lang === 'en') {
      return {
        text: `${drug ? `Your ${drug} can make your sugar drop too low at night.` : 'Your diabetes medicine can make your sugar drop too low at night.'} Check your sugar if you wake with cramps, sweat or confusion. Your diabetes team will look at your dose.`,
        topic: 'low blood sugar at night',
      };
    }
    return {
      text: `${drug ? `${theDrugs(a.drugs!)} ${many ? 'le pueden' : 'le puede'} bajar mucho el azúcar de noche.` : 'Su medicina para la diabetes le puede bajar mucho el azúcar de noche.'} Mídase el azúcar si se despierta con calambres, sudor o confusión. Su equipo de diabetes va a revisar la dosis.`,
      topic: 'el azúcar baja de noche',
    };
  },
  'nerve-doctor': fixed(
    both(
      'You need to see a nerve doctor soon for tests. Your clinic will set this up. Tell your doctor if it is hard to talk or swallow.',
      'Necesita ver pronto a un médico de los nervios (neurólogo) para hacerse pruebas. Su clínica lo va a organizar. Avise a su médico si le cuesta hablar o tragar.',
    ),
    both('seeing a nerve doctor', 'ver al neurólogo'),
  ),
  'back-emergency': fixed(
    both(
      'Go to a hospital emergency room now. Numbness between your legs, or trouble with your bladder or bowels, needs care right away. You may need a scan of your back.',
      'Vaya ahora mismo a urgencias de un hospital. La zona entre las piernas dormida, o no poder controlar la orina o las heces, necesita atención de inmediato. Puede que le hagan una resonancia de la espalda.',
    ),
    both('your back', 'su espalda'),
  ),
  'seizure-check': fixed(
    both(
      'These attacks may be seizures, not cramps. You need a check by a doctor soon. Call your clinic today to set it up.',
      'Estos ataques pueden ser convulsiones y no calambres. Necesita que un médico lo revise pronto. Llame hoy a su clínica para pedir la cita.',
    ),
    both('the attacks that may be seizures', 'los ataques que pueden ser convulsiones'),
  ),
  'leg-blood-flow-now': fixed(
    both('Your leg may not be getting enough blood. Go to the hospital now.', 'Puede que a su pierna no le llegue suficiente sangre. Vaya al hospital ahora mismo.'),
    both('the blood flow in your leg', 'la circulación de su pierna'),
  ),
  'leg-blood-flow-referral': fixed(
    both(
      'Foot pain at rest may mean your leg is not getting enough blood. You need to see a blood vessel doctor quickly. Call your clinic today if this visit is not set up yet.',
      'El dolor del pie en reposo puede indicar que a la pierna no le llega suficiente sangre. Necesita ver pronto a un médico de las venas y arterias. Llame hoy a su clínica si esa cita no está hecha.',
    ),
    both('the blood flow in your leg', 'la circulación de su pierna'),
  ),
  'child-doctor': fixed(
    both('Your child’s doctor should check the cramps. This is often a pediatrician.', 'El médico de su hijo o hija (el pediatra) debe revisar los calambres.'),
    both('a visit to your child’s doctor', 'una cita con el pediatra'),
  ),
  'child-nerve-doctor': fixed(
    both(
      'Call your child’s doctor today. Your child needs a quick check by a children’s nerve doctor, and a blood test.',
      'Llame hoy mismo al médico de su hijo o hija. Necesita que lo revise pronto un neurólogo de niños y un análisis de sangre.',
    ),
    both('a check by a children’s nerve doctor', 'una revisión con un neurólogo de niños'),
  ),
  'red-flag': (a, lang) => {
    const text: Record<ActionTier, Localised> = {
      now: both('Your doctor found a sign that needs care right away. Go to the hospital now.', 'Su médico vio una señal que hay que atender ya. Vaya al hospital ahora mismo.'),
      today: both('Your doctor found a sign that needs care today. Call your clinic today.', 'Su médico encontró una señal que necesita atención hoy. Llame hoy mismo a su clínica.'),
      soon: both('Your doctor found a sign that needs a check soon. Call your clinic to set it up.', 'Su médico encontró una señal que hay que revisar pronto. Llame a su clínica para pedir una cita.'),
    };
    return { text: text[a.tier][lang], topic: lang === 'en' ? 'a warning sign' : 'una señal de alarma' };
  },
};

/** "La glipizida", "La insulina y la glipizida": Spanish names each with its article. */
function theDrugs(ingredients: readonly string[]): string {
  const list = wordList([...new Set(ingredients.map((i) => `la ${drugName(i, 'es')}`))], 'es');
  return `${list.charAt(0).toUpperCase()}${list.slice(1)}`;
}

function muscleBreakdown(a: PatientAction, lang: Language): Worded {
  const drug = a.drugs?.length ? drugList(a.drugs, lang) : '';
  const { ck, darkUrine } = a.muscle ?? { ck: true, darkUrine: false };
  if (lang === 'en') {
    const lead = [ck ? 'Your muscle blood test was high.' : '', darkUrine ? 'Dark urine with sore muscles can mean your muscles are breaking down.' : ''].filter(Boolean).join(' ');
    return {
      text: `${lead} This can harm your kidneys. Get new blood and urine tests today.${drug ? ` Ask your doctor today if you should stop your ${drug}.` : ''}`,
      topic: ck ? 'your muscle blood test' : 'your dark urine and sore muscles',
    };
  }
  const lead = [ck ? 'Su análisis de sangre del músculo salió alto.' : '', darkUrine ? 'La orina oscura con dolor de músculos puede indicar daño en los músculos.' : ''].filter(Boolean).join(' ');
  return {
    text: `${lead} Esto puede dañar los riñones. Hágase hoy mismo otros análisis de sangre y de orina.${drug ? ` Pregunte hoy a su médico si debe dejar ${theDrugs(a.drugs!).charAt(0).toLowerCase()}${theDrugs(a.drugs!).slice(1)}.` : ''}`,
    topic: ck ? 'su análisis del músculo' : 'su orina oscura y el dolor de músculos',
  };
}

/** The action in words, in this language. */
export function wordAction(a: PatientAction, lang: Language): Worded {
  return WORDINGS[a.action](a, lang);
}
