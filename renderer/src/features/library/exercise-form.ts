// The editor's form model: strings as the inputs hold them, converted to an ExerciseDraft and
// checked with the same schema main uses, so a clinician sees a problem before saving.
import {
  GENERATORS,
  type BandLevel,
  type Equipment,
  type IntensityKind,
  type Generator,
  type LockType,
  type Position,
  type Rating,
  type Region,
  type Side,
  type Stage,
} from '../../../../common/domain/vocabulary';
import { GENERATOR_LABELS } from '../../../../common/copy/en';
import type { Exercise, ExerciseDraft, LinkedExercise } from '../../../../common/domain/exercise';

/** The numeric dose fields, in the editor's order, with their labels. */
export const DOSAGE_NUMBER_FIELDS = [
  { key: 'sets', label: 'Sets' },
  { key: 'reps', label: 'Reps' },
  { key: 'repsMax', label: 'Reps, top of range' },
  { key: 'holdSeconds', label: 'Hold (seconds)' },
  { key: 'durationSeconds', label: 'Duration (seconds)' },
  { key: 'restSeconds', label: 'Rest (seconds)' },
  { key: 'sessionsPerDay', label: 'Sessions a day' },
  { key: 'daysPerWeek', label: 'Days a week' },
  { key: 'distanceMeters', label: 'Distance (meters)' },
] as const;
type DosageNumberKey = (typeof DOSAGE_NUMBER_FIELDS)[number]['key'];
const DOSAGE_TEXT_LABELS: Record<string, string> = { load: 'Load or band', tempo: 'Tempo', side: 'Side', intensity: 'Intensity' };

/** The intensity as the editor's inputs hold it; an empty kind means no intensity. */
export const NO_INTENSITY: IntensityForm = { kind: '', value: '', valueMax: '', band: '', bandColor: '' };

export interface IntensityForm {
  kind: IntensityKind | '';
  value: string;
  valueMax: string;
  band: BandLevel | '';
  bandColor: string;
}

export interface ExerciseForm {
  clinicalName: string;
  /** Comma-separated, as typed. */
  aliases: string;
  name: string;
  summary: string;
  startingPosition: string;
  steps: string;
  cues: string;
  mistakes: string;
  precautions: string;
  stage: Stage;
  /** The other stages it also belongs to; the primary stage is dropped when the draft is made. */
  alsoStages: Stage[];
  region: Region;
  position: Position;
  equipment: Equipment[];
  dosage: Record<DosageNumberKey, string> & { load: string; side: Side; tempo: string; intensity: IntensityForm };
  suitability: Record<Generator, { rating: Rating; lock: LockType; earliestWeek: string; note: string }>;
  tags: string;
  sources: string;
  clinicianNotes: string;
  progressions: LinkedExercise[];
  regressions: LinkedExercise[];
}

const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const text = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const str = (n: number | null): string => (n === null ? '' : String(n));

export function emptyForm(): ExerciseForm {
  return {
    clinicalName: '',
    aliases: '',
    name: '',
    summary: '',
    startingPosition: '',
    steps: '',
    cues: '',
    mistakes: '',
    precautions: '',
    stage: 1,
    alsoStages: [],
    region: 'lumbar',
    position: 'supine',
    equipment: ['none'],
    dosage: {
      sets: '2',
      reps: '10',
      repsMax: '',
      holdSeconds: '',
      durationSeconds: '',
      restSeconds: '60',
      sessionsPerDay: '1',
      daysPerWeek: '5',
      distanceMeters: '',
      load: '',
      side: 'both',
      tempo: '',
      intensity: NO_INTENSITY,
    },
    suitability: Object.fromEntries(
      // A new exercise is nobody's judgement yet: not rated for every generator until the clinician rates it.
      GENERATORS.map((g) => [g, { rating: 'not-rated', lock: 'none', earliestWeek: '', note: '' }]),
    ) as ExerciseForm['suitability'],
    tags: '',
    sources: '',
    clinicianNotes: '',
    progressions: [],
    regressions: [],
  };
}

