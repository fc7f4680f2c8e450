// Plain-language dosage text, shared by the library screens and (later) the printed handouts so
// a dose reads the same everywhere.
import { SIDE_LABELS } from '../copy/en';
import type { Dosage } from '../domain/exercise';

export function formatSeconds(total: number): string {
  if (total < 60) return `${total} s`;
  const min = Math.floor(total / 60);
  const sec = total % 60;
  if (min >= 60) {
    const h = Math.floor(min / 60);
    const m = min % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return sec === 0 ? `${min} min` : `${min} min ${sec} s`;
}

const reps = (d: Dosage): string | null => (d.reps === null ? null : d.repsMax !== null ? `${d.reps}–${d.repsMax}` : String(d.reps));

/** "3 × 8–12 · hold 10 s · each side": what to do in one session, at a glance. */
export function dosageHeadline(d: Dosage): string {
  const parts: string[] = [];
  const r = reps(d);
  if (r !== null) parts.push(`${d.sets} × ${r}`);
  else if (d.durationSeconds !== null) parts.push(`${d.sets} × ${formatSeconds(d.durationSeconds)}`);
  else parts.push(`${d.sets} ${d.sets === 1 ? 'set' : 'sets'}`);
  if (d.holdSeconds !== null) parts.push(`hold ${formatSeconds(d.holdSeconds)}`);
  if (r !== null && d.durationSeconds !== null) parts.push(formatSeconds(d.durationSeconds));
  if (d.side === 'each-side') parts.push('each side');
  if (d.side === 'alternating') parts.push('alternating');
  return parts.join(' · ');
}

const TIMES = ['', 'Once', 'Twice', 'Three times'];

/** "Twice a day, 5 days a week". */
export function dosageFrequency(d: Dosage): string {
  const perDay = d.sessionsPerDay < TIMES.length ? `${TIMES[d.sessionsPerDay]} a day` : `${d.sessionsPerDay} times a day`;
  const perWeek = d.daysPerWeek === 7 ? 'every day' : `${d.daysPerWeek} ${d.daysPerWeek === 1 ? 'day' : 'days'} a week`;
  return `${perDay}, ${perWeek}`;
}

/** Every part of a dose as label/value rows, for the detail view. */
export function dosageRows(d: Dosage): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [{ label: 'Sets', value: String(d.sets) }];
  const r = reps(d);
  if (r !== null) rows.push({ label: 'Repetitions', value: r });
  if (d.holdSeconds !== null) rows.push({ label: 'Hold', value: formatSeconds(d.holdSeconds) });
  if (d.durationSeconds !== null) rows.push({ label: 'Duration', value: formatSeconds(d.durationSeconds) });
  if (d.restSeconds !== null) rows.push({ label: 'Rest between sets', value: formatSeconds(d.restSeconds) });
  rows.push({ label: 'How often', value: dosageFrequency(d) });
  if (d.load) rows.push({ label: 'Load', value: d.load });
  rows.push({ label: 'Side', value: SIDE_LABELS[d.side] });
  if (d.tempo) rows.push({ label: 'Tempo', value: d.tempo });
  return rows;
}
