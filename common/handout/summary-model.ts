// What the clinician summary says, decided before layout (pure, like model.ts): the patient's
// clinical picture (PSPS type, regions, surgeries with weeks since, generators, the red-flag
// screen), every safety flag the issued version stored with its acknowledgement, the objective
// tests (baseline, latest, change against the MCID, the values for a small chart), the current
// stage's exit criteria met or not, and every stage's program with its full dose. English only:
// the summary is for the clinic's file.
import { describeRule } from '../assessments/change';
import { changeInWords, chronological, toMeasurements, type RecordedValue } from '../assessments/measurements';
import { catalogueMeasure, gateMeasure } from '../assessments/recording';
import type { ClinicSettings, PaperSize } from '../contract/settings';
import { GATE_STATUS_LABELS } from '../copy/en-assessments';
import { GENERATOR_LABELS, STAGE_LABELS } from '../copy/en';
import {
  ANSWER_LABELS,
  CLEARANCE_LABELS,
  EMERGENCY_FLAG_LABELS,
  PATIENT_REGION_LABELS,
  PROCEDURE_LABELS,
  PSPS_TYPE_LABELS,
  URGENT_FLAG_LABELS,
} from '../copy/en-safety';
import type { Exercise } from '../domain/exercise';
import { activeGenerators, weeksSince, type PatientClinical } from '../domain/patient';
import { stageOf, type ProgramDoc } from '../domain/program';
import { STAGES } from '../domain/vocabulary';
import { effectiveDosage } from '../program/diff';
import { evaluateGate, type GateDefinition } from '../safety/gates';
import type { Flag, ProgramFlags } from '../safety/rules';
import { dosageFrequency, dosageHeadline } from '../text/dosage';

export interface SummaryInput {
  doc: ProgramDoc;
  versionNumber: number;
  issuedAt: string;
  clinician: string;
  exercises: Readonly<Record<string, Exercise>>;
  /** The flags stored on the issued version. */
  flags: ProgramFlags;
  patient: { displayName: string; clinical: PatientClinical };
  measurements: readonly RecordedValue[];
  settings: ClinicSettings;
  paper: PaperSize | null;
  today: string;
}

export interface SummaryFlag {
  severity: string;
  /** The exercise it is on, or null for a program-wide flag. */
  exercise: string | null;
  reason: string;
  /** "Acknowledged 2026-11-20: …", "Not acknowledged", or what an info flag or block needs. */
  acknowledgement: string;
}

export interface SummaryTest {
  name: string;
  baseline: string;
  latest: string;
  change: string;
  mcid: string;
  /** Every recorded value in date order, for the small chart. */
  values: number[];
  /** Whether a higher value is better (the chart marks the better direction); null: no direction. */
  higherIsBetter: boolean | null;
}

export interface SummaryItem {
  number: number;
  name: string;
  code: string | null;
  dose: string;
  frequency: string;
  extras: string[];
}

export interface SummaryModel {
  title: string;
  paper: PaperSize;
  clinicName: string;
  heading: string;
  headerLines: string[];
  patientLines: { label: string; value: string }[];
  surgeries: string[];
  redFlags: string[];
  flags: SummaryFlag[];
  tests: SummaryTest[];
  exitHeading: string;
  exitStatus: string;
  criteria: { label: string; role: string; status: string }[];
  stages: { heading: string; current: boolean; items: SummaryItem[] }[];
  pageLabel: string;
}

const SEVERITY_WORDS: Record<Flag['severity'], string> = { block: 'Block', 'needs-ack': 'To acknowledge', info: 'Information' };
const ROLE_WORDS = { required: 'Required', supporting: 'Supporting', advisory: 'Advisory' } as const;

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function measureName(id: string): string {
  const m = catalogueMeasure(id);
  if (m) return m.abbreviation === m.name ? m.name : `${m.name} (${m.abbreviation})`;
  return gateMeasure(id)?.label ?? id;
}

