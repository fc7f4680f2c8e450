// The suitability table's frame, shared by the detail view and the editor: one row per pain
// generator, the cells (badges or inputs) supplied by the caller.
import type { ReactNode } from 'react';
import { GENERATORS, type Generator } from '../../../../common/domain/vocabulary';
import { GENERATOR_LABELS } from '../../../../common/copy/en';

export function SuitabilityCard({ editable = false, row }: { editable?: boolean; row(g: Generator): ReactNode }) {
  return (
    <section className="card">
      <h3>Suitability by pain generator</h3>
      <p className="muted small">The rating applies once any lock has passed.</p>
      <table className={`suit-table${editable ? ' suit-edit' : ''}`}>
        <thead>
          <tr>
            <th scope="col">Pain generator</th>
            <th scope="col">Rating</th>
            <th scope="col" title="What holds the exercise back after surgery or an implant, before its rating applies">
              Locked until
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {GENERATORS.map((g) => (
            <tr key={g}>
              <th scope="row">{GENERATOR_LABELS[g]}</th>
              {row(g)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
