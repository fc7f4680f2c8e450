// Saving a patient record, from the form or the red-flag screen: a new record is created, an open
// one updated against the revision it was opened at. A record saved elsewhere since then is not
// overwritten: the answer says so (`stale`), and the screen offers the latest version.
import type { Patient, PatientInput } from '../../../../common/contract/patients';
import { api } from '../../api';
import { PATIENTS_COPY } from '../../../../common/copy/en-patients';

export type SaveOutcome = { ok: true; patient: Patient } | { ok: false; stale: boolean; message: string };

export async function savePatient(current: Patient | null, input: PatientInput): Promise<SaveOutcome> {
  const r = current
    ? await api['patients.update']({ id: current.id, revision: current.revision, patient: input })
    : await api['patients.create']({ patient: input });
  if (r.ok) return { ok: true, patient: r.value };
  if (r.error.code === 'conflict') return { ok: false, stale: true, message: PATIENTS_COPY.staleEdit };
  return { ok: false, stale: false, message: r.error.message || PATIENTS_COPY.notSaved };
}
