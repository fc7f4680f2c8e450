// The program's own details in the safety summary: its title and the pain-response rule every
// exercise uses unless it has its own (the reference's standard sentence by default).
import { DEFAULT_PAIN_RULE } from '../../../../common/copy/en-program';
import type { ProgramAction, ProgramDoc } from '../../../../common/domain/program';
import { TypedTextField } from './TypedTextField';

interface Props {
  doc: ProgramDoc;
  dispatch(action: ProgramAction): string | null;
}

export function ProgramDetails({ doc, dispatch }: Props) {
  return (
    <>
      <TypedTextField
        label="Program title"
        value={doc.title}
        rows={1}
        onCommit={(title) => dispatch({ type: 'update-program', patch: { title } })}
      />
      <TypedTextField
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
