// The bridge from a program to the safety rules: each item with its exercise's fields and the
// load the clinician set, as common/safety/rules.ts reads them. The builder and the service both
// use it, so the flags on screen are the flags checked when a version is issued.
import type { Exercise } from '../domain/exercise';
import type { ProgramDoc } from '../domain/program';
import type { SafetyItem } from '../safety/rules';
import { effectiveDosage } from './diff';

/** What the rules read of an exercise (a ProgramExercise or a full Exercise both fit). */
export type SafetyExercise = Pick<
  Exercise,
  'code' | 'clinicalName' | 'aliases' | 'stage' | 'region' | 'position' | 'equipment' | 'tags' | 'suitability' | 'dosage'
>;

/** Items whose exercise is unknown are left out: the service always knows every exercise. */
export function safetyItems(doc: ProgramDoc, exercises: Readonly<Record<string, SafetyExercise>>): SafetyItem[] {
  const out: SafetyItem[] = [];
  for (const stage of doc.stages) {
    for (const item of stage.items) {
      const ex = exercises[item.exerciseId];
      if (!ex) continue;
      out.push({
        itemId: item.id,
        code: ex.code,
        clinicalName: ex.clinicalName,
        aliases: ex.aliases,
        stage: ex.stage,
        region: ex.region,
        position: ex.position,
        equipment: ex.equipment,
        tags: ex.tags,
        suitability: ex.suitability,
        load: effectiveDosage(ex.dosage, item).load,
      });
    }
  }
  return out;
}
