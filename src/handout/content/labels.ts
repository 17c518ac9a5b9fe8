/**
 * The handout's fixed words around the sections: the title, the name and date labels, and the
 * one-page handout's findings heading.
 */
import { both } from './spec.js';

export const LABELS = {
  title: both('Leg cramps at night: what to know and what to do', 'Calambres de noche en las piernas: qué saber y qué hacer'),
  patient: both('For', 'Para'),
  date: both('Date', 'Fecha'),
  found: both('What we found', 'Lo que encontramos'),
} as const;
