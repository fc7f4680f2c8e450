// The patient form's model: strings as the inputs hold them, converted to a PatientInput and checked
// (patient-validation.ts) with the same schema the services use. The whole Patients section loads
// on first visit (features/patients/index.tsx), so the app's first screen stays without it.
import type { Patient, PatientInput } from '../../../../common/contract/patients';
import {
  emptyRedFlagScreen,
  weeksSince,
  type Approach,
  type ClinicalGenerator,
  type GeneratorSite,
  type LeadLevel,
  type LiftingLimit,
  type PatientRegion,
  type Procedure,
  type RedFlagScreen,
  type RestrictionKind,
  type RestrictionUntil,
  type Surgery,
  type SurgeonRestriction,
  type Clearance,
} from '../../../../common/domain/patient';

export interface RestrictionForm {
  kind: RestrictionKind;
  /** Only for a lifting limit. */
  limitValue: string;
  limitUnit: LiftingLimit['unit'];
  untilKind: RestrictionUntil['kind'];
  untilWeek: string;
  untilDate: string;
  clearedOn: string;
  note: string;
}

export interface SurgeryForm {
  id: string;
  procedure: Procedure;
  description: string;
  /** As typed: "L4-L5, L5-S1". */
  levels: string;
  multilevel: boolean;
  approach: Approach;
  /** YYYY-MM-DD, as a date input holds it; empty when not known. */
  date: string;
  /** Only for a spinal cord stimulator; empty when not known. */
  leadLevel: LeadLevel | '';
  generatorSite: GeneratorSite | '';
  clearanceStatus: Clearance['status'];
  clearanceDate: string;
  clearanceNote: string;
  restrictions: RestrictionForm[];
  otherRestrictions: string;
}

export interface PatientForm {
  displayName: string;
  fullName: string;
  dateOfBirth: string;
  pspsType: 1 | 2;
  regions: PatientRegion[];
  generators: ClinicalGenerator[];
  surgeries: SurgeryForm[];
  notes: string;
  /** Kept as it is: the red-flag screen has its own panel (RedFlagPanel). */
  redFlags: RedFlagScreen;
}

/** Errors keyed by the form field they belong to ("displayName", "surgeries.0.levels"). */
export type FormErrors = Record<string, string>;

const text = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const date = (s: string): string | null => (s.trim() === '' ? null : s.trim());
/** A number as typed; blank is null and anything unreadable NaN, which the schema refuses. */
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));
const str = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

let counter = 0;
/** A surgery's id: unique in the record (the schema refuses two alike). */
export function newSurgeryId(): string {
  counter += 1;
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `surgery-${Date.now()}-${counter}`;
}

/** Today as a calendar day on this computer (YYYY-MM-DD), the way a clinician reads the date. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyPatientForm(): PatientForm {
  return {
    displayName: '',
    fullName: '',
    dateOfBirth: '',
    pspsType: 1,
    regions: [],
    generators: [],
    surgeries: [],
    notes: '',
    redFlags: emptyRedFlagScreen(),
  };
}

export function emptyRestriction(kind: RestrictionKind = 'no-loaded-flexion'): RestrictionForm {
  return { kind, limitValue: '', limitUnit: 'lb', untilKind: 'cleared', untilWeek: '', untilDate: '', clearedOn: '', note: '' };
}

export function emptySurgery(): SurgeryForm {
  return {
    id: newSurgeryId(),
    procedure: 'microdiscectomy',
    description: '',
    levels: '',
    multilevel: false,
    approach: 'unknown',
    date: '',
    leadLevel: '',
    generatorSite: '',
    clearanceStatus: 'unknown',
    clearanceDate: '',
    clearanceNote: '',
    restrictions: [],
    otherRestrictions: '',
  };
}

function restrictionForm(r: SurgeonRestriction): RestrictionForm {
  const u = r.until;
  return {
    kind: r.kind,
    limitValue: str(r.limit?.value),
    limitUnit: r.limit?.unit ?? 'lb',
    untilKind: u.kind,
    untilWeek: u.kind === 'week' ? String(u.week) : '',
    untilDate: u.kind === 'date' ? u.date : '',
    clearedOn: u.kind === 'cleared' ? (u.clearedOn ?? '') : '',
    note: r.note ?? '',
  };
}

function surgeryForm(s: Surgery): SurgeryForm {
  return {
    id: s.id,
    procedure: s.procedure,
    description: s.description ?? '',
    levels: s.levels.join(', '),
    multilevel: s.multilevel,
    approach: s.approach,
    date: s.date ?? '',
    leadLevel: s.stimulator?.leadLevel ?? '',
    generatorSite: s.stimulator?.generatorSite ?? '',
    clearanceStatus: s.clearance.status,
    clearanceDate: s.clearance.date ?? '',
    clearanceNote: s.clearance.note ?? '',
    restrictions: s.restrictions.map(restrictionForm),
    otherRestrictions: s.otherRestrictions ?? '',
  };
}

export function formFromPatient(p: Patient | PatientInput): PatientForm {
  return {
    displayName: p.displayName,
    fullName: p.fullName ?? '',
    dateOfBirth: p.dateOfBirth ?? '',
    pspsType: p.clinical.pspsType,
    regions: [...p.clinical.regions],
    generators: [...p.clinical.generators],
    surgeries: p.clinical.surgeries.map(surgeryForm),
    notes: p.notes ?? '',
    redFlags: p.clinical.redFlags,
  };
}

/** "L4-L5, L5-S1" (or with spaces, semicolons, en dashes, lower case) as a list of levels. */
export function parseLevels(s: string): string[] {
  return s
    .replace(/[–—]/g, '-')
    .split(/[\s,;]+/)
    .map((l) => l.trim().toUpperCase())
    .filter((l) => l.length > 0);
}