export function formFromExercise(ex: Exercise): ExerciseForm {
  const d = ex.dosage;
  return {
    clinicalName: ex.clinicalName,
    aliases: ex.aliases.join(', '),
    name: ex.text.name,
    summary: ex.text.summary,
    startingPosition: ex.text.startingPosition,
    steps: ex.text.steps.join('\n'),
    cues: ex.text.cues.join('\n'),
    mistakes: ex.text.mistakes.join('\n'),
    precautions: ex.text.precautions.join('\n'),
    stage: ex.stage,
    alsoStages: ex.alsoStages ?? [],
    region: ex.region,
    position: ex.position,
    equipment: ex.equipment,
    dosage: {
      sets: str(d.sets),
      reps: str(d.reps),
      repsMax: str(d.repsMax),
      holdSeconds: str(d.holdSeconds),
      durationSeconds: str(d.durationSeconds),
      restSeconds: str(d.restSeconds),
      sessionsPerDay: str(d.sessionsPerDay),
      daysPerWeek: str(d.daysPerWeek),
      distanceMeters: str(d.distanceMeters ?? null),
      load: d.load ?? '',
      side: d.side,
      tempo: d.tempo ?? '',
      intensity: d.intensity
        ? {
            kind: d.intensity.kind,
            value: str(d.intensity.value),
            valueMax: str(d.intensity.valueMax),
            band: d.intensity.band ?? '',
            bandColor: d.intensity.bandColor ?? '',
          }
        : NO_INTENSITY,
    },
    suitability: Object.fromEntries(
      GENERATORS.map((g) => [
        g,
        {
          rating: ex.suitability[g].rating,
          lock: ex.suitability[g].lock,
          earliestWeek: str(ex.suitability[g].earliestWeek),
          note: ex.suitability[g].note ?? '',
        },
      ]),
    ) as ExerciseForm['suitability'],
    tags: ex.tags.join(', '),
    sources: ex.sources.map(sourceLine).join('\n'),
    clinicianNotes: ex.clinicianNotes ?? '',
    progressions: ex.progressions,
    regressions: ex.regressions,
  };
}

/**
 * One source per line: the citation, then optional parts after " | ": an https address, the
 * evidence level ("level P"), "doi:10.…" and "pmid:…", in any order.
 */
export function sourceLine(s: ExerciseDraft['sources'][number]): string {
  const parts = [s.citation, s.url, s.evidenceLevel && `level ${s.evidenceLevel}`, s.doi && `doi:${s.doi}`, s.pmid && `pmid:${s.pmid}`];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' | ');
}

type SourceDraft = ExerciseDraft['sources'][number];

/** Reads one trailing grading part of a source line into `into`; false when it is not one. */
function readGradingPart(part: string, into: SourceDraft): boolean {
  const level = /^level\s+(\S+)$/i.exec(part);
  if (level) into.evidenceLevel = level[1] as SourceDraft['evidenceLevel'];
  else if (/^doi:/i.test(part)) into.doi = part.slice(4).trim();
  else if (/^pmid:/i.test(part)) into.pmid = part.slice(5).trim();
  else return false;
  return true;
}

/** The grading parts and an address come off the end; failing an address, whatever follows the last " | " is taken as one. */
function parseSources(s: string): ExerciseDraft['sources'] {
  return lines(s).map((line) => {
    const parts = line.split(' | ');
    const source: SourceDraft = { citation: '', url: null };
    while (parts.length > 1) {
      const last = parts[parts.length - 1].trim();
      if (readGradingPart(last, source)) parts.pop();
      else if (source.url === null && /^[a-z][a-z0-9+.-]*:/i.test(last)) source.url = parts.pop()!.trim();
      else break;
    }
    if (source.url === null && parts.length > 1) source.url = parts.pop()!.trim();
    source.citation = parts.join(' | ').trim();
    return source;
  });
}

/** A band has a level and no number; every other kind a number and no band: the hidden inputs are ignored. */
function intensityFromForm(i: IntensityForm): unknown {
  const band = i.kind === 'band';
  return {
    kind: i.kind,
    value: band ? null : num(i.value),
    valueMax: band ? null : num(i.valueMax),
    band: band ? i.band || null : null,
    bandColor: band ? text(i.bandColor) : null,
  };
}

/** The other stages once each, in order, without the primary stage. */
const otherStages = (f: ExerciseForm): Stage[] => [...new Set(f.alsoStages ?? [])].filter((s) => s !== f.stage).sort();

const commaList = (s: string): string[] =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

