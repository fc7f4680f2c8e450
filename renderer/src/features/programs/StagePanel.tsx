// A stage's plan: goals in the patient's words, planned weeks, what entry needs beyond the last
// gate, the exit gate's criteria (editable for this patient: a threshold changed or a criterion
// left out), and the stage change itself, which always asks for a reason.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { STAGE_LABELS } from '../../../../common/copy/en';
import type { ExitGate, ProgramAction, ProgramStage } from '../../../../common/domain/program';
import type { Criterion, Rule } from '../../../../common/safety/gates';
import type { Stage } from '../../../../common/domain/vocabulary';
import { defaultExitGate } from '../../../../common/program/new-program';
import { localDay } from '../../../../common/domain/patient';
import { useModalDialog } from '../../components/useModalDialog';
import { TypedTextField } from './TypedTextField';

interface Props {
  stage: ProgramStage;
  currentStage: Stage;
  gateRegion: 'lumbar' | 'cervical';
  dispatch(action: ProgramAction): string | null;
  /** The objective tests of this stage's gate, when the stage is the current one. */
  tests?: ReactNode;
  /** Opens the stage-change dialog with this target (set by the tests panel's proposal). */
  proposedStage: Stage | null;
  onProposalHandled(): void;
}

/** The threshold of a simple rule, editable; compound rules are shown as they are. */
const thresholdOf = (rule: Rule): number | null => (rule.kind === 'threshold' || rule.kind === 'change' ? rule.value : null);

function CriterionRow({ criterion, onChange, onRemove }: { criterion: Criterion; onChange(c: Criterion): void; onRemove(): void }) {
  const id = useId();
  const value = thresholdOf(criterion.rule);
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  return (
    <li className="criterion">
      <span className="criterion-label">{criterion.label}</span>
      <span className="criterion-source muted small">{criterion.source}</span>
      {value !== null && (criterion.rule.kind === 'threshold' || criterion.rule.kind === 'change') ? (
        <span className="criterion-edit">
          <label htmlFor={id} className="small">
            {criterion.rule.measure} {criterion.rule.op}
          </label>
          <input
            id={id}
            className="input input-narrow"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => {
              const n = Number(text);
              if (text.trim() === '' || !Number.isFinite(n) || n === value) return setText(String(value));
              onChange({ ...criterion, rule: { ...criterion.rule, value: n } as Rule });
            }}
          />
        </span>
      ) : null}
      <button type="button" className="link-button" onClick={onRemove} aria-label={`Leave out: ${criterion.label}`}>
        Leave out
      </button>
    </li>
  );
}

