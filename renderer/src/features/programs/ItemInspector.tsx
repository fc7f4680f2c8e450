// The selected item: its exercise, the dose with every field overridable (the exercise's own value
// shows as the placeholder; clearing a field returns to it), notes, its flags, and the moves.
import { useEffect, useId, useState } from 'react';
import type { ProgramExercise } from '../../../../common/contract';
import { SIDE_LABELS, STAGE_LABELS } from '../../../../common/copy/en';
import type { Dosage } from '../../../../common/domain/exercise';
import type { DosageOverride, ProgramAction, ProgramAcknowledgement, ProgramItem } from '../../../../common/domain/program';
import { SIDES, STAGES, type Stage } from '../../../../common/domain/vocabulary';
import { effectiveDosage } from '../../../../common/program/diff';
import type { Flag } from '../../../../common/safety/rules';
import { dosageFrequency, dosageHeadline } from '../../../../common/text/dosage';
import { FlagList } from './FlagList';
import { useTypedText } from './useTypedText';
import { TypedTextField } from './TypedTextField';
import { IntensityField } from './IntensityField';
import { SwapChoices } from './SwapChoices';
import { localDay } from '../../../../common/domain/patient';

const NUMBER_FIELDS = [
  ['sets', 'Sets'],
  ['reps', 'Reps'],
  ['repsMax', 'Reps, top of range'],
  ['holdSeconds', 'Hold (seconds)'],
  ['durationSeconds', 'Duration (seconds)'],
  ['restSeconds', 'Rest (seconds)'],
  ['distanceMeters', 'Distance (meters)'],
  ['sessionsPerDay', 'Sessions a day'],
  ['daysPerWeek', 'Days a week'],
] as const;
const TEXT_FIELDS = [
  ['load', 'Load or intensity'],
  ['tempo', 'Tempo'],
] as const;

interface Props {
  item: ProgramItem;
  stage: Stage;
  exercise: ProgramExercise | undefined;
  flags: Flag[];
  acknowledgements: ProgramAcknowledgement[];
  defaultPainRule: string;
  dispatch(action: ProgramAction): string | null;
  onRemoved(): void;
}

/** A note left empty is no note. */
const nullIfBlank = (v: string): string | null => (v.trim() === '' ? null : v.trim());

