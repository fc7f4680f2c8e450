// Starting a program from a template: the template's stages and notes copied into a new document,
// its default exit gates extended with the template's own criteria, and each item given a new id.
// Items whose exercise this library lacks are reported, never silently dropped.
import type { ProgramDoc, ProgramItem } from '../domain/program';
import type { Template } from '../domain/template';
import { defaultExitGate, newProgramDoc } from './new-program';

export interface FromTemplate {
  doc: ProgramDoc;
  /** Codes the template names that the library does not have. */
  missingCodes: string[];
}

/**
 * `idForCode` resolves a built-in code to this library's exercise id; `newId` makes item ids
 * (crypto.randomUUID in the service).
 */
export function programFromTemplate(
  template: Template,
  title: string,
  idForCode: (code: string) => string | undefined,
  newId: () => string,
): FromTemplate {
  const base = newProgramDoc(title, template.region);
  const missingCodes: string[] = [];
  const stages = base.stages.map((stage, i) => {
    const t = template.stages[i];
    if (!t) return stage;
    const items: ProgramItem[] = [];
    for (const ti of t.items) {
      const exerciseId = ti.exerciseId ?? idForCode(ti.code as string);
      if (exerciseId === undefined) {
        missingCodes.push(ti.code as string);
        continue;
      }
      items.push({
        id: newId(),
        exerciseId,
        variant: ti.variant,
        dosage: { ...ti.dosage },
        painRule: null,
        patientNote: ti.patientNote,
        clinicianNote: ti.clinicianNote,
      });
    }
    const gate = defaultExitGate(stage.stage, template.region);
    return {
      ...stage,
      goals: t.goals || stage.goals,
      plannedWeeks: t.plannedWeeks,
      entryNote: t.entryNote,
      exit: { ...gate, required: [...gate.required, ...t.extraExit] },
      items,
    };
  });
  return { doc: { ...base, stages, painRule: template.painRule ?? base.painRule }, missingCodes };
}

/**
 * A program as a clinic template: its stages and items, never its patient, acknowledgements or the
 * notes written for this patient (they may name them).
 */
export function templateStagesFromProgram(doc: ProgramDoc): Template['stages'] {
  return doc.stages.map((s) => {
    const gate = defaultExitGate(s.stage, doc.gateRegion);
    const defaults = new Set(gate.required.map((c) => c.id));
    return {
      stage: s.stage,
      goals: s.goals,
      plannedWeeks: s.plannedWeeks,
      entryNote: s.entryNote,
      extraExit: s.exit.required.filter((c) => !defaults.has(c.id)),
      items: s.items.map((i) => ({
        code: null,
        exerciseId: i.exerciseId,
        dosage: { ...i.dosage },
        variant: i.variant,
        patientNote: null,
        clinicianNote: null,
      })),
    };
  });
}