export function draftFromForm(f: ExerciseForm): unknown {
  return {
    clinicalName: f.clinicalName.trim(),
    aliases: commaList(f.aliases),
    stage: f.stage,
    // Left out when there are none, like the dose's optional parts (a kept draft may lack the list).
    ...(otherStages(f).length > 0 && { alsoStages: otherStages(f) }),
    region: f.region,
    position: f.position,
    equipment: f.equipment,
    text: {
      name: f.name.trim(),
      summary: f.summary.trim(),
      startingPosition: f.startingPosition.trim(),
      steps: lines(f.steps),
      cues: lines(f.cues),
      mistakes: lines(f.mistakes),
      precautions: lines(f.precautions),
    },
    dosage: {
      sets: num(f.dosage.sets),
      reps: num(f.dosage.reps),
      repsMax: num(f.dosage.repsMax),
      holdSeconds: num(f.dosage.holdSeconds),
      durationSeconds: num(f.dosage.durationSeconds),
      restSeconds: num(f.dosage.restSeconds),
      sessionsPerDay: num(f.dosage.sessionsPerDay),
      daysPerWeek: num(f.dosage.daysPerWeek),
      load: text(f.dosage.load),
      side: f.dosage.side,
      tempo: text(f.dosage.tempo),
      // Left out when empty, so a dose saved before these fields existed round-trips unchanged.
      // (A draft kept from before them may lack the inputs too.)
      ...(num(f.dosage.distanceMeters ?? '') !== null && { distanceMeters: num(f.dosage.distanceMeters) }),
      ...(f.dosage.intensity && f.dosage.intensity.kind !== '' && { intensity: intensityFromForm(f.dosage.intensity) }),
    },
    suitability: Object.fromEntries(
      GENERATORS.map((g) => [
        g,
        {
          rating: f.suitability[g].rating,
          lock: f.suitability[g].lock,
          earliestWeek: f.suitability[g].lock === 'week' ? num(f.suitability[g].earliestWeek) : null,
          note: text(f.suitability[g].note),
        },
      ]),
    ),
    tags: commaList(f.tags),
    sources: parseSources(f.sources),
    progressionIds: f.progressions.map((p) => p.id),
    regressionIds: f.regressions.map((r) => r.id),
    clinicianNotes: text(f.clinicianNotes),
  };
}

const FIELD_NAMES: Record<string, string> = {
  clinicalName: 'Clinical name',
  aliases: 'Also known as',
  'text.name': 'Name',
  'text.summary': 'Purpose',
  'text.startingPosition': 'Starting position',
  'text.steps': 'Steps',
  'text.cues': 'Coaching cues',
  'text.mistakes': 'Common mistakes',
  'text.precautions': 'Precautions',
  equipment: 'Equipment',
  tags: 'Tags',
  sources: 'Sources',
};

export function fieldLabel(path: string): string {
  const exact = FIELD_NAMES[path];
  if (exact) return exact;
  const base = Object.keys(FIELD_NAMES).find((k) => path.startsWith(`${k}.`));
  if (base) return FIELD_NAMES[base];
  if (path.startsWith('dosage.')) {
    const key = path.split('.')[1];
    return DOSAGE_NUMBER_FIELDS.find((f) => f.key === key)?.label ?? DOSAGE_TEXT_LABELS[key] ?? key;
  }
  if (path.startsWith('suitability.')) {
    const g = path.split('.')[1] as Generator;
    return `${GENERATOR_LABELS[g] ?? g} suitability`;
  }
  return path;
}

export type FormErrors = Record<string, string>;

/**
 * Whether the form holds changes worth keeping: it differs from what the editor was opened with,
 * compared as the drafts they make (so trailing spaces or an empty line do not count).
 */
export function formsDiffer(opened: ExerciseForm, current: ExerciseForm): boolean {
  return JSON.stringify(draftFromForm(opened)) !== JSON.stringify(draftFromForm(current));
}

/** "No equipment" and the other kinds exclude each other: choosing one unchecks the other kind. */
export function toggleEquipment(list: readonly Equipment[], eq: Equipment): Equipment[] {
  if (list.includes(eq)) return list.filter((x) => x !== eq);
  if (eq === 'none') return ['none'];
  return [...list.filter((x) => x !== 'none'), eq];
}

const NAME_MAX = 120;
/** The name a copy starts with: " (copy)" added, within the 120-character limit (as the services do). */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return name.length + suffix.length <= NAME_MAX ? name + suffix : name.slice(0, NAME_MAX - suffix.length).trimEnd() + suffix;
}

/** "Duplicate to edit": the source's form, renamed as a copy. Nothing is saved until the clinician saves. */
export function copyForm(source: Exercise): ExerciseForm {
  const form = formFromExercise(source);
  return { ...form, name: copyName(form.name) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Like `fallback`, with every value from `saved` that has the same shape (a draft from an older editor may lack some). */
function mergeShape<T>(fallback: T, saved: unknown): T {
  if (Array.isArray(fallback)) return (Array.isArray(saved) ? saved : fallback) as T;
  if (isRecord(fallback)) {
    if (!isRecord(saved)) return fallback;
    const out: Record<string, unknown> = { ...fallback };
    for (const key of Object.keys(fallback)) if (key in saved) out[key] = mergeShape(fallback[key], saved[key]);
    return out as T;
  }
  return (typeof saved === typeof fallback ? saved : fallback) as T;
}

/** A draft's form read back from the database, over `base` (the exercise or an empty form); null if it is not a form. */
export function formFromDraft(saved: unknown, base: ExerciseForm = emptyForm()): ExerciseForm | null {
  return isRecord(saved) ? mergeShape(base, saved) : null;
}
