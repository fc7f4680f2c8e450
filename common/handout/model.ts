// What a patient handout says, decided before any layout: every sentence in each language the
// handout prints, from the issued version (its frozen program and exercises), the patient, the
// clinic's settings and the options. Pure, so it is tested without pdfkit and the worker receives
// plain data. Only the current stage's exercises print; the safety boxes are chosen here, once
// per handout, by the patient's regions, generators and surgeries (library audit §5.4).
import { EN_HANDOUT, type HandoutCopy, type HandoutLanguage } from '../copy/en-handout';
import { ES_HANDOUT } from '../copy/es-handout';
import { DEFAULT_PAIN_RULE, DEFAULT_STAGE_GOALS } from '../copy/en-program';
import type { ClinicSettings, PaperSize } from '../contract/settings';
import type { HandoutOptions } from '../contract/handouts';
import type { Exercise, ExerciseText } from '../domain/exercise';
import type { CustomFigure } from '../domain/figure';
import { altText } from '../figures/alt-text';
import { resolveCustomFigure } from '../figures/custom';
import { figureFor } from '../figures/library';
import type { FigureModel } from '../figures/pose';
import { activeGenerators, type PatientClinical } from '../domain/patient';
import { stageOf, type ProgramDoc } from '../domain/program';
import type { Stage } from '../domain/vocabulary';
import { effectiveDosage } from '../program/diff';
import { dosageSentence } from '../text/dosage-sentence';
import { withRoleNoun } from '../text/role';

export const COPY: Record<HandoutLanguage, HandoutCopy> = { en: EN_HANDOUT, es: ES_HANDOUT };

/** A translation of one built-in exercise (resources/translations/<locale>/exercises.json). */
export interface ExerciseTranslation {
  sourceContentVersion: number;
  text: ExerciseText;
}

/** Where a drawn figure comes from: a built-in's pose data by code, or a clinic's own poses. */
export type FigureSource = { code: string } | { custom: CustomFigure };

export interface HandoutPicture {
  /** A photo file the worker reads, or null for a figure or the placeholder. */
  file: string | null;
  /** The figure drawn as vectors when there is no photo (its start or end pose). */
  figure?: { source: FigureSource; frame: 'start' | 'end' };
  /** A short word under the picture ("Start", "End"); none for photos and the placeholder. */
  caption?: string;
  alt: string;
}

/** One exercise's words in one language. */
export interface ExerciseWords {
  lang: string;
  name: string;
  start: string;
  steps: string[];
  cues: string[];
  dose: string;
  side: string;
  effort: string[];
  cautions: string[];
  note: string | null;
  /** Set when this Spanish column prints English text. */
  untranslatedNote: string | null;
  labels: Pick<HandoutCopy, 'start' | 'steps' | 'tips' | 'dose' | 'side' | 'effort' | 'caution'> & { note: string };
}

export interface HandoutExercise {
  itemId: string;
  number: number;
  /** "3. Bridge (continued)": the line atop a page an exercise too long for one page continues on. */
  continued: string;
  pictures: HandoutPicture[];
  /** What prints when none of the photos can be read: the figure, else the placeholder. */
  fallback: HandoutPicture[];
  /** One entry per column, in the handout's language order. */
  words: ExerciseWords[];
}

export interface BoxWords {
  lang: string;
  heading: string;
  intro: string | null;
  lines: string[];
}

