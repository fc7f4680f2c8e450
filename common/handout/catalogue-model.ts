// The library catalogue's content, before layout: every exercise the library screen's filter
// finds, in its order, with its picture (the clinician's photo, else the figure, else a
// placeholder), clinical and patient names, stage, one dosage line and the ratings for the
// filter's generators (all seven when the filter names none). For a clinic's printed binder;
// English, like the clinician summary. Pure: the service reads the library, the worker lays it out.
import type { ClinicSettings, PaperSize } from '../contract/settings';
import { EQUIPMENT_LABELS, GENERATOR_LABELS, lockText, POSITION_LABELS, RATING_LABELS, REGION_LABELS, STAGE_LABELS } from '../copy/en';
import { EN_HANDOUT } from '../copy/en-handout';
import type { CustomFigure } from '../domain/figure';
import type { Exercise } from '../domain/exercise';
import type { SearchFilters } from '../domain/search';
import { GENERATORS, type Generator } from '../domain/vocabulary';
import { dosageFrequency, dosageHeadline } from '../text/dosage';
import { figurePictures, type HandoutPicture } from './model';

export interface CatalogueInput {
  /** The filter's matches, in the library's order. */
  exercises: Exercise[];
  query: string;
  filters: SearchFilters;
  /** Photo files by exercise id (the first two print). */
  photos: Readonly<Record<string, string[]>>;
  /** A clinic's own figures (pose editor), by exercise id. */
  figures?: Readonly<Record<string, CustomFigure>>;
  settings: Pick<ClinicSettings, 'clinicName' | 'paperSize'>;
  paper: PaperSize | null;
  today: string;
}

export interface CatalogueEntry {
  /** The exercise id. */
  key: string;
  /** "L1-01 McGill curl-up" (the code when it has one). */
  heading: string;
  patientName: string;
  stage: string;
  dose: string;
  frequency: string;
  /** One line per generator: "Disc loading: Suits" (with its lock). */
  ratings: string[];
  pictures: HandoutPicture[];
  /** What prints when none of the photos can be read. */
  fallback: HandoutPicture[];
}

export interface CatalogueModel {
  title: string;
  paper: PaperSize;
  lang: string;
  clinicName: string;
  heading: string;
  headerLines: string[];
  entries: CatalogueEntry[];
  /** Said when the filter finds nothing. */
  empty: string;
  pageLabel: string;
}

const list = <T extends string | number>(values: T[], label: (v: T) => string): string => values.map(label).join(', ');

/** The filter in words, for the catalogue's header ("All exercises" when it is open). */
export function filterWords(query: string, f: SearchFilters): string {
  const parts: string[] = [];
  if (query.trim()) parts.push(`Search “${query.trim()}”`);
  if (f.stages.length > 0) parts.push(`Stages ${f.stages.join(', ')}`);
  if (f.regions.length > 0) parts.push(list(f.regions, (r) => REGION_LABELS[r]));
  if (f.positions.length > 0) parts.push(list(f.positions, (p) => POSITION_LABELS[p]));
  if (f.equipment.length > 0) parts.push(list(f.equipment, (e) => EQUIPMENT_LABELS[e]));
  if (f.generators.length > 0) parts.push(`${RATING_LABELS[f.minRating]} or better for ${list(f.generators, (g) => GENERATOR_LABELS[g])}`);
  if (f.origins.length > 0) parts.push(`Origin: ${f.origins.join(', ')}`);
  if (f.includeArchived) parts.push('Archived included');
  return parts.length > 0 ? parts.join(' · ') : 'All exercises';
}

function ratingLine(ex: Exercise, g: Generator): string {
  const s = ex.suitability[g];
  const lock = lockText(s.lock, s.earliestWeek);
  return `${GENERATOR_LABELS[g]}: ${RATING_LABELS[s.rating]}${lock ? ` (${lock.toLowerCase()})` : ''}`;
}

export function buildCatalogueModel(input: CatalogueInput): CatalogueModel {
  const generators = input.filters.generators.length > 0 ? input.filters.generators : [...GENERATORS];
  const copy = EN_HANDOUT;
  const entries = input.exercises.map((ex): CatalogueEntry => {
    const drawn = figurePictures(ex, input, copy, ex.text.name) ?? [{ file: null, alt: copy.placeholderAlt(ex.text.name) }];
    const photos = input.photos[ex.id] ?? [];
    const pictures: HandoutPicture[] =
      photos.length > 0
        ? photos.slice(0, 2).map((file, i) => ({ file, alt: copy.photoAlt(ex.text.name, i + 1, Math.min(photos.length, 2)) }))
        : drawn;
    const also = ex.alsoStages?.length ? ` (also ${ex.alsoStages.join(', ')})` : '';
    return {
      key: ex.id,
      heading: ex.code ? `${ex.code} ${ex.clinicalName}` : ex.clinicalName,
      patientName: ex.text.name,
      stage: `Stage ${ex.stage}: ${STAGE_LABELS[ex.stage]}${also} · ${REGION_LABELS[ex.region]}`,
      dose: dosageHeadline(ex.dosage),
      frequency: dosageFrequency(ex.dosage),
      ratings: generators.map((g) => ratingLine(ex, g)),
      pictures,
      fallback: drawn,
    };
  });
  const count = entries.length === 1 ? '1 exercise' : `${entries.length} exercises`;
  return {
    title: 'Exercise library catalogue',
    paper: input.paper ?? input.settings.paperSize,
    lang: 'en-US',
    clinicName: input.settings.clinicName,
    heading: 'Exercise library catalogue',
    headerLines: [`${filterWords(input.query, input.filters)}: ${count}`, `Printed ${input.today}`],
    entries,
    empty: 'No exercises match this filter.',
    pageLabel: 'Page {n} of {m}',
  };
}
