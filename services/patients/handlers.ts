// The patients' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { createPatient, getPatient, searchPatients, setPatientArchivedState, updatePatientRecord } from './use-cases';

type PatientCall = 'patients.list' | 'patients.get' | 'patients.create' | 'patients.update' | 'patients.setArchived';

export const patientHandlers: HandlerGroup<PatientCall> = {
  'patients.list': (ctx, args) => searchPatients(ctx, args),
  'patients.get': (ctx, args) => getPatient(ctx, args.id),
  'patients.create': (ctx, args) => createPatient(ctx, args.patient),
  'patients.update': (ctx, args) => updatePatientRecord(ctx, args),
  'patients.setArchived': (ctx, args) => setPatientArchivedState(ctx, args.id, args.archived),
};
