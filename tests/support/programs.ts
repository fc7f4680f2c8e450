// Programs for tests: a document after a run of reducer actions, each one required to apply.
import type { ProgramAction, ProgramDoc } from '../../common/domain/program';
import { applyAction } from '../../common/program/reducer';

export function run(doc: ProgramDoc, ...actions: ProgramAction[]): ProgramDoc {
  return actions.reduce((d, a) => {
    const r = applyAction(d, a);
    if (!r.ok) throw new Error(r.message);
    return r.doc;
  }, doc);
}
