// Words of the Share screen and the clinic key panel in Settings (issue 13: clinics share
// libraries). Plain US English, calm; no zod.
import type { ConflictChoice, ItemStatus } from '../contract/bundles';
import type { Licence, SignatureState } from '../domain/bundle';

/**
 * A public key's fingerprint as people read it aloud: the first 128 bits of its SHA-256, upper
 * case, in groups of four ("3F2A 91C0 …").
 */
export function displayFingerprint(fingerprintHex: string): string {
  return (
    fingerprintHex
      .slice(0, 32)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

export const LICENCE_LABELS: Record<Licence, string> = {
  'all-rights-reserved': 'All rights reserved (others may use it in their clinic only)',
  'cc-by-4.0': 'CC BY 4.0 (share and adapt, credit the clinic)',
  'cc-by-sa-4.0': 'CC BY-SA 4.0 (share and adapt alike, credit the clinic)',
  'cc-by-nc-4.0': 'CC BY-NC 4.0 (not for commercial use, credit the clinic)',
  'cc0-1.0': 'CC0 1.0 (no conditions)',
};

export const STATUS_LABELS: Record<ItemStatus, string> = {
  new: 'New',
  updated: 'Updated',
  identical: 'Already here',
  older: 'Older than yours',
  conflict: 'Changed on both sides',
};

export const CHOICE_LABELS: Record<ConflictChoice, string> = {
  mine: 'Keep mine',
  theirs: 'Take theirs',
  both: 'Keep both',
};

export function signatureLine(state: SignatureState, clinic: string, fingerprint: string | null, trustedAs: string | null): string {
  if (state === 'unsigned') return 'Unsigned: nothing shows who made this file.';
  const fp = displayFingerprint(fingerprint ?? '');
  if (state === 'trusted') return `Signed by ${trustedAs ?? clinic} (fingerprint ${fp}), trusted.`;
  return `Signed by an unknown key (fingerprint ${fp}). Compare the fingerprint with ${clinic} by phone before trusting it.`;
}

export const SHARING_COPY = {
  heading: 'Share',
  intro:
    'Share your own exercises and templates with another clinic as one .loadwise-library file, or import one you received. Patient information is never included.',
  exportHeading: 'Export a library file',
  ownExercises: 'Our own exercises',
  changedBuiltins: 'Built-in exercises we duplicated and changed',
  templates: 'Our program templates',
  templateNote: 'The exercises a chosen template uses go with it.',
  findByName: 'Find by name',
  chosenCount: (chosen: number, total: number) => `(${chosen} of ${total} chosen)`,
  allShown: (n: number) => (n === 1 ? 'The one shown' : `All ${n} shown`),
  noneYet: 'None yet.',
  noMatch: 'Nothing here matches the search.',
  nothingChosen: 'Choose at least one exercise or template to export.',
  licence: 'Licence',
  sign: 'Sign with our clinic key',
  exportButton: 'Export library file…',
  exportBusy: 'Preparing the file…',
  exported: (name: string, n: { exercises: number; templates: number; photos: number }, downloading: boolean) =>
    `${downloading ? 'Downloading' : 'Saved'} “${name}”: ${n.exercises} exercises, ${n.templates} templates, ${n.photos} photos.`,
  importHeading: 'Import a library file',
  chooseFile: 'Choose a .loadwise-library file',
  dropHint: 'You can also drop the file anywhere on this screen.',
  dropLabel: 'Import this library file',
  notBundle: 'is not a Loadwise library file (.loadwise-library).',
  checking: 'Checking the file…',
  importing: 'Importing…',
  progress: (phase: 'reading' | 'backup' | 'writing' | 'done', done: number, total: number): string =>
    phase === 'reading'
      ? total > 0
        ? `Photos checked: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}.`
        : ''
      : phase === 'backup'
        ? 'Backing up your library first.'
        : phase === 'writing'
          ? 'Writing to your library; this can no longer be stopped.'
          : '',
  progressLabel: 'Progress',
  cancelImport: 'Stop',
  cancelling: 'Stopping…',
  previewHeading: (clinic: string) => `Library from ${clinic}`,
  trustSigner: 'Trust this clinic’s key from now on',
  allConflicts: 'For every item changed on both sides',
  importButton: 'Import',
  cancel: 'Cancel',
  nothingToDo: 'Everything in this file is already in your library. Nothing was changed.',
  imported: (added: number, updated: number) => `Imported: ${added} added, ${updated} updated. Your library was backed up first.`,
  keyHeading: 'Clinic key and trusted clinics',
  keyIntro:
    'Your clinic key signs the library files you share, so other clinics can check they come from you. It stays in this computer’s data folder.',
  noKey: 'This computer has no clinic key yet.',
  createKey: 'Create clinic key',
  fingerprint: 'Your fingerprint',
  trustedNone: 'No trusted clinics yet. You can trust a clinic when you import a file it signed.',
  remove: (clinic: string) => `Stop trusting ${clinic}`,
};

/** The clinic group's shared folder: Settings, the Share screen's group panel, the check at start. */
export const GROUP_COPY = {
  settingsHeading: 'Clinic group folder',
  settingsIntro:
    'A folder every workstation of your clinic group syncs (a network share or a synced cloud drive). Publishing puts your signed library there; Loadwise checks it when it starts and when you ask.',
  folderLabel: 'Full path of the shared folder',
  saveFolder: 'Use this folder',
  stopUsing: 'Stop using a group folder',
  folderSaved: 'This computer now uses the clinic group folder.',
  folderCleared: 'This computer no longer uses a clinic group folder.',
  heading: 'Clinic group',
  noFolder: 'Name your clinic group’s shared folder in Settings to publish your library there and see what other sites share.',
  folderIs: (folder: string) => `Shared folder: ${folder}`,
  publishLicence: 'Licence for what you publish',
  publish: 'Publish our library to the group',
  publishing: 'Publishing…',
  published: (name: string, n: { exercises: number; templates: number; photos: number }) =>
    `Published “${name}”: ${n.exercises} exercises, ${n.templates} templates, ${n.photos} photos.`,
  checkNow: 'Check the folder now',
  checking: 'Checking…',
  empty: 'There are no library files in the shared folder yet.',
  filesLabel: 'Library files in the shared folder',
  status: {
    new: 'New, from a trusted clinic',
    imported: 'Already imported',
    yours: 'Published from this computer',
    untrusted: 'From a clinic you do not trust yet: open the file from the folder to check its fingerprint',
    unreadable: 'Cannot be read yet; it will be checked again',
  } as Record<'new' | 'imported' | 'yours' | 'untrusted' | 'unreadable', string>,
  review: (clinic: string) => `Review ${clinic}`,
  newAtStart: (n: number) =>
    n === 1
      ? 'There is a new library file from your clinic group. Open Share to review it.'
      : `There are ${n} new library files from your clinic group. Open Share to review them.`,
};

/** Importing exercises from another tool (a CSV file or a JSON array). */
export const TOOL_IMPORT_COPY = {
  heading: 'Import exercises from another tool',
  intro:
    'A CSV file from a spreadsheet or another program, or a JSON list of exercises. You match its columns to Loadwise fields and see the first rows before anything is added.',
  chooseFile: 'Choose a CSV or JSON file',
  reading: 'Reading the file…',
  summary: (rows: number, columns: number, delimiter: string | null) =>
    `${rows.toLocaleString('en-US')} rows, ${columns} columns${delimiter ? `, separated by ${delimiter === '\t' ? 'tabs' : `“${delimiter}”`}` : ''}.`,
  mappingHeading: 'Match the columns',
  notUsed: 'Not used (kept in the notes)',
  savedMappings: 'Use a saved matching',
  noSaved: 'None saved yet',
  saveAs: 'Save this matching as',
  save: 'Save',
  saved: (name: string) => `Saved the matching “${name}”.`,
  listSeparator: 'Inside one cell, list items are separated by',
  previewHeading: 'The first rows as they would be imported',
  proposedHeading: 'Stage, region and ratings',
  useFileStage: 'Use the file’s stage',
  useFileRegion: 'Use the file’s region',
  useFileRatings: 'Use the file’s ratings (otherwise every exercise is “not rated”)',
  defaultStage: 'Stage for every exercise',
  defaultRegion: 'Region for every exercise',
  defaultPosition: 'Position when the file gives none',
  picturesFolder: 'Folder with the pictures (optional)',
  importButton: (rows: number) => `Import ${rows.toLocaleString('en-US')} rows`,
  importing: 'Importing…',
  reportHeading: 'Import report',
  imported: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'exercise' : 'exercises'} imported.`,
  skippedHeading: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'} skipped`,
  skippedRow: (row: number, reason: string) => `Row ${row}: ${reason}.`,
  pictureMissing: (row: number, picture: string) => `Row ${row}: the picture “${picture}” is not in the chosen folder.`,
  pictureRefused: (row: number, picture: string, why: string) => `Row ${row}: the picture “${picture}” was not added: ${why}`,
  picturesAdded: (n: number) => `${n} ${n === 1 ? 'picture' : 'pictures'} added.`,
  nameRequired: 'Match a column to Name to import.',
  fields: {
    name: 'Name',
    clinicalName: 'Clinical name',
    aliases: 'Other names (list)',
    summary: 'Summary',
    startingPosition: 'Starting position',
    steps: 'Steps (list)',
    cues: 'Tips (list)',
    mistakes: 'Common mistakes (list)',
    precautions: 'Precautions (list)',
    tags: 'Tags (list)',
    equipment: 'Equipment (list)',
    position: 'Position',
    stage: 'Stage',
    region: 'Region',
    'rating.disc': 'Rating: disc loading',
    'rating.instability': 'Rating: instability / weakness',
    'rating.nerve': 'Rating: nerve irritation',
    'rating.post-decompression': 'Rating: after decompression',
    'rating.post-fusion': 'Rating: after lumbar fusion',
    'rating.post-acdf': 'Rating: after ACDF',
    'rating.scs': 'Rating: spinal cord stimulator',
    sets: 'Sets',
    reps: 'Reps',
    holdSeconds: 'Hold (seconds)',
    pictures: 'Pictures (list of paths)',
    clinicianNotes: 'Clinician notes',
  } as Record<string, string>,
};
