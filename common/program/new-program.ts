// A new program: four stages with the default goals, planned weeks and exit gates of audit §9,
// ready for the clinician to fill. The gates are copied into the program so a clinician can edit
// them for this patient without changing the clinic's defaults.
import { DEFAULT_PAIN_RULE, DEFAULT_PLANNED_WEEKS, DEFAULT_STAGE_GOALS } from '../copy/en-program';
import type { ExitGate, GateRegion, ProgramDoc } from '../domain/program';
import type { PatientRegion } from '../domain/patient';
import { STAGES, type Stage } from '../domain/vocabulary';
import { gateFor } from '../safety/gates';

/** The default exit gate of a stage, as an editable copy. */
export const defaultExitGate = (stage: Stage, region: GateRegion): ExitGate => {
  const gate = gateFor(stage, region);
  return { required: [...gate.required], supporting: [...gate.supporting], minSupporting: gate.minSupporting };
};

/**
 * The gates a patient's program uses: the neck's when the neck is the only region, or comes
 * first; otherwise the low back's (thoracic patients use the lumbar gates, audit §9).
 */
export const gateRegionFor = (regions: readonly PatientRegion[]): GateRegion => (regions[0] === 'cervical' ? 'cervical' : 'lumbar');

export function newProgramDoc(title: string, gateRegion: GateRegion): ProgramDoc {
  return {
    title,
    gateRegion,
    currentStage: 1,
    stages: STAGES.map((stage) => ({
      stage,
      goals: DEFAULT_STAGE_GOALS[stage],
      plannedWeeks: DEFAULT_PLANNED_WEEKS[stage],
      entryNote: '',
      exit: defaultExitGate(stage, gateRegion),
      items: [],
    })),
    stageLog: [],
    acknowledgements: [],
    painRule: DEFAULT_PAIN_RULE,
  };
}
