// Recording objective tests for a patient. Every recording is checked and scored here with the
// kernel (common/assessments/recording.ts) before it is stored; nothing the renderer computed is
// kept. Messages name the measure and the problem, never the patient.
import { randomUUID } from 'node:crypto';
import { scoreEntry } from '../../common/assessments/recording';
import type { Measurement, ParsedArgsOf } from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import { deleteMeasurement, insertMeasurement, listMeasurements, patientSeq, type MeasurementRow } from '../../db/queries/measurements';
import type { ServiceContext } from '../context';

const toMeasurement = (row: MeasurementRow): Measurement => ({
  id: row.id,
  measureId: row.measureId,
  date: row.date,
  value: row.value,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  createdAt: row.createdAt,
});

function requirePatient(ctx: ServiceContext, patientId: string): number {
  const seq = patientSeq(ctx.db, patientId);
  if (seq === null) throw new ServiceError('not_found', 'That patient is not in this library (it may have been deleted).');
  return seq;
}

export function listAssessments(ctx: ServiceContext, args: ParsedArgsOf<'assessments.list'>): Measurement[] {
  return listMeasurements(ctx.db, requirePatient(ctx, args.patientId)).map(toMeasurement);
}

export function recordAssessment(ctx: ServiceContext, args: ParsedArgsOf<'assessments.record'>): Measurement {
  const seq = requirePatient(ctx, args.patientId);
  const now = ctx.now();
  // A day of slack: the clock is UTC, and the clinic's own day may already be tomorrow there.
  const latestDay = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (args.date > latestDay) throw new ServiceError('invalid_argument', `A test date cannot be in the future; got ${args.date}`);
  const scored = scoreEntry(args.measureId, { value: args.value, detail: args.detail as Record<string, unknown> | null | undefined });
  if (!scored.ok) throw new ServiceError('invalid_argument', scored.error.message);
  const row: MeasurementRow = {
    id: randomUUID(),
    measureId: args.measureId,
    date: args.date,
    value: scored.value.value,
    detail: JSON.stringify(scored.value.detail),
    createdAt: now.toISOString(),
  };
  insertMeasurement(ctx.db, seq, row);
  return toMeasurement(row);
}

export function removeAssessment(ctx: ServiceContext, args: ParsedArgsOf<'assessments.remove'>): { removed: true } {
  const seq = requirePatient(ctx, args.patientId);
  if (!deleteMeasurement(ctx.db, seq, args.id)) throw new ServiceError('not_found', 'That test result is not recorded for this patient.');
  return { removed: true };
}
