// A labelled text field of the builder whose text is saved while typing (useTypedText): one
// line, or a text area of `rows` lines. The one field the item, stage and program details use.
import { useId } from 'react';
import { useTypedText } from './useTypedText';

interface Props {
  label: string;
  value: string;
  onCommit(text: string): void;
  rows?: number;
  placeholder?: string;
}

export function TypedTextField({ label, value, onCommit, rows = 2, placeholder }: Props) {
  const id = useId();
  const { text, change, flush } = useTypedText(value, onCommit);
  const common = {
    id,
    className: 'input',
    value: text,
    placeholder,
    onBlur: flush,
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {rows === 1 ? (
        <input {...common} onChange={(e) => change(e.target.value)} />
      ) : (
        <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
      )}
    </div>
  );
}