function valueWithUnit(id: string, value: number): string {
  const m = catalogueMeasure(id);
  if (!m) return fmt(value);
  return m.unit === 'percent' ? `${fmt(value)}%` : `${fmt(value)} ${m.unit}`;
}

function redFlagLines(clinical: PatientClinical): string[] {
  const screen = clinical.redFlags;
  const lines = [screen.date ? `Screened ${screen.date}.` : 'Not yet screened.'];
  const emergencyYes = Object.entries(screen.emergency).filter(([, a]) => a !== 'no');
  lines.push(
    emergencyYes.length === 0
      ? 'Emergency signs: all answered no.'
      : `Emergency signs: ${emergencyYes.map(([f, a]) => `${EMERGENCY_FLAG_LABELS[f as keyof typeof EMERGENCY_FLAG_LABELS]}: ${ANSWER_LABELS[a]}`).join('; ')}.`,
  );
  const urgent = Object.entries(screen.urgent).filter(([, a]) => a.answer !== 'no');
  lines.push(
    urgent.length === 0
      ? 'Urgent signs: all answered no.'
      : `Urgent signs: ${urgent
          .map(
            ([f, a]) =>
              `${URGENT_FLAG_LABELS[f as keyof typeof URGENT_FLAG_LABELS]}: ${ANSWER_LABELS[a.answer]}${a.resolution ? ` (dealt with ${a.resolution.date}: ${a.resolution.note})` : ''}`,
          )
          .join('; ')}.`,
  );
  return lines;
}

function surgeryLines(clinical: PatientClinical, today: string): string[] {
  return clinical.surgeries.map((s) => {
    const what = s.procedure === 'other' && s.description ? s.description : PROCEDURE_LABELS[s.procedure];
    const levels = s.levels.length > 0 ? ` ${s.levels.join(', ')}` : '';
    const when = s.date ? `${s.date}, ${weeksSince(s.date, today)} weeks ago` : 'date not known';
    return `${what}${levels} (${when}); surgeon's clearance: ${CLEARANCE_LABELS[s.clearance.status]}`;
  });
}

function flagRows(input: SummaryInput): SummaryFlag[] {
  const acks = new Map(input.doc.acknowledgements.map((a) => [a.flagId, a]));
  const itemName = (itemId: string): string => {
    for (const st of input.doc.stages) {
      const item = st.items.find((i) => i.id === itemId);
      if (item) return `${input.exercises[item.exerciseId]?.text.name ?? 'Removed exercise'} (stage ${st.stage})`;
    }
    return 'An exercise';
  };
  const row = (f: Flag, exercise: string | null): SummaryFlag => {
    const ack = acks.get(f.id);
    const acknowledgement = ack
      ? `Acknowledged ${ack.date}: ${ack.note}`
      : f.severity === 'needs-ack'
        ? 'Not acknowledged'
        : f.severity === 'block'
          ? 'Blocks this exercise; cannot be acknowledged'
          : 'For information';
    return { severity: SEVERITY_WORDS[f.severity], exercise, reason: f.reason, acknowledgement };
  };
  return [
    ...input.flags.program.map((f) => row(f, null)),
    ...input.flags.items.flatMap((i) => i.flags.map((f) => row(f, itemName(i.itemId)))),
  ];
}

function testRows(records: readonly RecordedValue[]): SummaryTest[] {
  const byMeasure = new Map<string, RecordedValue[]>();
  for (const r of chronological(records)) byMeasure.set(r.measureId, [...(byMeasure.get(r.measureId) ?? []), r]);
  return [...byMeasure.entries()].map(([id, rs]) => {
    const first = rs[0] as RecordedValue;
    const latest = rs[rs.length - 1] as RecordedValue;
    const change = changeInWords(id, rs);
    const m = catalogueMeasure(id);
    const rule = m?.change.default;
    return {
      name: measureName(id),
      baseline: `${valueWithUnit(id, first.value)} (${first.date})`,
      latest: rs.length > 1 ? `${valueWithUnit(id, latest.value)} (${latest.date})` : 'Only one recording',
      change: change ? change.text : 'Needs a second recording',
      mcid: rule ? describeRule(rule) : 'Not known',
      values: rs.map((r) => r.value),
      higherIsBetter: !m || m.direction === 'none' ? null : m.direction === 'higher-better',
    };
  });
}

