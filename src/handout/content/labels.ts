/**
 * The handout's fixed words around the sections: title, the name and date labels, and the
 * traceability footer (for the care team, so rule ids and plain clinical words are fine there).
 */
import { both } from './spec.js';

export const LABELS = {
  title: both('Leg cramps at night: what to know and what to do', 'Calambres de noche en las piernas: qué saber y qué hacer'),
  patient: both('For', 'Para'),
  date: both('Date', 'Fecha'),
  footerHeading: both('For the care team: where this sheet came from', 'Para el equipo de salud: de dónde sale esta hoja'),
  madeOn: both('Made on', 'Hecha el'),
  general: both('general advice', 'consejo general'),
  safety: both('Safety rules applied', 'Reglas de seguridad aplicadas'),
  safetyUnknown: both('not on record, applied to be safe', 'sin datos, aplicada por seguridad'),
} as const;
