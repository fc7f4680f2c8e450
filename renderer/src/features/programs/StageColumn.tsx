// One stage of the program: its name, plan and items. Items are sortable within the stage and can
// be dragged to another stage; each also has buttons for the same moves, so nothing needs a mouse.
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ProgramExercise } from '../../../../common/contract';
import { STAGE_LABELS } from '../../../../common/copy/en';
import type { ProgramItem, ProgramStage } from '../../../../common/domain/program';
import type { Stage } from '../../../../common/domain/vocabulary';
import { effectiveDosage } from '../../../../common/program/diff';
import type { Flag } from '../../../../common/safety/rules';
import { dosageHeadline } from '../../../../common/text/dosage';
import { FigureThumbnail } from '../../components/Figure';
import { flagSummary, worstSeverity } from './flag-words';

export const stageDropId = (stage: Stage): string => `stage:${stage}`;

interface ItemProps {
  item: ProgramItem;
  index: number;
  count: number;
  stage: Stage;
  exercise: ProgramExercise | undefined;
  flags: Flag[];
  acknowledged: ReadonlySet<string>;
  selected: boolean;
  onSelect(): void;
  onMove(toStage: Stage, toIndex: number): void;
}

function StageItem({ item, index, count, stage, exercise, flags, acknowledged, selected, onSelect, onMove }: ItemProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, data: { stage } });
  const open = flags.filter((f) => f.severity !== 'info' && !(f.acknowledgeable && acknowledged.has(f.id)));
  const severity = worstSeverity(open);
  const name = exercise?.clinicalName ?? 'Loading…';
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`stage-item${selected ? ' is-selected' : ''}${isDragging ? ' is-dragging' : ''}${severity ? ` flag-${severity}` : ''}`}
      data-item-id={item.id}
    >
      <button
        type="button"
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-roledescription="sortable exercise"
        aria-label={`Move ${name}. Position ${index + 1} of ${count} in stage ${stage}.`}
      >
        <span aria-hidden="true">⋮⋮</span>
      </button>
      <button type="button" className="stage-item-main" onClick={onSelect} aria-pressed={selected}>
        <FigureThumbnail code={exercise?.code ?? null} name={name} className="stage-item-figure" decorative lazy />
        <span className="stage-item-title">
          {exercise?.code ? <span className="result-code">{exercise.code}</span> : null} {name}
        </span>
        <span className="stage-item-sub">
          {exercise ? dosageHeadline(effectiveDosage(exercise.dosage, item)) : ''}
          {Object.keys(item.dosage).length > 0 ? ' · adjusted' : ''}
        </span>
        {item.clinicianNote ? <span className="stage-item-note">{item.clinicianNote}</span> : null}
        {open.length > 0 ? <span className={`stage-item-flags flag-text-${severity}`}>{flagSummary(open)}</span> : null}
      </button>
      <span className="stage-item-moves">
        <button
          type="button"
          className="btn btn-ghost btn-small"
          disabled={index === 0}
          onClick={() => onMove(stage, index - 1)}
          aria-label={`Move ${name} up`}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          disabled={index === count - 1}
          onClick={() => onMove(stage, index + 1)}
          aria-label={`Move ${name} down`}
        >
          ↓
        </button>
      </span>
    </li>
  );
}

interface Props {
  stage: ProgramStage;
  current: boolean;
  focused: boolean;
  exercises: Record<string, ProgramExercise>;
  flagsByItem: ReadonlyMap<string, Flag[]>;
  acknowledged: ReadonlySet<string>;
  selectedItemId: string | null;
  onSelectItem(id: string): void;
  onSelectStage(): void;
  onMove(itemId: string, toStage: Stage, toIndex: number): void;
}

export function StageColumn({
  stage,
  current,
  focused,
  exercises,
  flagsByItem,
  acknowledged,
  selectedItemId,
  onSelectItem,
  onSelectStage,
  onMove,
}: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: stageDropId(stage.stage), data: { stage: stage.stage } });
  const headingId = `stage-${stage.stage}-heading`;
  const open = stage.items.flatMap((i) =>
    (flagsByItem.get(i.id) ?? []).filter((f) => f.severity === 'block' || (f.severity === 'needs-ack' && !acknowledged.has(f.id))),
  );
  return (
    <section
      className={`stage-column stage-${stage.stage}${current ? ' is-current' : ''}${focused ? ' is-focused' : ''}${isOver ? ' is-over' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="stage-column-head">
        <h3 id={headingId}>
          <button type="button" className="stage-column-title" onClick={onSelectStage} aria-pressed={focused}>
            Stage {stage.stage}: {STAGE_LABELS[stage.stage]}
          </button>
        </h3>
        <span className="stage-column-meta">
          {current ? <span className="badge badge-current">Current stage</span> : null}
          {stage.plannedWeeks ? `${stage.plannedWeeks} weeks planned` : null} · {stage.items.length}{' '}
          {stage.items.length === 1 ? 'exercise' : 'exercises'}
          {open.length > 0 ? <span className={`flag-text-${worstSeverity(open)}`}> · {flagSummary(open)}</span> : null}
        </span>
      </header>
      <SortableContext id={stageDropId(stage.stage)} items={stage.items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className="stage-items" aria-label={`Stage ${stage.stage} exercises`}>
          {stage.items.map((item, index) => (
            <StageItem
              key={item.id}
              item={item}
              index={index}
              count={stage.items.length}
              stage={stage.stage}
              exercise={exercises[item.exerciseId]}
              flags={flagsByItem.get(item.id) ?? []}
              acknowledged={acknowledged}
              selected={selectedItemId === item.id}
              onSelect={() => onSelectItem(item.id)}
              onMove={(toStage, toIndex) => onMove(item.id, toStage, toIndex)}
            />
          ))}
          {stage.items.length === 0 ? <li className="stage-empty">Drag exercises here, or add them from the list.</li> : null}
        </ol>
      </SortableContext>
    </section>
  );
}
