// English words for every closed vocabulary, shown on screen and printed on handouts alike. A
// second locale must name every value that this file names (the Copy type checks it).
import type { SearchSort } from '../domain/search';
import type {
  BandLevel,
  Equipment,
  EvidenceLevel,
  Generator,
  IntensityKind,
  LockType,
  Origin,
  Position,
  Rating,
  Region,
  Side,
  Stage,
} from '../domain/vocabulary';

export const STAGE_LABELS: Record<Stage, string> = {
  1: 'Stabilizer activation',
  2: 'Controlled loading',
  3: 'Progressive resistance',
  4: 'Load tolerance',
};

export const REGION_LABELS: Record<Region, string> = { lumbar: 'Low back', cervical: 'Neck', thoracic: 'Upper back' };

export const POSITION_LABELS: Record<Position, string> = {
  supine: 'Lying on back',
  prone: 'Lying face down',
  'side-lying': 'Lying on side',
  quadruped: 'Hands and knees',
  kneeling: 'Kneeling',
  sitting: 'Sitting',
  standing: 'Standing',
};

export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  none: 'No equipment',
  mat: 'Mat',
  'pressure-biofeedback': 'Pressure biofeedback unit',
  towel: 'Towel',
  pillow: 'Pillow',
  'foam-roller': 'Foam roller',
  'exercise-ball': 'Exercise ball',
  'resistance-band': 'Resistance band',
  dumbbell: 'Dumbbell',
  kettlebell: 'Kettlebell',
  barbell: 'Barbell',
  'trap-bar': 'Trap bar',
  'cable-machine': 'Cable machine',
  'weight-machine': 'Weight machine',
  bench: 'Bench',
  step: 'Step',
  chair: 'Chair',
  wall: 'Wall',
  table: 'Table or counter',
  dowel: 'Dowel or stick',
  'box-or-bag': 'Box, bag or basket',
  sled: 'Sled',
  treadmill: 'Treadmill',
  'exercise-bike': 'Exercise bike',
  'arm-bike': 'Arm bike (upper-body ergometer)',
};

export const GENERATOR_LABELS: Record<Generator, string> = {
  disc: 'Disc loading',
  instability: 'Instability / weakness',
  nerve: 'Nerve irritation',
  'post-decompression': 'After decompression',
  'post-fusion': 'After lumbar fusion',
  'post-acdf': 'After ACDF',
  scs: 'Spinal cord stimulator',
};

export const RATING_LABELS: Record<Rating, string> = {
  suits: 'Suits',
  modify: 'Modify',
  caution: 'Caution',
  avoid: 'Avoid',
  'not-rated': 'Not rated',
};

export const LOCK_LABELS: Record<LockType, string> = {
  none: 'No lock',
  week: 'Until a week after surgery',
  criterion: 'Until a criterion is met',
  'surgeon-clearance': "Until the surgeon's clearance",
};

/** "Locked until week 12", "Locked until cleared", or null when nothing holds the exercise back. */
export function lockText(lock: LockType, earliestWeek: number | null): string | null {
  if (lock === 'week') return `Locked until week ${earliestWeek ?? '?'}`;
  if (lock === 'criterion') return 'Locked until the criterion in the note is met';
  if (lock === 'surgeon-clearance') return 'Locked until the surgeon clears it';
  return null;
}

/** The evidence tags of sources (audit D38), as the detail view's legend explains them. */
export const EVIDENCE_LEVEL_LABELS: Record<EvidenceLevel, string> = {
  P: 'Peer-reviewed study or review',
  G: 'Guideline or consensus statement',
  Pr: 'Clinic or hospital protocol (common practice, not evidence)',
  Sec: 'Secondary summary (not checked against the original)',
  C: 'Clinical convention (no specific source)',
};

/** The other tags the detail view's legend explains: source keys in citations, [C] in notes. */
export const EVIDENCE_TAG_NOTES = {
  sourceKey: 'A numbered source in the clinical reference the built-in library was written from',
  convention: 'In notes: a clinical convention with no specific source, to use as an editable default',
} as const;

/** The result list's sort choices (library search), as the sort control names them. */
export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: 'Relevance',
  name: 'Name (A–Z)',
  stage: 'Stage, then name',
};

/** Intensity kinds as the clinician's editor names them (audit D35). */
export const INTENSITY_KIND_LABELS: Record<IntensityKind, string> = {
  rm: 'Repetition maximum (RM)',
  rir: 'Repetitions in reserve (RIR)',
  rpe: 'Effort rating (RPE 0-10)',
  'percent-bw': '% of body weight',
  band: 'Band level',
};

/** Band levels as patients read them: "Use a light band (yellow)". */
export const BAND_LEVEL_LABELS: Record<BandLevel, string> = {
  'extra-light': 'extra-light',
  light: 'light',
  medium: 'medium',
  heavy: 'heavy',
  'extra-heavy': 'extra-heavy',
};

export const SIDE_LABELS: Record<Side, string> = {
  both: 'Both sides together',
  'each-side': 'Each side',
  alternating: 'Alternating sides',
};

export const ORIGIN_LABELS: Record<Origin, string> = {
  builtin: 'Built-in',
  clinic: 'Clinic',
  imported: 'Imported',
};

/** Every vocabulary's words in one locale; a new locale file exports one of these. */
export interface VocabularyCopy {
  stage: Record<Stage, string>;
  region: Record<Region, string>;
  position: Record<Position, string>;
  equipment: Record<Equipment, string>;
  generator: Record<Generator, string>;
  rating: Record<Rating, string>;
  side: Record<Side, string>;
  origin: Record<Origin, string>;
}

export const en: VocabularyCopy = {
  stage: STAGE_LABELS,
  region: REGION_LABELS,
  position: POSITION_LABELS,
  equipment: EQUIPMENT_LABELS,
  generator: GENERATOR_LABELS,
  rating: RATING_LABELS,
  side: SIDE_LABELS,
  origin: ORIGIN_LABELS,
};

/** The Backups screen's "Move to another computer" part: Export everything and Import everything. */
export const LIBRARY_TRANSFER_COPY = {
  heading: 'Move to another computer',
  intro:
    'Export everything saves your whole library (exercises, photos, patients and programs) as one file. On the other computer, install Loadwise, open Backups and choose Import everything with that file.',
  exportButton: 'Export everything…',
  exportBusy: 'Exporting…',
  exportStatus: 'Exporting your library. A large library can take a minute.',
  exported: (fileName: string, contents: string) => `Exported ${contents} to “${fileName}”.`,
  downloading: (fileName: string, contents: string) =>
    `Your browser is saving “${fileName}” (${contents}). Keep Loadwise open until the download has finished.`,
  importButton: 'Import everything…',
  importBusy: 'Importing…',
  importStatus: 'Backing up your library, then importing the file. A large library can take a minute.',
  confirmTitle: (fileName: string) => `Replace your library with “${fileName}”?`,
  confirmReplace:
    'Everything in your library now (exercises, photos, patients and programs) will be replaced by what this file holds. Nothing is merged.',
  confirmBackup:
    'First, Loadwise backs up your library as it is now. That backup appears at the top of the Backups list, so you can go back to it by restoring it.',
  confirmButton: 'Back up and import',
  imported: (contents: string) => `Imported ${contents}. Your library as it was just before is saved as a backup.`,
  cancel: 'Cancel',
} as const;