export function buildSummaryModel(input: SummaryInput): SummaryModel {
  const { doc, patient, settings, today } = input;
  const clinical = patient.clinical;
  const stage = doc.currentStage;
  const current = stageOf(doc, stage);
  const definition: GateDefinition = {
    from: stage,
    region: doc.gateRegion,
    required: current.exit.required,
    supporting: current.exit.supporting,
    minSupporting: current.exit.minSupporting,
  };
  const gate = evaluateGate(stage, definition, toMeasurements(input.measurements), { patient: clinical, today });
  const generators = activeGenerators(clinical);
  const title = `Clinician summary: ${patient.displayName}`;
  return {
    title,
    paper: input.paper ?? settings.paperSize,
    clinicName: settings.clinicName,
    heading: title,
    headerLines: [
      `${doc.title}, version ${input.versionNumber}, issued ${input.issuedAt.slice(0, 10)} by ${input.clinician}`,
      `Printed ${today}`,
    ],
    patientLines: [
      { label: 'Patient', value: patient.displayName },
      { label: 'PSPS type', value: PSPS_TYPE_LABELS[clinical.pspsType] },
      { label: 'Regions', value: clinical.regions.map((r) => PATIENT_REGION_LABELS[r]).join(', ') },
      { label: 'Pain generators', value: generators.length > 0 ? generators.map((g) => GENERATOR_LABELS[g]).join(', ') : 'None recorded' },
      { label: 'Current stage', value: `${stage}: ${STAGE_LABELS[stage]}` },
    ],
    surgeries: clinical.surgeries.length > 0 ? surgeryLines(clinical, today) : ['No surgery recorded.'],
    redFlags: redFlagLines(clinical),
    flags: flagRows(input),
    tests: testRows(input.measurements),
    exitHeading: stage < 4 ? `Leaving stage ${stage} for stage ${stage + 1}` : `Leaving stage ${stage} (discharge)`,
    exitStatus: `${gate.status === 'met' ? 'Ready' : gate.status === 'not-met' ? 'Not ready' : 'Not yet decided'}: ${gate.supportingMet} of ${gate.minSupporting} supporting criteria met.`,
    criteria: gate.criteria.map((c) => ({ label: c.label, role: ROLE_WORDS[c.role], status: GATE_STATUS_LABELS[c.status] })),
    stages: STAGES.map((s) => {
      const st = stageOf(doc, s);
      return {
        heading: `Stage ${s}: ${STAGE_LABELS[s]}${s === stage ? ' (current)' : ''}`,
        current: s === stage,
        items: st.items.flatMap((item, i) => {
          const ex = input.exercises[item.exerciseId];
          if (!ex) return [];
          const d = effectiveDosage(ex.dosage, item);
          const extras = [
            ...(d.restSeconds !== null ? [`Rest ${d.restSeconds} s between sets`] : []),
            ...(d.load ? [`Load: ${d.load}`] : []),
            ...(item.painRule ? [`Pain rule: ${item.painRule}`] : []),
            ...(item.clinicianNote ? [`Clinician note: ${item.clinicianNote}`] : []),
            ...(item.patientNote ? [`Patient note: ${item.patientNote}`] : []),
          ];
          const name = item.variant ? `${ex.text.name} (${item.variant})` : ex.text.name;
          return [{ number: i + 1, name, code: ex.code, dose: dosageHeadline(d), frequency: dosageFrequency(d), extras }];
        }),
      };
    }),
    pageLabel: 'Page {n} of {m}',
  };
}
