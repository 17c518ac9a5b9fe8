/**
 * One section per condition or situation (knowledge base Tables C and D, "Patient handout says"),
 * in the project's own words.
 */
import { both, bullet, para, type SectionSpec } from './spec.js';

export const CONDITION_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'cirrhosis',
    role: 'cause',
    heading: both('Your liver', 'Su hígado'),
    blocks: [
      para('cirrhosis.link', 'Cramps are common with scarring of the liver (cirrhosis). Your liver team has several ways to help. They may change your water pills.', 'Los calambres son comunes con la cirrosis del hígado. Su equipo del hígado tiene varias formas de ayudar. Tal vez le cambie las pastillas para orinar.'),
      bullet('cirrhosis.quinine', 'Do not take quinine for the cramps.', 'No tome quinina para los calambres.', { cautions: ['quinine'] }),
      bullet('cirrhosis.salt-fluid', 'Do not change how much salt or fluid you have unless your liver team says so.', 'No cambie cuánta sal o líquido toma, a menos que su equipo del hígado se lo indique.', {
        cautions: ['salt', 'drink-more'],
      }),
    ],
    brief: [bullet('cirrhosis.brief', 'Your liver team has ways to help. Do not take quinine. Keep salt and fluid as your liver team says.', 'Su equipo del hígado puede ayudar. No tome quinina. Tome la sal y los líquidos como le diga su equipo del hígado.', { cautions: ['quinine', 'salt', 'drink-more'] })],
  },
  {
    id: 'dialysis',
    role: 'cause',
    heading: both('Dialysis', 'Diálisis'),
    blocks: [
      para('dialysis.link', 'Many people get cramps during or after dialysis. Tell your team. Changes to your dialysis or your target weight often help.', 'Los calambres durante o después de la diálisis son comunes. Avise a su equipo de diálisis. Muchas veces ayuda un cambio en su peso meta o en la diálisis.'),
      bullet('dialysis.fluid', 'Keep to your fluid limit.', 'No tome más líquido del que le permiten.', { cautions: ['drink-more'] }),
      bullet('dialysis.supplements', 'Ask your kidney team before you take any pill or product from a store. This means vitamins, too.', 'Antes de tomar una pastilla o algo de la tienda, pregunte a su equipo de riñón. Eso vale también para las vitaminas.', {
        cautions: ['supplement'],
      }),
    ],
    brief: [bullet('dialysis.brief', 'Tell your dialysis team about the cramps. Keep to your fluid limit.', 'Avise a su equipo de diálisis de los calambres. No tome más líquido del que le permiten.', { cautions: ['drink-more'] })],
  },
  {
    id: 'circulation',
    role: 'cause',
    heading: both('Blood flow in your legs', 'La circulación en las piernas'),
    blocks: [
      para('circulation.walk', 'Calf pain that comes on when you walk and goes away when you rest may be a blood flow problem. Your doctor may send you to a blood vessel doctor.', 'Un dolor de pantorrilla que aparece al caminar y se quita al descansar puede ser un problema de circulación. Su médico puede enviarle con un médico de las venas y arterias.'),
      bullet('circulation.rest-pain', 'Foot pain at night that gets better when you hang your leg out of bed needs care today.', 'Si le duele el pie de noche y mejora al colgar la pierna fuera de la cama, busque atención hoy mismo.'),
    ],
    brief: [bullet('circulation.brief', 'Calf pain when you walk may be a blood flow problem. Foot pain at night that eases when you hang your leg down needs care today.', 'El dolor de pantorrilla al caminar puede ser un problema de circulación. El dolor del pie de noche que mejora al colgar la pierna necesita atención hoy.')],
  },
  {
    id: 'varicose-veins',
    role: 'cause',
    heading: both('Varicose veins', 'Várices'),
    blocks: [
      para('veins.link', 'Varicose veins may make cramps worse. It can help to raise your legs, and to wear the support socks your doctor suggests.', 'Las várices pueden empeorar los calambres. Subir las piernas y usar las medias de compresión que le indique su médico puede ayudar.'),
      bullet('veins.ask', 'Ask about a vein doctor if your legs ache or swell.', 'Pregunte por un médico de venas si le duelen o se le hinchan las piernas.'),
    ],
    brief: [bullet('veins.brief', 'They may make cramps worse. Raising your legs and support socks can help.', 'Pueden empeorar los calambres. Subir las piernas y usar medias de compresión puede ayudar.')],
  },
  {
    id: 'back-nerves',
    role: 'cause',
    heading: both('Your lower back', 'La parte baja de la espalda'),
    blocks: [
      para('back.link', 'Pressure on a nerve in your lower back can cause leg cramps.', 'Un nervio apretado en la parte baja de la espalda puede causar calambres en las piernas.'),
      bullet('back.urgent', 'Get help at once if you feel numb between your legs. Also get help if you lose control of your bladder or bowels.', 'Busque ayuda de inmediato si siente dormida la zona entre las piernas, o si no puede controlar la orina o las heces.'),
    ],
    brief: [bullet('back.brief', 'Pressure on a nerve in your back can cause cramps. Numbness between your legs needs help at once.', 'Un nervio apretado en la espalda puede dar calambres. Si se le duerme la zona entre las piernas, busque ayuda de inmediato.')],
  },
  {
    id: 'neuropathy',
    role: 'cause',
    heading: both('Nerve damage', 'Daño en los nervios'),
    blocks: [para('neuropathy.tell', 'Nerve damage can cause cramps. Tell your doctor if your skin feels numb or burns, or if you feel weak.', 'El daño en los nervios puede causar calambres. Avise a su médico si siente la piel dormida, ardor o debilidad.')],
    brief: [bullet('neuropathy.brief', 'It can cause cramps. Tell your doctor about numbness or weakness.', 'Puede dar calambres. Avise si siente la piel dormida o debilidad.')],
  },
  {
    id: 'multiple-sclerosis',
    role: 'cause',
    heading: both('Multiple sclerosis (MS)', 'Esclerosis múltiple'),
    blocks: [para('ms.tell', 'With MS, stiff muscles and spasms are common, and they can be treated. Tell your MS team.', 'Con la esclerosis múltiple, los músculos tiesos y los espasmos son comunes y se pueden tratar. Avise a su equipo médico.')],
    brief: [bullet('ms.brief', 'Stiff muscles and spasms can be treated. Tell your MS team.', 'Los músculos tiesos y los espasmos se pueden tratar. Avise a su equipo médico.')],
  },
  {
    id: 'parkinsons',
    role: 'cause',
    heading: both('Parkinson’s disease', 'Enfermedad de Parkinson'),
    blocks: [para('parkinsons.tell', 'Cramps or a painful twist of the foot can be part of Parkinson’s, mostly when your medicine wears off. Tell your nerve doctor.', 'Los calambres o un pie que se tuerce con dolor pueden ser parte del Parkinson, sobre todo cuando se le pasa el efecto de la medicina. Avise a su neurólogo.')],
    brief: [bullet('parkinsons.brief', 'Cramps can come when your medicine wears off. Tell your nerve doctor.', 'Los calambres pueden venir cuando se pasa el efecto de la medicina. Avise a su neurólogo.')],
  },
  {
    id: 'weakness-warning',
    role: 'cause',
    heading: both('Muscle weakness', 'Debilidad en los músculos'),
    blocks: [para('weakness.tell', 'Tell your doctor right away if your muscles get weak or thin, or twitch under the skin. Also tell them if it is hard to talk or swallow.', 'Avise a su médico de inmediato si sus músculos se ponen débiles o delgados, le tiemblan bajo la piel, o le cuesta hablar o tragar.')],
    brief: [bullet('weakness.brief', 'Tell your doctor at once if your muscles get weak or thin, or twitch. Tell them if it is hard to talk or swallow.', 'Avise ya a su médico si sus músculos se ponen débiles o delgados, o tiemblan. Avísele también si le cuesta hablar o tragar.')],
  },
  {
    id: 'malabsorption',
    role: 'cause',
    heading: both('Your stomach and gut', 'Su estómago e intestino'),
    blocks: [para('malabsorption.link', 'Some people do not take in enough minerals from food. This can happen after stomach surgery or with celiac disease. Your doctor may test your blood.', 'A veces el cuerpo no toma bien los minerales de la comida. Pasa después de una operación del estómago o con la enfermedad celíaca. Su médico puede revisar su sangre.')],
    brief: [bullet('malabsorption.brief', 'Your body may not take in enough minerals from food. Your doctor may test your blood.', 'Su cuerpo tal vez no toma bien los minerales de la comida. Su médico puede revisar su sangre.')],
  },
  {
    id: 'alcohol',
    role: 'cause',
    heading: both('Alcohol', 'Alcohol'),
    blocks: [para('alcohol.link', 'Alcohol can cause cramps. It lowers magnesium and harms nerves. Cutting down helps. Ask for support if you need it.', 'El alcohol puede causar calambres. Baja el magnesio y daña los nervios. Tomar menos ayuda. Pida apoyo si lo necesita.')],
    brief: [bullet('alcohol.brief', 'Alcohol can cause cramps. Cutting down helps.', 'El alcohol puede dar calambres. Tomar menos ayuda.')],
  },
  {
    id: 'flat-feet',
    role: 'cause',
    heading: both('Flat feet', 'Pie plano'),
    blocks: [para('flat-feet.shoes', 'Shoes that support your feet may help. There is little research on flat feet and cramps.', 'Los zapatos que sostienen bien el pie pueden ayudar. Hay poca investigación sobre el pie plano y los calambres.')],
    brief: [bullet('flat-feet.brief', 'Shoes that support your feet may help.', 'Los zapatos que sostienen bien el pie pueden ayudar.')],
  },
  {
    id: 'fluids',
    role: 'cause',
    heading: both('Losing fluid', 'Pérdida de líquidos'),
    blocks: [
      para('fluids.link', 'Loose stools, vomiting or heavy sweating can dry you out and bring on cramps.', 'La diarrea, los vómitos o sudar mucho pueden hacerle perder agua y causar calambres.'),
      // The screen: "no blanket advice to drink more: respect any fluid limit". So never "drink more" here.
      bullet('fluids.ask', 'Ask your doctor how much to drink on hot days or when you are sick.', 'Pregunte a su médico cuánto tomar en los días de calor o cuando se sienta mal.', {
        cautions: ['drink-more'],
      }),
    ],
    brief: [bullet('fluids.brief', 'Loose stools, vomiting or heavy sweating can bring on cramps. Ask your doctor how much to drink.', 'La diarrea, los vómitos o sudar mucho pueden dar calambres. Pregunte a su médico cuánto tomar.', { cautions: ['drink-more'] })],
  },
  {
    id: 'diabetes',
    role: 'cause',
    heading: both('Diabetes', 'Diabetes'),
    blocks: [para('diabetes.link', 'Over time, high blood sugar can harm nerves and cause cramps. Good control of your diabetes helps.', 'Con el tiempo, el azúcar alta puede dañar los nervios y causar calambres. Controlar bien la diabetes ayuda.')],
    brief: [bullet('diabetes.brief', 'High sugar can harm nerves. Good control helps.', 'El azúcar alta puede dañar los nervios. Controlarla bien ayuda.')],
  },
];
