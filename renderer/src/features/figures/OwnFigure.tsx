// A clinic's own exercise's figure in the detail view: its start and end pictures when it has one,
// and the pose editor to add, change or remove it. Built-in exercises draw theirs from the library.
import { useMemo, useState } from 'react';
import type { CustomFigure } from '../../../../common/domain/figure';
import { resolveCustomFigure } from '../../../../common/figures/custom';
import { api, expectOk } from '../../api';
import { useCall } from '../../api/useCall';
import { FigurePair } from '../../components/Figure';
import { useToast } from '../../components/Toasts';
import { PoseEditor } from './PoseEditor';

export function OwnFigure({ exerciseId, name, editable }: { exerciseId: string; name: string; editable: boolean }) {
  const saved = useCall(exerciseId, () => api['figures.get']({ exerciseId }));
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const figure = saved.value?.figure ?? null;
  const model = useMemo(() => (figure ? resolveCustomFigure(figure) : null), [figure]);

  async function save(next: CustomFigure) {
    setSaving(true);
    try {
      await expectOk(api['figures.save']({ exerciseId, figure: next }));
      toast('Figure saved');
      setEditing(false);
      saved.reload();
    } catch (err) {
      toast((err as Error).message, 'error');
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    try {
      await expectOk(api['figures.remove']({ exerciseId }));
      toast('Figure removed');
      saved.reload();
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  }

  if (editing)
    return <PoseEditor name={name} initial={figure} saving={saving} onSave={(f) => void save(f)} onCancel={() => setEditing(false)} />;
  if (!editable && !model) return null;
  return (
    <div className="own-figure">
      {model && <FigurePair key={JSON.stringify(figure)} model={model} name={name} />}
      {editable && (
        <div className="own-figure-actions">
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {model ? 'Edit figure' : 'Add a figure'}
          </button>
          {model && (
            <button type="button" className="btn btn-ghost" onClick={() => void remove()}>
              Remove figure
            </button>
          )}
        </div>
      )}
    </div>
  );
}
