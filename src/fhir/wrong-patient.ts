/**
 * The wrong patient (rule catalogue, second round): the EHR returned a record that describes a
 * different patient from the one the launch named (a Patient whose id differs, or every resource
 * belonging to someone else). Nothing of either record may be shown; the caller stops.
 *
 * The message carries no patient data: it is safe to print and to show.
 */
export class WrongPatientError extends Error {
  constructor(message = 'The EHR returned another patient\'s record; nothing of either record is shown.') {
    super(message);
    this.name = 'WrongPatientError';
  }
}
