// Patients. Everything here is identifying: nothing is logged, and refusals never echo a value.
import { randomUUID } from 'node:crypto';
import type { ParsedArgsOf, Patient, PatientInput, PatientSummary } from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import { hasOpenRedFlag, localDay, weeksSinceLatestSurgery, type PatientClinical } from '../../common/domain/patient';
import { insertPatient, listPatients, readPatient, setPatientArchived, updatePatient, type PatientRow } from '../../db/queries/patients';
import type { ServiceContext } from '../context';

const toPatient = (row: PatientRow): Patient => ({
  id: row.id,
  displayName: row.displayName,
  fullName: row.fullName,
  dateOfBirth: row.dateOfBirth,
  clinical: JSON.parse(row.clinical) as PatientClinical,
  notes: row.notes,
  archived: row.archived,
  revision: row.revision,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const toSummary = (row: PatientRow, today: string): PatientSummary => {
  const clinical = JSON.parse(row.clinical) as PatientClinical;
  return {
    id: row.id,
    displayName: row.displayName,
    fullName: row.fullName,
    pspsType: clinical.pspsType,
    regions: clinical.regions,
    weeksSinceSurgery: weeksSinceLatestSurgery(clinical.surgeries, today),
    openRedFlag: hasOpenRedFlag(clinical.redFlags),
    programCount: row.programCount,
    archived: row.archived,
    updatedAt: row.updatedAt,
  };
};

const NOT_FOUND = 'That patient is not in this clinic’s records (it may have been removed in another window).';

export function patientRowOrNotFound(ctx: ServiceContext, id: string): PatientRow {
  const row = readPatient(ctx.db, id);
  if (!row) throw new ServiceError('not_found', NOT_FOUND);
  return row;
}

export const getPatient = (ctx: ServiceContext, id: string): Patient => toPatient(patientRowOrNotFound(ctx, id));

const write = (id: string, p: PatientInput, updatedAt: string) => ({
  id,
  displayName: p.displayName,
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth,
  clinical: JSON.stringify(p.clinical),
  notes: p.notes,
  updatedAt,
});

export function createPatient(ctx: ServiceContext, input: PatientInput): Patient {
  const id = randomUUID();
  insertPatient(ctx.db, write(id, input, ctx.now().toISOString()));
  return getPatient(ctx, id);
}

export function updatePatientRecord(ctx: ServiceContext, args: ParsedArgsOf<'patients.update'>): Patient {
  return ctx.db.transaction(() => {
    const row = patientRowOrNotFound(ctx, args.id);
    if (row.revision !== args.revision || !updatePatient(ctx.db, write(args.id, args.patient, ctx.now().toISOString()), args.revision)) {
      throw new ServiceError('conflict', 'This patient’s record was changed in another window. Reload it, then make your change again.');
    }
    return getPatient(ctx, args.id);
  })();
}

export function setPatientArchivedState(ctx: ServiceContext, id: string, archived: boolean): Patient {
  if (!setPatientArchived(ctx.db, id, archived, ctx.now().toISOString())) throw new ServiceError('not_found', NOT_FOUND);
  return getPatient(ctx, id);
}

export function searchPatients(ctx: ServiceContext, args: ParsedArgsOf<'patients.list'>): PatientSummary[] {
  const today = localDay(ctx.now());
  return listPatients(ctx.db, args.query, args.includeArchived).map((r) => toSummary(r, today));
}
