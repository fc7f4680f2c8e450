// English words of the print preview (renderer/src/features/handouts): options, buttons, states.
// What the handout itself says is in en-handout.ts and es-handout.ts.
export const PRINT_COPY = {
  title: 'Print the handout',
  openButton: 'Print or preview…',
  version: (n: number) => `Version ${n}, as issued`,
  noVersion: 'Issue a version first: the handout prints an issued version, exactly as the patient received it.',
  document: 'What to print',
  documents: { handout: 'Patient handout', summary: 'Clinician summary' },
  summaryNote:
    'For the clinic’s file: patient, flags and acknowledgements, tests, criteria and full doses. Not noted as given to the patient.',
  summarySaved: 'Clinician summary saved.',
  summaryPrinted: 'Clinician summary opened for printing.',
  largePrint: 'Large print (16 pt, two exercises a page at most)',
  language: 'Language',
  languages: { en: 'English', es: 'Spanish', 'en+es': 'English and Spanish side by side' },
  paper: 'Paper',
  papers: { clinic: 'Clinic setting', letter: 'US Letter', a4: 'A4' },
  preparing: 'Preparing the handout…',
  ready: (pages: number) => `Handout ready: ${pages} ${pages === 1 ? 'page' : 'pages'}.`,
  untranslated: (names: string[]) => `No Spanish yet for ${names.join(', ')}: printed in English with a note.`,
  save: 'Save as PDF',
  print: 'Print',
  close: 'Close',
  saved: 'Saved, and noted on the version as given.',
  printed: 'Opened for printing, and noted on the version as given.',
  blocked: 'An emergency red flag is open for this patient: send them for emergency care. Nothing prints until the screen is updated.',
  pageLabel: (n: number, of: number) => `Page ${n} of ${of}`,
  catalogue: {
    title: 'Print the library catalogue',
    openButton: 'Print catalogue…',
    command: 'Print catalogue of the current filter',
    scope: (count: number | null) =>
      count === null
        ? 'Every exercise the current search and filters find.'
        : `The ${count} exercises the current search and filters find.`,
    note: 'Each exercise with its picture, names, stage, dose and ratings, for the clinic’s binder.',
    preparing: 'Preparing the catalogue…',
    ready: (pages: number) => `Catalogue ready: ${pages} ${pages === 1 ? 'page' : 'pages'}.`,
    saved: 'Catalogue saved.',
    printed: 'Catalogue opened for printing.',
  },
} as const;
