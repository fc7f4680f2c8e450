// One row of another tool's file as a Loadwise exercise draft, through the clinician's mapping:
// list fields split on new lines and the chosen separator (a JSON list stays a list), vocabulary
// words matched by value or English label whatever the case, stage, region and ratings from the
// file only where the clinician agreed (otherwise the chosen stage and region, and "not rated"),
// and every column left unmapped kept in the clinician notes as "Column: value". A row that
// cannot make a valid exercise is skipped with the reason, in words.
import { describeZodError } from '../../common/contract/issues';
import type { ImportField, ImportMapping } from '../../common/contract/imports';
import { EQUIPMENT_LABELS, POSITION_LABELS, RATING_LABELS, REGION_LABELS } from '../../common/copy/en';
import { ExerciseDraftSchema, type ExerciseDraft } from '../../common/domain/exercise';
import { EQUIPMENT, GENERATORS, POSITIONS, RATINGS, REGIONS, type Equipment, type Rating } from '../../common/domain/vocabulary';
import { asText, type Row } from './read-source';

const MAX_NOTES = 2000;

/** A value of a closed vocabulary, by its value or its English label ("Low back" → lumbar). */
function vocab<T extends string>(values: readonly T[], labels: Record<T, string>, raw: string): T | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const plain = raw.trim().toLowerCase();
  return values.find((v) => v === key || labels[v].toLowerCase() === plain) ?? null;
}

const wholeNumber = (raw: string): number | null => (/^\s*\d{1,5}\s*$/.test(raw) ? Number(raw) : null);

export type RowResult = { ok: true; draft: ExerciseDraft; pictures: string[] } | { ok: false; reason: string };

export function rowToDraft(row: Row, columns: string[], mapping: ImportMapping): RowResult {
  const mapped = mapping.columns;
  const cell = (field: ImportField) => {
    const column = mapped[field];
    return column === undefined ? undefined : row[column];
  };
  const text = (field: ImportField): string => asText(cell(field)).trim();
  const list = (field: ImportField): string[] => {
    const value = cell(field);
    const items = Array.isArray(value) ? value : (value ?? '').split(/\r?\n/).flatMap((l) => l.split(mapping.listSeparator));
    return items.map((s) => s.trim()).filter((s) => s !== '');
  };
  const notes: string[] = [];
  const name = text('name');
  if (!name) return { ok: false, reason: mapped.name ? 'the name is empty' : 'no column is mapped to Name' };

  let stage = mapping.defaults.stage;
  if (mapping.useFile.stage && mapped.stage) {
    const n = Number(/^\s*(?:stage\s*)?([1-4])\s*$/i.exec(text('stage'))?.[1]);
    if (!n) return { ok: false, reason: `the stage “${text('stage').slice(0, 40)}” is not 1, 2, 3 or 4` };
    stage = n as 1 | 2 | 3 | 4;
  }
  let region = mapping.defaults.region;
  if (mapping.useFile.region && mapped.region) {
    const found = vocab(REGIONS, REGION_LABELS, text('region'));
    if (!found) return { ok: false, reason: `the region “${text('region').slice(0, 40)}” is not low back, neck or upper back` };
    region = found;
  }
  let position = mapping.defaults.position;
  if (mapped.position && text('position')) {
    const found = vocab(POSITIONS, POSITION_LABELS, text('position'));
    if (found) position = found;
    else notes.push(`Position: ${text('position')}`);
  }
  const equipment: Equipment[] = [];
  for (const item of list('equipment')) {
    const found = vocab(EQUIPMENT, EQUIPMENT_LABELS, item);
    if (found && !equipment.includes(found)) equipment.push(found);
    else if (!found) notes.push(`Equipment: ${item}`);
  }
  const suitability = Object.fromEntries(
    GENERATORS.map((g) => {
      let rating: Rating = 'not-rated';
      const field = `rating.${g}` as ImportField;
      if (mapping.useFile.ratings && mapped[field] && text(field)) {
        const found = vocab(RATINGS, RATING_LABELS, text(field));
        if (found) rating = found;
        else notes.push(`Rating for ${g}: ${text(field)}`);
      }
      return [g, { rating, lock: 'none', earliestWeek: null, note: null }];
    }),
  ) as ExerciseDraft['suitability'];

  const tags = list('tags').map((t) => t.toLowerCase());
  const aliases = list('aliases');
  const usedColumns = new Set(Object.values(mapped));
  const given = text('clinicianNotes');
  for (const column of columns) {
    if (usedColumns.has(column)) continue;
    const value = asText(row[column]).trim();
    if (value) notes.push(`${column}: ${value}`);
  }
  const allNotes = [given, ...notes].filter(Boolean).join('\n');
  if (allNotes.length > MAX_NOTES) return { ok: false, reason: `its notes and unmapped columns come to more than ${MAX_NOTES} characters` };

  const draft = {
    clinicalName: text('clinicalName') || name,
    aliases,
    stage,
    region,
    position,
    equipment: equipment.length > 0 ? equipment : ['none'],
    text: {
      name,
      summary: text('summary'),
      startingPosition: text('startingPosition'),
      steps: list('steps'),
      cues: list('cues'),
      mistakes: list('mistakes'),
      precautions: list('precautions'),
    },
    dosage: {
      sets: wholeNumber(text('sets')) ?? 1,
      reps: wholeNumber(text('reps')),
      repsMax: null,
      holdSeconds: wholeNumber(text('holdSeconds')),
      durationSeconds: null,
      restSeconds: null,
      sessionsPerDay: 1,
      daysPerWeek: 7,
      load: null,
      side: 'both',
      tempo: null,
    },
    suitability,
    tags,
    sources: [],
    progressionIds: [],
    regressionIds: [],
    clinicianNotes: allNotes || null,
  };
  const parsed = ExerciseDraftSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, reason: reasonOf(describeZodError(parsed.error, { redact: false, limit: 2 })) };
  return { ok: true, draft: parsed.data, pictures: list('pictures') };
}

/** A schema complaint in the clinician's words: "text.summary: Too small" → "the summary is missing". */
function reasonOf(described: string): string {
  const words: Record<string, string> = {
    'text.summary': 'the summary',
    'text.startingPosition': 'the starting position',
    'text.steps': 'the steps',
    'text.name': 'the name',
    clinicalName: 'the clinical name',
  };
  const first = described.split('; ')[0];
  const [where, what = ''] = first.split(': ');
  const field = Object.entries(words).find(([k]) => where === k || where.startsWith(`${k}.`))?.[1];
  if (field && /small|least|empty/i.test(what)) return `${field} ${field.endsWith('s') ? 'are' : 'is'} missing`;
  return `it is not a valid exercise (${described})`;
}
