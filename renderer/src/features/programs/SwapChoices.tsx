// Regress or progress an item in place: the exercise's easier and harder versions from the
// library's links, each one button. The item keeps its place and notes; its dose becomes the new
// exercise's own (the clinical regression rule: drop to the previous level of the exercise).
import type { Exercise, LinkedExercise } from '../../../../common/domain/exercise';
import type { ProgramAction, ProgramItem } from '../../../../common/domain/program';
import { api } from '../../api';
import { useCall } from '../../api/useCall';

interface Props {
  item: ProgramItem;
  dispatch(action: ProgramAction): string | null;
}

function Choices({ label, links, onSwap }: { label: string; links: LinkedExercise[]; onSwap(id: string): void }) {
  const live = links.filter((l) => !l.archived);
  if (live.length === 0) return null;
  return (
    <div className="swap-choices">
      <p className="field-label">{label}</p>
      <div className="inspector-actions">
        {live.map((l) => (
          <button key={l.id} type="button" className="btn btn-small" onClick={() => onSwap(l.id)}>
            {l.name}
          </button>
        ))}
      </div>
    </div>
  );
}

export function SwapChoices({ item, dispatch }: Props) {
  const exercise = useCall<Exercise>(item.exerciseId, () => api['library.get']({ id: item.exerciseId }));
  const ex = exercise.value;
  if (!ex || ex.id !== item.exerciseId || (ex.regressions.length === 0 && ex.progressions.length === 0)) return null;
  const swap = (exerciseId: string) => dispatch({ type: 'swap-exercise', itemId: item.id, exerciseId });
  return (
    <>
      <h3 className="inspector-section">Easier or harder</h3>
      <p className="muted small">Puts the other exercise in this place, with its own dose; the notes stay.</p>
      <Choices label="Easier (regress)" links={ex.regressions} onSwap={swap} />
      <Choices label="Harder (progress)" links={ex.progressions} onSwap={swap} />
    </>
  );
}
