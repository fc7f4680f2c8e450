// The program's own details in the safety summary: its title and the pain-response rule every
// exercise uses unless it has its own (the reference's standard sentence by default).
import { useId } from 'react';
import { DEFAULT_PAIN_RULE } from '../../../../common/copy/en-program';
import type { ProgramAction, ProgramDoc } from '../../../../common/domain/program';
import { useTypedText } from './useTypedText';

interface Props {
  doc: ProgramDoc;
  dispatch(action: ProgramAction): string | null;
}

function Setting({ label, value, rows, onCommit }: { label: string; value: string; rows: number; onCommit(v: string): void }) {
  const id = useId();
  const { text, change, flush } = useTypedText(value, onCommit);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {rows === 1 ? (
        <input id={id} className="input" value={text} onChange={(e) => change(e.target.value)} onBlur={flush} />
      ) : (
        <textarea id={id} className="input" rows={rows} value={text} onChange={(e) => change(e.target.value)} onBlur={flush} />
      )}
    </div>
  );
}

export function ProgramDetails({ doc, dispatch }: Props) {
  return (
    <>
      <Setting
        label="Program title"
        value={doc.title}
        rows={1}
        onCommit={(title) => dispatch({ type: 'update-program', patch: { title } })}
      />
      <Setting
        label="Pain-response rule (printed for the patient)"
        value={doc.painRule}
        rows={3}
        onCommit={(painRule) =>
          dispatch({ type: 'update-program', patch: { painRule: painRule.trim() === '' ? DEFAULT_PAIN_RULE : painRule } })
        }
      />
      {doc.painRule !== DEFAULT_PAIN_RULE ? (
        <button
          type="button"
          className="link-button"
          onClick={() => dispatch({ type: 'update-program', patch: { painRule: DEFAULT_PAIN_RULE } })}
        >
          Use the standard pain-response rule
        </button>
      ) : null}
    </>
  );
}
