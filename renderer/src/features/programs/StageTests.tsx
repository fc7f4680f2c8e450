// The objective tests of the current stage's exit gate, inside the stage panel: the assessments
// feature's panel, given the program's own (editable) gate for this patient.
import type { ExitGate } from '../../../../common/domain/program';
import type { PatientClinical } from '../../../../common/domain/patient';
import type { Stage } from '../../../../common/domain/vocabulary';
import { AssessmentsPanel } from '../assessments/AssessmentsPanel';

interface Props {
  patientId: string;
  patient: PatientClinical;
  stage: Stage;
  gate: ExitGate;
  onProposeAdvance(): void;
}

export function StageTests(props: Props) {
  return <AssessmentsPanel {...props} />;
}
