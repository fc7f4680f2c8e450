// English words of the Patients screen (renderer/src/features/patients/): the list, the record, the
// form and the red-flag screen. The values' own labels (procedures, flags, regions) are in
// en-safety.ts. Calm, plain US English for clinicians.

export const PATIENTS_COPY = {
  sectionLabel: 'Patients',
  searchLabel: 'Search patients',
  searchPlaceholder: 'Search by name or identifier',
  includeArchived: 'Show archived',
  newPatient: 'New patient',
  listLabel: 'Patients',
  resultsLabel: 'Patient list',
  recordLabel: 'Patient record',
  noPatientsYet: 'No patients yet. Add one with “New patient”.',
  noMatch: 'No patients match',
  choosePatient: 'Choose a patient to see their record.',
  openRedFlagMarker: 'Open red flag',
  created: 'Patient added',
  saved: 'Changes saved',
  archived: 'Patient archived',
  restored: 'Patient restored',
  redFlagsSaved: 'Red-flag screen saved',
  /** A save refused because someone saved the record since this form opened. */
  staleEdit:
    'This patient was changed elsewhere (another window, perhaps) after you opened this form, so your changes were not saved. Note what you changed, then load the latest version and make the changes again.',
  loadLatest: 'Load the latest version',
  notSaved: 'The patient could not be saved.',
};

/** "1 patient", "12 patients". */
export const patientCount = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'patient' : 'patients'}`;

/** "1 program", "3 programs", "No programs". */
export const programCount = (n: number): string => (n === 0 ? 'No programs' : `${n.toLocaleString()} ${n === 1 ? 'program' : 'programs'}`);

/** "Week 8 since surgery"; a future date reads as planned. */
export const weeksSinceSurgeryText = (weeks: number): string =>
  weeks < 0 ? `Planned in ${-weeks} ${-weeks === 1 ? 'week' : 'weeks'}` : `Week ${weeks} since surgery`;

export const ARCHIVE_COPY = {
  archiveTitle: (name: string) => `Archive ${name}?`,
  archiveText:
    'The patient leaves the list and their programs stay as they are. Nothing is deleted: turn on “Show archived” to find them and restore them.',
  archiveConfirm: 'Archive patient',
  restoreTitle: (name: string) => `Restore ${name}?`,
  restoreText: 'The patient returns to the patient list.',
  restoreConfirm: 'Restore patient',
  cancel: 'Cancel',
};

export const RED_FLAG_COPY = {
  title: 'Red-flag screen',
  intro:
    'Ask each question at the start of a program and at every re-test. Answer “Yes” only when the sign is present now or new since the last screen.',
  date: 'Date of this screen',
  emergencyHeading: 'Emergency: send for same-day emergency care',
  urgentHeading: 'Urgent: pause the program until a same- or next-day medical review',
  /** Shown prominently as soon as any emergency question is answered yes. */
  emergencyAdvice:
    'Do not start or continue exercise. Advise the patient to go to an emergency department today, and contact their doctor or surgeon. For possible cauda equina, arrange same-day hospital assessment (emergency MRI). Give written safety-net advice.',
  emergencyAdviceHeading: 'Refer for emergency care today',
  urgentAdvice:
    'Pause the program and arrange a same- or next-day review with the doctor or surgeon. Once it is dealt with, record what was done.',
  resolved: 'Dealt with',
  resolutionNote: 'What was done',
  resolutionNoteHint: 'For example: reviewed by the surgeon, cleared to continue.',
  resolutionDate: 'Date',
  notAnswered: (n: number) => `${n} ${n === 1 ? 'question' : 'questions'} not asked yet`,
  notScreened: 'Not screened yet',
  allClear: 'No red flags on the last screen',
  open: 'Red-flag screen…',
  save: 'Save screen',
};
