// Pieces shared by the patient form and the red-flag screen: a set of radio choices, the form with its
// heading and buttons, the error summary, and what the screen may ask of an open form. A labelled
// field with its hint and error is components/Field.tsx.
import type { ReactNode } from 'react';
import { saveHandlers } from '../../components/Field';
import { PATIENTS_COPY } from '../../../../common/copy/en-patients';
import type { FormErrors } from './patient-form';

/** What the patient screen may ask of an open form (the editor, the red-flag screen) before it closes. */
export interface OpenFormHandle {
  /** Checks and saves; false (with the problems shown) if it could not. */
  save(): Promise<boolean>;
}

/** Props that tie a control to its error (and hint) by id, so a screen reader reads them with it. */
export function describedBy(id: string, errors: FormErrors, key: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : null, errors[key] ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  } as const;
}

interface ChoicesProps<T extends string | number> {
  /** The group's id: it takes focus when its error is the first one. */
  id: string;
  legend: ReactNode;
  name: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
  onChange(value: T): void;
  error?: string;
  className?: string;
}

/** One choice of a few, as radio buttons in a fieldset (arrow keys move between them). */
export function Choices<T extends string | number>({ id, legend, name, value, options, onChange, error, className }: ChoicesProps<T>) {
  return (
    <fieldset
      className={className ? `choices ${className}` : 'choices'}
      id={id}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={String(o.value)} className="choice">
            <input type="radio" name={name} value={String(o.value)} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>
              {o.label}
              {o.hint && <small className="choice-hint">{o.hint}</small>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** The message above a form that could not be saved: each field with its problem. */
export function ErrorSummary({ errors, label, serverError }: { errors: FormErrors; label(key: string): string; serverError: ReactNode }) {
  const list = Object.entries(errors);
  if (list.length === 0 && !serverError) return null;
  return (
    <div className="notice notice-error" role="alert">
      {serverError ?? (
        <>
          Please check {list.length === 1 ? 'this field' : 'these fields'} before saving:{' '}
          {list.map(([k, m]) => `${label(k)} (${m.charAt(0).toLowerCase()}${m.slice(1)})`).join('; ')}
        </>
      )}
    </div>
  );
}

interface FormShellProps {
  className: string;
  /** The heading's id (the form is named by it) and its words. */
  titleId: string;
  title: ReactNode;
  submitLabel: string;
  saving: boolean;
  onSave(): void;
  /** Cancel, or Esc outside a control: the screen decides, asking first if there are unsaved changes. */
  onRequestClose(): void;
  children: ReactNode;
}

/** A patient form: its heading with Cancel and Save kept in view, Enter and Ctrl+S (Cmd+S) saving. */
export function FormShell({ className, titleId, title, submitLabel, saving, onSave, onRequestClose, children }: FormShellProps) {
  const save = saveHandlers(onSave);
  return (
    <form
      className={`editor ${className}`}
      aria-labelledby={titleId}
      noValidate
      onSubmit={save.onSubmit}
      onKeyDown={(e) => {
        save.onKeyDown(e);
        if (e.key === 'Escape' && !e.defaultPrevented && !(e.target as HTMLElement).closest('input, textarea, select')) {
          e.preventDefault();
          onRequestClose();
        }
      }}
    >
      <div className="editor-head">
        <h2 id={titleId} tabIndex={-1}>
          {title}
        </h2>
        <div className="detail-actions">
          <button type="button" className="btn" onClick={onRequestClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
        </div>
      </div>
      {children}
    </form>
  );
}

/** Why a save failed; a stale record (saved elsewhere since it was opened) offers the latest version. */
export function SaveProblem({ problem, onLoadLatest }: { problem: { message: string; stale: boolean }; onLoadLatest?(): void }) {
  return (
    <>
      <p>{problem.message}</p>
      {problem.stale && onLoadLatest && (
        <button type="button" className="btn btn-small stale-reload" onClick={onLoadLatest}>
          {PATIENTS_COPY.loadLatest}
        </button>
      )}
    </>
  );
}
