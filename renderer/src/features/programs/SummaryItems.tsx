// The exercises in the safety summary: those still needing attention first, each a link to its
// details; exercises whose flags are acknowledged or only for information are counted beneath.
import type { Flag } from '../../../../common/safety/rules';
import { flagSummary, openFlags } from './flag-words';

interface Props {
  items: { itemId: string; flags: Flag[] }[];
  acknowledged: ReadonlySet<string>;
  describe(itemId: string): { name: string; stage: number } | null;
  onOpen(itemId: string): void;
}

export function SummaryItems({ items, acknowledged, describe, onOpen }: Props) {
  const flagged = items.filter((i) => i.flags.length > 0);
  const open = flagged.filter((i) => openFlags(i.flags, acknowledged).length > 0);
  const settled = flagged.filter((i) => openFlags(i.flags, acknowledged).length === 0);
  const row = (i: { itemId: string; flags: Flag[] }, text: string) => {
    const d = describe(i.itemId);
    return d ? (
      <li key={i.itemId}>
        <button type="button" className="link-button" onClick={() => onOpen(i.itemId)}>
          {d.name}
        </button>{' '}
        <span className="muted small">
          stage {d.stage} · {text}
        </span>
      </li>
    ) : null;
  };
  return (
    <>
      {open.length === 0 ? <p className="muted">No exercise needs attention.</p> : null}
      <ul className="summary-items">{open.map((i) => row(i, flagSummary(openFlags(i.flags, acknowledged))))}</ul>
      {settled.length > 0 ? (
        <details className="summary-settled">
          <summary>
            {settled.length} {settled.length === 1 ? 'exercise has' : 'exercises have'} flags acknowledged or for information
          </summary>
          <ul className="summary-items">
            {settled.map((i) => row(i, i.flags.some((f) => acknowledged.has(f.id)) ? 'acknowledged' : 'for information'))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
