// What changed between two versions of a program, in sentences a clinician can read aloud to the
// patient: exercises added, removed or moved, doses changed, notes changed, the stage advanced.
import { STAGE_LABELS } from '../copy/en';
import type { Dosage } from '../domain/exercise';
import { findItem, type ProgramDoc, type ProgramItem } from '../domain/program';
import { dosageFrequency, dosageHeadline } from '../text/dosage';
import type { Stage } from '../domain/vocabulary';

export type ChangeKind = 'added' | 'removed' | 'moved' | 'swapped' | 'dosage' | 'note' | 'stage' | 'goals';

export interface ProgramChange {
  kind: ChangeKind;
  text: string;
}

/** What the diff needs to know of an exercise: its name and its own dose. */
export type ExerciseLookup = (exerciseId: string) => { name: string; dosage: Dosage } | undefined;

/** The dose an item prescribes: the exercise's own, with the clinician's overrides on top. */
export const effectiveDosage = (exerciseDosage: Dosage, item: Pick<ProgramItem, 'dosage'>): Dosage => ({
  ...exerciseDosage,
  ...item.dosage,
});

const stageName = (stage: Stage): string => `stage ${stage} (${STAGE_LABELS[stage].toLowerCase()})`;

const doseWords = (d: Dosage): string => {
  const often = dosageFrequency(d);
  return `${dosageHeadline(d)}, ${often.charAt(0).toLowerCase()}${often.slice(1)}`;
};

const sameDose = (a: ProgramItem['dosage'], b: ProgramItem['dosage']): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
const sortKeys = (o: object): [string, unknown][] => Object.entries(o).sort(([x], [y]) => x.localeCompare(y));

/** The changes from `before` to `after`, stage by stage, in reading order. */
export function describeChanges(before: ProgramDoc, after: ProgramDoc, lookup: ExerciseLookup): ProgramChange[] {
  const out: ProgramChange[] = [];
  const name = (item: ProgramItem): string => lookup(item.exerciseId)?.name ?? 'An exercise no longer in the library';

  if (before.currentStage !== after.currentStage) {
    const verb = after.currentStage > before.currentStage ? 'Moved on' : 'Stepped back';
    const last = after.stageLog.at(-1);
    const why = last && last.to === after.currentStage ? ` Reason: ${last.reason}` : '';
    out.push({ kind: 'stage', text: `${verb} from ${stageName(before.currentStage)} to ${stageName(after.currentStage)}.${why}` });
  }

  for (const stage of after.stages) {
    const old = before.stages[stage.stage - 1];
    if (old && old.goals !== stage.goals) out.push({ kind: 'goals', text: `New goals for ${stageName(stage.stage)}: ${stage.goals}` });
    for (const item of stage.items) {
      const was = findItem(before, item.id);
      if (!was) {
        out.push({ kind: 'added', text: `Added ${name(item)} to ${stageName(stage.stage)}.` });
        continue;
      }
      if (was.item.exerciseId !== item.exerciseId) {
        out.push({ kind: 'swapped', text: `${name(was.item)} became ${name(item)} in ${stageName(stage.stage)}.` });
        continue;
      }
      if (was.stage !== stage.stage)
        out.push({ kind: 'moved', text: `Moved ${name(item)} from stage ${was.stage} to stage ${stage.stage}.` });
      const own = lookup(item.exerciseId)?.dosage;
      if (!sameDose(was.item.dosage, item.dosage) || was.item.variant !== item.variant) {
        const detail = own ? `: now ${doseWords(effectiveDosage(own, item))} (was ${doseWords(effectiveDosage(own, was.item))})` : '';
        const variant = was.item.variant !== item.variant ? ` Version: ${item.variant ?? 'as written'}.` : '';
        out.push({ kind: 'dosage', text: `Changed how to do ${name(item)}${detail}.${variant}` });
      }
      if (was.item.patientNote !== item.patientNote || was.item.painRule !== item.painRule) {
        out.push({ kind: 'note', text: `New instructions for ${name(item)}.` });
      }
    }
  }
  for (const stage of before.stages) {
    for (const item of stage.items) {
      if (!findItem(after, item.id)) out.push({ kind: 'removed', text: `Removed ${name(item)} from ${stageName(stage.stage)}.` });
    }
  }
  if (before.painRule !== after.painRule) out.push({ kind: 'note', text: `New pain rule: ${after.painRule}` });
  return out;
}