export interface HandoutModel {
  title: string;
  lang: string;
  paper: PaperSize;
  largePrint: boolean;
  /** The language of each column, in order (two for a bilingual handout). */
  languages: HandoutLanguage[];
  header: {
    clinicName: string;
    address: string[];
    phone: string | null;
    /** Per language: the lines on the right (patient, date, version, clinician). */
    details: { lang: string; lines: string[] }[];
  };
  /** Per language. */
  titles: { lang: string; text: string }[];
  where: { lang: string; heading: string; paragraphs: string[]; readyHeading: string | null; criteria: string[] }[];
  exercisesHeading: { lang: string; text: string }[];
  noExercises: { lang: string; text: string }[];
  exercises: HandoutExercise[];
  boxes: { kind: 'pain' | 'stop' | 'surgery'; words: BoxWords[] }[];
  log: {
    words: { lang: string; heading: string; intro: string; week: string }[];
    days: string[];
    exerciseHeading: string;
    painHeading: string;
    painRowLabel: string;
    exercises: string[];
  };
  /** The footer's words per language, with {n} and {m} standing for the page and the page count. */
  pageLabel: string;
  /** Names of exercises printed in English in a Spanish handout. */
  untranslated: string[];
}

export interface HandoutInput {
  doc: ProgramDoc;
  versionNumber: number;
  exercises: Readonly<Record<string, Exercise>>;
  patient: { displayName: string; clinical: PatientClinical };
  settings: ClinicSettings;
  options: HandoutOptions;
  /** Spanish text of built-in exercises, by code. */
  translations: Readonly<Record<string, ExerciseTranslation>>;
  /** Photo files of each exercise, by exercise id (the service resolves them in the media store). */
  photos: Readonly<Record<string, string[]>>;
  /** A clinic's own figures (pose editor), by exercise id; built-in figures come from their code. */
  figures?: Readonly<Record<string, CustomFigure>>;
  today: string;
}

const languagesOf = (o: HandoutOptions): HandoutLanguage[] => (o.language === 'en+es' ? ['en', 'es'] : [o.language]);

/** The Spanish phrase for the neutral role, replaced by the clinic's role noun like the English one. */
const withRoleNounEs = (text: string, copy: HandoutCopy, roleNoun: string | null): string =>
  roleNoun?.trim()
    ? text.replace(/\b([Ss])u fisioterapeuta o quiropráctico\b/g, (_m, s: string) => `${s}${copy.role(roleNoun).slice(1)}`)
    : text;

/** Clinician-written text in English (goals, pain rule, notes) in a language: the default's translation, or English flagged. */
function clinicText(text: string, english: string, translated: string, lang: HandoutLanguage): { text: string; untranslated: boolean } {
  if (lang === 'en') return { text, untranslated: false };
  if (text.trim() === english.trim()) return { text: translated, untranslated: false };
  return { text, untranslated: true };
}

function exerciseText(ex: Exercise, lang: HandoutLanguage, input: HandoutInput): { text: ExerciseText; translated: boolean } {
  if (lang === 'en') return { text: ex.text, translated: true };
  const t = ex.code ? input.translations[ex.code] : undefined;
  return t && t.sourceContentVersion === ex.contentVersion ? { text: t.text, translated: true } : { text: ex.text, translated: false };
}

function stopLines(clinical: PatientClinical, copy: HandoutCopy): string[] {
  const generators = new Set(activeGenerators(clinical));
  const regions = new Set(clinical.regions);
  const lines: string[] = [];
  const spinalSurgery = clinical.surgeries.some((s) => s.procedure !== 'spinal-cord-stimulator');
  if (regions.has('lumbar') || regions.has('thoracic') || generators.has('post-fusion') || generators.has('post-decompression'))
    lines.push(copy.safety.lumbar);
  if (regions.has('cervical') || generators.has('post-acdf')) lines.push(copy.safety.neck);
  if (spinalSurgery) lines.push(copy.safety.afterSurgery);
  if (clinical.surgeries.some((s) => s.procedure === 'acdf')) lines.push(copy.safety.acdf);
  if (generators.has('scs')) lines.push(copy.safety.stimulator);
  return lines;
}

/**
 * The exercise's start and end figures (the clinic's own poses, else the built-in's), or null when
 * it has none. English alt text describes the position from the pose data; other languages name
 * the exercise and the pose in their own words.
 */
