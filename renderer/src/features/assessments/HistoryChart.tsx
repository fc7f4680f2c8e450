// A small inline chart of one measure's recordings, oldest to newest: a line through the values
// with a dot per recording. Decorative for screen readers, who get the same numbers as text.
import type { Measurement } from '../../../../common/contract/assessments';

const W = 160;
const H = 40;
const PAD = 4;

export function HistoryChart({ records }: { records: readonly Measurement[] }) {
  if (records.length === 0) return null;
  const values = records.map((r) => r.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i: number) => (records.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (records.length - 1));
  const y = (v: number) => (hi === lo ? H / 2 : H - PAD - ((v - lo) * (H - 2 * PAD)) / (hi - lo));
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className="assess-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {records.length > 1 && <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />}
      {values.map((v, i) => (
        <circle key={records[i].id} cx={x(i)} cy={y(v)} r="2.5" fill="currentColor" />
      ))}
    </svg>
  );
}
