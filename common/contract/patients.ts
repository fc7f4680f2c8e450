// Calls for patients: the record a program is built for. Everything in a patient record is
// identifying: dispatch never logs arguments, and messages never echo them.
import { z } from 'zod';
import { PatientClinicalSchema, type PatientClinical, type PatientRegion } from '../domain/patient';
import { call, Id } from './define';

export const PatientInputSchema = z
  .object({
    /** Initials or an identifier are enough. */
    displayName: z.string().trim().min(1, 'Give the patient a display name (initials are enough)').max(80),
    fullName: z.string().trim().min(1).max(160).nullable(),
    dateOfBirth: z.iso.date('Use a date like 1961-04-23').nullable(),
    clinical: PatientClinicalSchema,
    notes: z.string().trim().max(2000).nullable(),
  })
  .strict();
export type PatientInput = z.infer<typeof PatientInputSchema>;

export interface Patient extends PatientInput {
  id: string;
  archived: boolean;
  /** Rises by one on every saved change; an update sends it back to detect a stale form. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface PatientSummary {
  id: string;
  displayName: string;
  fullName: string | null;
  pspsType: 1 | 2;
  regions: PatientRegion[];
  /** Weeks since the most recent surgery or implant, today; null without a dated one. */
  weeksSinceSurgery: number | null;
  /** An urgent red flag answered yes and not yet resolved, or an emergency one. */
  openRedFlag: boolean;
  programCount: number;
  archived: boolean;
  updatedAt: string;
}

export type { PatientClinical };

export const patientCalls = {
  'patients.list': call<PatientSummary[]>()(
    z
      .object({
        query: z.string().trim().max(80).default(''),
        includeArchived: z.boolean().default(false),
      })
      .strict(),
  ),
  'patients.get': call<Patient>()(z.object({ id: Id }).strict()),
  'patients.create': call<Patient>()(z.object({ patient: PatientInputSchema }).strict()),
  'patients.update': call<Patient>()(z.object({ id: Id, revision: z.number().int().min(1), patient: PatientInputSchema }).strict()),
  'patients.setArchived': call<Patient>()(z.object({ id: Id, archived: z.boolean() }).strict()),
};
