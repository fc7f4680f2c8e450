// The flags of a whole program, as the builder shows them and the service checks them when a
// version is issued (one function, so the two can never disagree). Items are prescribed stage by
// stage: only the current stage's items need their flags acknowledged before issuing. An item in
// another stage keeps its flags on screen for information ("checked again when stage N starts"),
// except hard blocks, which hold wherever the item sits.
// Clinical decision by the developers, for a clinician's review: stage-scoped acknowledgement.
import type { PatientClinical } from '../domain/patient';
import { findItem, type ProgramDoc } from '../domain/program';
import { flagsFor, type Flag, type ProgramFlags } from '../safety/rules';
import { safetyItems, type SafetyExercise } from './safety-items';

const deferred = (flag: Flag, stage: number, current: number): Flag =>
  flag.severity !== 'needs-ack'
    ? flag
    : {
        ...flag,
        severity: 'info',
        acknowledgeable: false,
        reason: `${flag.reason} ${stage > current ? `Checked again when stage ${stage} starts.` : `Stage ${stage} is behind the patient now.`}`,
      };

export function programFlags(
  patient: PatientClinical,
  doc: ProgramDoc,
  exercises: Readonly<Record<string, SafetyExercise>>,
  today: string,
): ProgramFlags {
  const flags = flagsFor(patient, safetyItems(doc, exercises), today, { stage: doc.currentStage });
  return {
    program: flags.program,
    items: flags.items.map((i) => {
      const stage = findItem(doc, i.itemId)?.stage ?? doc.currentStage;
      return stage === doc.currentStage ? i : { itemId: i.itemId, flags: i.flags.map((f) => deferred(f, stage, doc.currentStage)) };
    }),
  };
}