export function figurePictures(
  ex: Exercise,
  input: Pick<HandoutInput, 'figures'>,
  copy: HandoutCopy,
  name: string,
): HandoutPicture[] | null {
  const custom = input.figures?.[ex.id];
  let source: FigureSource | null = null;
  let model: FigureModel | null = null;
  if (custom) {
    source = { custom };
    model = resolveCustomFigure(custom);
  } else if (ex.code) {
    model = figureFor(ex.code);
    source = model ? { code: ex.code } : null;
  }
  if (!source || !model?.frames.start || !model.frames.end) return null;
  const description = altText(name, model);
  return (['start', 'end'] as const).map((frame) => ({
    file: null,
    figure: { source: source!, frame },
    caption: copy.figureCaption[frame],
    alt: copy.figureAlt(frame, name, description),
  }));
}

export function buildHandoutModel(input: HandoutInput): HandoutModel {
  const { doc, settings, patient, options } = input;
  const languages = languagesOf(options);
  const copies = languages.map((l) => COPY[l]);
  const roleNoun = settings.roleNoun;
  const current: Stage = doc.currentStage;
  const stage = stageOf(doc, current);
  const next = current < 4 ? stageOf(doc, (current + 1) as Stage) : null;
  const untranslated = new Set<string>();
  const surgical = patient.clinical.surgeries.some((s) => s.procedure !== 'spinal-cord-stimulator');

  const details = copies.map((c) => {
    const role = c.role(roleNoun).replace(/^(your|su) /, '');
    const lines = [`${c.patient}: ${patient.displayName}`, `${c.dateLabel}: ${c.date(input.today)}`, c.version(input.versionNumber)];
    if (settings.clinicianName) lines.push(c.clinicianLine(settings.clinicianName, role));
    return { lang: c.pdfLang, lines };
  });

  const where = copies.map((c) => {
    const goals = clinicText(stage.goals, DEFAULT_STAGE_GOALS[current], c.defaultGoals[current], c.language);
    const paragraphs = [c.currentStage(current, c.stageNames[current]), `${c.forLabel} ${goals.text}`];
    if (goals.untranslated) paragraphs.push(c.untranslated);
    if (!next) {
      paragraphs.push(c.lastStage);
      return { lang: c.pdfLang, heading: c.whereHeading, paragraphs, readyHeading: null, criteria: [] };
    }
    paragraphs.push(c.nextStage(next.stage, c.stageNames[next.stage]));
    const role = c.role(roleNoun);
    const criteria = stage.exit.required.map((cr) => c.criteria[cr.id] ?? c.criterionFallback(cr.label, role));
    return { lang: c.pdfLang, heading: c.whereHeading, paragraphs, readyHeading: c.readyWhen, criteria };
  });

  const exercises: HandoutExercise[] = stage.items.flatMap((item, index) => {
    const ex = input.exercises[item.exerciseId];
    if (!ex) return [];
    const dosage = effectiveDosage(ex.dosage, item);
    const words = copies.map((c): ExerciseWords => {
      const { text, translated } = exerciseText(ex, c.language, input);
      if (!translated) untranslated.add(ex.text.name);
      const role = c.role(roleNoun);
      const fix = (s: string): string => (c.language === 'en' || !translated ? withRoleNoun(s, roleNoun) : withRoleNounEs(s, c, roleNoun));
      const note = item.patientNote ? clinicText(item.patientNote, '', '', c.language) : null;
      const effort = [c.effortByStage[ex.stage]];
      if (dosage.load) effort.push(c.load(dosage.load));
      const name = item.variant ? `${text.name} (${item.variant})` : text.name;
      return {
        lang: translated ? c.pdfLang : EN_HANDOUT.pdfLang,
        name: fix(name),
        start: fix(text.startingPosition),
        steps: text.steps.map(fix),
        // Large print keeps two tips and the first caution, so an exercise still fits one page.
        cues: text.cues.slice(0, options.largePrint ? 2 : 3).map(fix),
        dose: dosageSentence(dosage, c),
        side: c.sides[dosage.side],
        effort,
        cautions: text.precautions.slice(0, options.largePrint ? 1 : 2).map(fix),
        note: note ? note.text : null,
        untranslatedNote: !translated || note?.untranslated ? c.untranslated : null,
        labels: {
          start: c.start,
          steps: c.steps,
          tips: c.tips,
          dose: c.dose,
          side: c.side,
          effort: c.effort,
          caution: c.caution,
          note: c.note(role),
        },
      };
    });
    const first = copies[0] as HandoutCopy;
    const photos = input.photos[ex.id] ?? [];
    const drawn = figurePictures(ex, input, first, (words[0] as ExerciseWords).name) ?? [
      { file: null, alt: first.placeholderAlt((words[0] as ExerciseWords).name) },
    ];
    // The clinician's photos win; the figure (else the placeholder) stands in when none can be read.
    const pictures: HandoutPicture[] =
      photos.length > 0
        ? photos.slice(0, 2).map((file, i) => ({ file, alt: first.photoAlt(ex.text.name, i + 1, Math.min(photos.length, 2)) }))
        : drawn;
    const continued = `${index + 1}. ${words.map((w) => w.name).join(' / ')} (${copies.map((c) => c.continued).join(' / ')})`;
    return [{ itemId: item.id, number: index + 1, continued, pictures, fallback: drawn, words }];
  });

  const boxes: HandoutModel['boxes'] = [
    {
      kind: 'pain',
      words: copies.map((c) => {
        const rule = clinicText(doc.painRule, DEFAULT_PAIN_RULE, c.defaultPainRule, c.language);
        return {
          lang: c.pdfLang,
          heading: c.painHeading,
          intro: null,
          lines: rule.untranslated ? [rule.text, c.untranslated] : [rule.text],
        };
      }),
    },
    {
      kind: 'stop',
      words: copies.map((c) => ({
        lang: c.pdfLang,
        heading: c.stopHeading(c.role(roleNoun)),
        intro: c.stopIntro,
        lines: stopLines(patient.clinical, c),
      })),
    },
  ];
  if (surgical)
    boxes.push({
      kind: 'surgery',
      words: copies.map((c) => ({ lang: c.pdfLang, heading: c.surgeryHeading, intro: null, lines: [c.surgeryText(c.role(roleNoun))] })),
    });

  const first = copies[0] as HandoutCopy;
  return {
    title: `${first.title}: ${patient.displayName}`,
    lang: first.pdfLang,
    paper: options.paper ?? settings.paperSize,
    largePrint: options.largePrint,
    languages,
    header: {
      clinicName: settings.clinicName,
      address: settings.address ? settings.address.split('\n') : [],
      phone: settings.phone ? `${copies.map((c) => c.phone).join(' / ')}: ${settings.phone}` : null,
      details,
    },
    titles: copies.map((c) => ({ lang: c.pdfLang, text: c.title })),
    where,
    exercisesHeading: copies.map((c) => ({ lang: c.pdfLang, text: c.exercisesHeading })),
    noExercises: copies.map((c) => ({ lang: c.pdfLang, text: c.noExercises })),
    exercises,
    boxes,
    log: {
      words: copies.map((c) => ({ lang: c.pdfLang, heading: c.logHeading, intro: c.logIntro, week: c.logWeek })),
      days: [1, 2, 3, 4, 5, 6, 7].map((n) => copies.map((c) => c.logDay(n)).join(' / ')),
      exerciseHeading: copies.map((c) => c.logExercise).join(' / '),
      painHeading: copies.map((c) => c.logPain).join(' / '),
      painRowLabel: copies.map((c) => c.logPainHint).join(' / '),
      exercises: exercises.map((e) => `${e.number}. ${e.words.map((w) => w.name).join(' / ')}`),
    },
    pageLabel: copies.map((c) => c.page(-1, -2).replace('-1', '{n}').replace('-2', '{m}')).join(' · '),
    untranslated: [...untranslated],
  };
}