function untilFromForm(r: RestrictionForm): unknown {
  if (r.untilKind === 'week') return { kind: 'week', week: num(r.untilWeek) };
  if (r.untilKind === 'date') return { kind: 'date', date: date(r.untilDate) };
  return { kind: 'cleared', clearedOn: date(r.clearedOn) };
}

function surgeryFromForm(s: SurgeryForm): unknown {
  return {
    id: s.id,
    procedure: s.procedure,
    description: text(s.description),
    levels: parseLevels(s.levels),
    multilevel: s.multilevel,
    approach: s.approach,
    date: date(s.date),
    stimulator:
      s.procedure === 'spinal-cord-stimulator' ? { leadLevel: s.leadLevel || null, generatorSite: s.generatorSite || null } : null,
    clearance: { status: s.clearanceStatus, date: date(s.clearanceDate), note: text(s.clearanceNote) },
    restrictions: s.restrictions.map((r) => ({
      kind: r.kind,
      limit: r.kind === 'lifting-limit' ? { value: num(r.limitValue), unit: r.limitUnit } : null,
      until: untilFromForm(r),
      note: text(r.note),
    })),
    otherRestrictions: text(s.otherRestrictions),
  };
}

/** What the form would save, before checking (the schema decides whether it is a PatientInput). */
export function inputFromForm(f: PatientForm): unknown {
  return {
    displayName: f.displayName.trim(),
    fullName: text(f.fullName),
    dateOfBirth: date(f.dateOfBirth),
    clinical: {
      pspsType: f.pspsType,
      regions: f.regions,
      generators: f.generators,
      surgeries: f.surgeries.map(surgeryFromForm),
      redFlags: f.redFlags,
    },
    notes: text(f.notes),
  };
}

/** Whether the form holds changes worth keeping, compared as what each would save. */
export function formsDiffer(opened: PatientForm, current: PatientForm): boolean {
  return JSON.stringify(inputFromForm(opened)) !== JSON.stringify(inputFromForm(current));
}

/** Adds or removes a value of a multiple choice, keeping the vocabulary's order. */
export function toggleIn<T extends string>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
  return order.filter((x) => next.includes(x));
}

/** Weeks since a surgery's date as typed, today; null when the date is missing or unreadable. */
export function surgeryWeeks(dateText: string, today: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? weeksSince(dateText, today) : null;
}

/** The most recent dated surgery's weeks (the clock "weeks since surgery" shows), or null. */
export function latestSurgeryWeeks(surgeries: readonly { date: string | null }[], today: string): number | null {
  const dated = surgeries.map((s) => s.date ?? '').filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (dated.length === 0) return null;
  const latest = dated.reduce((a, b) => (a > b ? a : b));
  return weeksSince(latest, today);
}

const FIELD_NAMES: Record<string, string> = {
  displayName: 'Display name',
  fullName: 'Full name',
  dateOfBirth: 'Date of birth',
  pspsType: 'PSPS type',
  regions: 'Regions',
  generators: 'Pain generators',
  surgeries: 'Surgeries',
  notes: 'Notes',
};

const SURGERY_FIELD_NAMES: Record<string, string> = {
  description: 'description',
  levels: 'levels',
  date: 'date',
  stimulator: 'stimulator',
  'clearance.date': 'clearance date',
  'clearance.note': 'clearance note',
  otherRestrictions: 'other restrictions',
};

/** The words for an error's field: "Surgery 1 levels", "Surgery 2, restriction 1". */
export function fieldLabel(key: string): string {
  if (FIELD_NAMES[key]) return FIELD_NAMES[key];
  const m = /^surgeries\.(\d+)\.(.+)$/.exec(key);
  if (!m) return key;
  const surgery = `Surgery ${Number(m[1]) + 1}`;
  const r = /^restrictions\.(\d+)/.exec(m[2]);
  if (r) return `${surgery}, restriction ${Number(r[1]) + 1}`;
  return `${surgery} ${SURGERY_FIELD_NAMES[m[2]] ?? m[2]}`;
}