const shown = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function DoseField({
  label,
  value,
  fallback,
  numeric,
  onCommit,
}: {
  label: string;
  value: unknown;
  fallback: unknown;
  numeric: boolean;
  onCommit(raw: string): string | null;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const { text, change, flush } = useTypedText(shown(value), (raw) => setError(onCommit(raw)));
  return (
    <div className="field dose-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className={`input${value !== undefined ? ' is-overridden' : ''}`}
        inputMode={numeric ? 'numeric' : undefined}
        value={text}
        placeholder={shown(fallback) || '—'}
        onChange={(e) => {
          change(e.target.value);
          setError(null);
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') flush();
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ItemInspector({ item, stage, exercise, flags, acknowledgements, defaultPainRule, dispatch, onRemoved }: Props) {
  const headingId = useId();
  const own: Dosage | undefined = exercise?.dosage;
  const dose = own ? effectiveDosage(own, item) : undefined;

  const setField = (key: keyof DosageOverride, raw: string, numeric: boolean): string | null => {
    const next: DosageOverride = { ...item.dosage };
    const trimmed = raw.trim();
    if (trimmed === '') delete next[key];
    else if (numeric) {
      const n = Number(trimmed);
      if (!Number.isInteger(n)) return 'Enter a whole number, or leave it empty for the exercise’s own value.';
      (next as Record<string, unknown>)[key] = n;
    } else (next as Record<string, unknown>)[key] = trimmed;
    return dispatch({ type: 'set-dosage', itemId: item.id, dosage: next });
  };

  return (
    <section className="inspector" aria-labelledby={headingId}>
      <p className="eyebrow">
        Stage {stage}: {STAGE_LABELS[stage]}
      </p>
      <h2 id={headingId} className="inspector-title">
        {exercise?.clinicalName ?? 'Exercise'}
      </h2>
      {exercise ? <p className="muted">Patient name: {exercise.name}</p> : null}
      {dose ? (
        <p className="dose-summary" aria-live="polite">
          {dosageHeadline(dose)} · {dosageFrequency(dose)}
        </p>
      ) : null}

      <h3 className="inspector-section">Safety</h3>
      <FlagList
        flags={flags}
        acknowledgements={acknowledgements}
        onAcknowledge={(flagId, note) => dispatch({ type: 'acknowledge', flagId, note, date: localDay(new Date()) })}
        onWithdraw={(flagId) => dispatch({ type: 'withdraw-acknowledgement', flagId })}
        empty="No safety flags for this patient."
      />

      <h3 className="inspector-section">Dose for this patient</h3>
      <p className="muted small">Empty fields use the exercise’s own dose, shown in grey.</p>
      <div className="dose-grid">
        {NUMBER_FIELDS.map(([key, label]) => (
          <DoseField
            key={key}
            label={label}
            value={item.dosage[key]}
            fallback={own?.[key]}
            numeric
            onCommit={(raw) => setField(key, raw, true)}
          />
        ))}
        {TEXT_FIELDS.map(([key, label]) => (
          <DoseField
            key={key}
            label={label}
            value={item.dosage[key]}
            fallback={own?.[key]}
            numeric={false}
            onCommit={(raw) => setField(key, raw, false)}
          />
        ))}
        <div className="field dose-field">
          <label className="field-label" htmlFor={`${headingId}-side`}>
            Side
          </label>
          <select
            id={`${headingId}-side`}
            className="input"
            value={item.dosage.side ?? ''}
            onChange={(e) => setField('side', e.target.value, false)}
          >
            <option value="">{own ? `As the exercise (${SIDE_LABELS[own.side].toLowerCase()})` : 'As the exercise'}</option>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {SIDE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <IntensityField
        value={item.dosage.intensity}
        own={own?.intensity}
        onChange={(next) => {
          const dosage: DosageOverride = { ...item.dosage };
          if (next === undefined) delete dosage.intensity;
          else dosage.intensity = next;
          return dispatch({ type: 'set-dosage', itemId: item.id, dosage });
        }}
      />
      {Object.keys(item.dosage).length > 0 ? (
        <button type="button" className="link-button" onClick={() => dispatch({ type: 'set-dosage', itemId: item.id, dosage: {} })}>
          Use the exercise’s own dose
        </button>
      ) : null}

      <h3 className="inspector-section">Notes</h3>
      <TypedTextField
        label="Note for the patient (printed)"
        value={item.patientNote ?? ''}
        placeholder="e.g. Keep the range small this week."
        onCommit={(v) => dispatch({ type: 'update-item', itemId: item.id, patch: { patientNote: nullIfBlank(v) } })}
      />
      <TypedTextField
        label="Pain rule for this exercise"
        value={item.painRule ?? ''}
        placeholder={defaultPainRule}
        onCommit={(v) => dispatch({ type: 'update-item', itemId: item.id, patch: { painRule: nullIfBlank(v) } })}
      />
      <TypedTextField
        label="Reminder for the clinician (not printed)"
        value={item.clinicianNote ?? ''}
        placeholder="e.g. Only if repeated extension centralizes."
        onCommit={(v) => dispatch({ type: 'update-item', itemId: item.id, patch: { clinicianNote: nullIfBlank(v) } })}
      />

      <SwapChoices item={item} dispatch={dispatch} />

      <h3 className="inspector-section">Move</h3>
      <div className="inspector-actions">
        {STAGES.filter((s) => s !== stage).map((s) => (
          <button
            key={s}
            type="button"
            className="btn btn-small"
            onClick={() => dispatch({ type: 'move-item', itemId: item.id, toStage: s, toIndex: 60 })}
          >
            Move to stage {s}
          </button>
        ))}
        {stage < 4 ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => dispatch({ type: 'copy-forward', itemId: item.id, newItemId: crypto.randomUUID() })}
          >
            Copy to stage {stage + 1}
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() => {
            if (dispatch({ type: 'remove-item', itemId: item.id }) === null) onRemoved();
          }}
        >
          Remove from program
        </button>
      </div>
    </section>
  );
}