function ChangeStageDialog({
  from,
  to,
  onCancel,
  onConfirm,
}: {
  from: Stage;
  to: Stage;
  onCancel(): void;
  onConfirm(reason: string): string | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useModalDialog(dialog, input);
  const [reason, setReason] = useState(to > from ? 'Exit criteria met.' : '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onCancel())}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') return setError('Say why the stage changes.');
          setError(onConfirm(reason.trim()));
        }}
      >
        <h2 id={`${id}-title`}>{to > from ? `Move on to stage ${to}` : `Step back to stage ${to}`}</h2>
        <p>
          From stage {from} ({STAGE_LABELS[from].toLowerCase()}) to stage {to} ({STAGE_LABELS[to].toLowerCase()}). The reason is kept in the
          program’s history.
        </p>
        <label htmlFor={id} className="field-label">
          Reason
        </label>
        <textarea
          id={id}
          ref={input}
          className="input"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error !== null}
        />
        {error ? <p className="field-error">{error}</p> : null}
        <div className="confirm-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            {to > from ? 'Move on' : 'Step back'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function StagePanel({ stage, currentStage, gateRegion, dispatch, tests, proposedStage, onProposalHandled }: Props) {
  const headingId = useId();
  const [target, setTarget] = useState<Stage | null>(null);
  useEffect(() => {
    if (proposedStage !== null) {
      setTarget(proposedStage);
      onProposalHandled();
    }
  }, [proposedStage, onProposalHandled]);
  const n = stage.stage;
  const setExit = (exit: ExitGate) => dispatch({ type: 'update-stage', stage: n, patch: { exit } });
  const edit = (list: 'required' | 'supporting', index: number, next: Criterion | null) => {
    const items = [...stage.exit[list]];
    if (next === null) items.splice(index, 1);
    else items[index] = next;
    const exit = { ...stage.exit, [list]: items };
    return setExit({ ...exit, minSupporting: Math.min(exit.minSupporting, exit.supporting.length) });
  };
  const defaults = defaultExitGate(n, gateRegion);
  const edited = JSON.stringify(defaults) !== JSON.stringify(stage.exit);

  return (
    <section className="inspector" aria-labelledby={headingId}>
      <p className="eyebrow">{n === currentStage ? 'Current stage' : n < currentStage ? 'Earlier stage' : 'Later stage'}</p>
      <h2 id={headingId} className="inspector-title">
        Stage {n}: {STAGE_LABELS[n]}
      </h2>
      <div className="inspector-actions">
        {n === currentStage && n < 4 ? (
          <button type="button" className="btn btn-primary btn-small" onClick={() => setTarget((n + 1) as Stage)}>
            Move on to stage {n + 1}…
          </button>
        ) : null}
        {n === currentStage && n > 1 ? (
          <button type="button" className="btn btn-small" onClick={() => setTarget((n - 1) as Stage)}>
            Step back to stage {n - 1}…
          </button>
        ) : null}
        {n !== currentStage ? (
          <button type="button" className="btn btn-small" onClick={() => setTarget(n)}>
            Make this the current stage…
          </button>
        ) : null}
      </div>
      {tests}
      <TypedTextField
        label="Goals (printed for the patient)"
        value={stage.goals}
        rows={3}
        onCommit={(goals) => dispatch({ type: 'update-stage', stage: n, patch: { goals } })}
      />
      <div className="field">
        <label htmlFor={`${headingId}-weeks`} className="field-label">
          Planned weeks
        </label>
        <input
          id={`${headingId}-weeks`}
          className="input input-narrow"
          type="number"
          min={1}
          max={52}
          value={stage.plannedWeeks ?? ''}
          onChange={(e) =>
            dispatch({
              type: 'update-stage',
              stage: n,
              patch: { plannedWeeks: e.target.value === '' ? null : Math.round(Number(e.target.value)) },
            })
          }
        />
        <p className="muted small">A plan only: the exit criteria decide when the patient moves on.</p>
      </div>
      <TypedTextField
        label="Before this stage starts (besides the last stage’s exit criteria)"
        value={stage.entryNote}
        onCommit={(entryNote) => dispatch({ type: 'update-stage', stage: n, patch: { entryNote } })}
      />

      <h3 className="inspector-section">Exit criteria</h3>
      <p className="muted small">
        All required criteria, and at least {stage.exit.minSupporting} of the supporting ones. Defaults from the library audit §9; edit them
        for this patient.
      </p>
      <h4 className="small">Required</h4>
      <ul className="criteria">
        {stage.exit.required.map((c, i) => (
          <CriterionRow
            key={c.id}
            criterion={c}
            onChange={(next) => edit('required', i, next)}
            onRemove={() => edit('required', i, null)}
          />
        ))}
      </ul>
      <h4 className="small">Supporting</h4>
      <ul className="criteria">
        {stage.exit.supporting.map((c, i) => (
          <CriterionRow
            key={c.id}
            criterion={c}
            onChange={(next) => edit('supporting', i, next)}
            onRemove={() => edit('supporting', i, null)}
          />
        ))}
      </ul>
      {edited ? (
        <button type="button" className="link-button" onClick={() => setExit(defaults)}>
          Restore the default criteria
        </button>
      ) : null}

      {target !== null && target !== currentStage ? (
        <ChangeStageDialog
          from={currentStage}
          to={target}
          onCancel={() => setTarget(null)}
          onConfirm={(reason) => {
            const refused = dispatch({ type: 'change-stage', to: target, reason, date: localDay(new Date()) });
            if (refused === null) setTarget(null);
            return refused;
          }}
        />
      ) : null}
    </section>
  );
}
