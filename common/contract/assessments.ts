// Calls for objective tests and outcome measures (issue 10, "Objective tests"). A recording is
// scored by the service with the kernel (common/assessments/recording.ts): a score the renderer
// computed is never trusted. Recordings are patient data: never logged, never echoed in messages.
import { z } from 'zod';
import { call, Id } from './define';

/** Largest detail of one recording (item answers, sides, trials), as JSON text in UTF-8. */
export const MAX_DETAIL_BYTES = 8 * 1024;

const jsonBytes = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v) ?? '').length;

export const MeasureId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A measure id is lower-case words joined by hyphens')
  .max(64);

export interface Measurement {
  id: string;
  measureId: string;
  /** The day the test was done (ISO). */
  date: string;
  /** The score or value the service computed. */
  value: number;
  /** What was entered, with the scorer's results beside it. */
  detail: Record<string, unknown>;
  createdAt: string;
}

export const assessmentCalls = {
  'assessments.list': call<Measurement[]>()(z.object({ patientId: Id }).strict()),
  'assessments.record': call<Measurement>()(
    z
      .object({
        patientId: Id,
        measureId: MeasureId,
        date: z.iso.date('Use a date like 2026-03-14'),
        value: z.number().finite().nullable().optional(),
        detail: z
          .record(z.string(), z.json())
          .refine((v) => jsonBytes(v) <= MAX_DETAIL_BYTES, `The detail of one test can be up to ${MAX_DETAIL_BYTES / 1024} KB`)
          .nullable()
          .optional(),
      })
      .strict(),
  ),
  'assessments.remove': call<{ removed: true }>()(z.object({ patientId: Id, id: Id }).strict()),
};
