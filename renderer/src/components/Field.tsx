// A labelled form field: the label, the control, an optional hint and the problem found, with ids
// (`<id>-hint`, `<id>-error`) the control names in aria-describedby.
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

export function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        <span className="field-label">{label}</span>
      </label>
      {children}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A form's submit and Ctrl+S (Cmd+S) both save; the page never reloads. */
export function saveHandlers(save: () => unknown): { onSubmit(e: FormEvent): void; onKeyDown(e: KeyboardEvent): void } {
  return {
    onSubmit(e) {
      e.preventDefault();
      void save();
    },
    onKeyDown(e) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    },
  };
}
