// Plain-language dosage text, shared by the library screens and (later) the printed handouts so
// a dose reads the same everywhere.
import { BAND_LEVEL_LABELS, SIDE_LABELS } from '../copy/en';
import type { Dosage, Intensity } from '../domain/exercise';

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

const FEET_PER_METER = 3.28084;
const METERS_PER_MILE = 1609.344;

/**
 * A distance in US units with meters beside it (audit D34, D42): "65 feet (20 m)" (feet rounded to
 * the nearest 5), and from 400 m "0.5 mile (800 m)" or "1.2 miles (2 km)".
 */
export function formatDistance(meters: number): string {
  if (meters < 400) return `${Math.max(5, Math.round((meters * FEET_PER_METER) / 5) * 5)} feet (${meters} m)`;
  const miles = Math.round((meters / METERS_PER_MILE) * 10) / 10;
  const metric = meters >= 1000 ? `${Math.round(meters / 100) / 10} km` : `${meters} m`;
  return `${miles} ${miles === 1 ? 'mile' : 'miles'} (${metric})`;
}

/** "65 ft (20 m)": the same, short, for the headline. */
function shortDistance(meters: number): string {
  return formatDistance(meters).replace(/ feet \(/, ' ft (');
}

const range = (i: Intensity, joiner: string): string =>
  i.valueMax !== null && i.valueMax !== undefined ? `${i.value}${joiner}${i.valueMax}` : String(i.value);

/** The clinician's shorthand: "8–12 RM", "RIR 2", "RPE 6–7", "10–20% BW", "Band: light (yellow)". */
export function intensityShort(i: Intensity): string {
  switch (i.kind) {
    case 'rm':
      return `${range(i, '–')} RM`;
    case 'rir':
      return `RIR ${range(i, '–')}`;
    case 'rpe':
      return `RPE ${range(i, '–')}`;
    case 'percent-bw':
      return `${range(i, '–')}% BW`;
    case 'band':
      return `Band: ${i.band === null ? '?' : BAND_LEVEL_LABELS[i.band]}${i.bandColor ? ` (${i.bandColor})` : ''}`;
  }
}

/**
 * What the patient reads (audit D35): plain words, no "RM" or "RPE".
 * "Use a weight you can lift 8 to 12 times with good form. The last 2 should feel hard."
 */
export function intensityForPatient(i: Intensity): string {
  const r = range(i, ' to ');
  const about = i.valueMax === null ? 'about ' : '';
  switch (i.kind) {
    case 'rm':
      return `Use a weight you can lift ${about}${r} times with good form. The last 2 should feel hard.`;
    case 'rir':
      return i.value === 0 && i.valueMax === null
        ? 'Keep going until you could not do one more with good form.'
        : `Stop each set when you could still do ${about}${r} more with good form.`;
    case 'rpe':
      return `Work at an effort of ${about}${r} out of 10, where 10 is the hardest you could work.`;
    case 'percent-bw':
      return `Use a weight of ${about}${r}% of your body weight.`;
    case 'band':
      return `Use a ${i.band === null ? '' : `${BAND_LEVEL_LABELS[i.band]} `}band${i.bandColor ? ` (${i.bandColor})` : ''}.`;
  }
}

/** The patient's lines for distance and intensity, in that order: "Walk 65 feet (20 m) each time." */
export function dosagePatientLines(d: Dosage): string[] {
  const out: string[] = [];
  if (d.distanceMeters != null) out.push(`Walk ${formatDistance(d.distanceMeters)} each time.`);
  if (d.intensity != null) out.push(intensityForPatient(d.intensity));
  return out;
}

const reps = (d: Dosage): string | null => (d.reps === null ? null : d.repsMax !== null ? `${d.reps}–${d.repsMax}` : String(d.reps));

/** "3 × 8–12 · hold 10 s · each side": what to do in one session, at a glance. */
export function dosageHeadline(d: Dosage): string {
  const parts: string[] = [];
  const r = reps(d);
  if (r !== null) parts.push(`${d.sets} × ${r}`);
  else if (d.distanceMeters != null) parts.push(`${d.sets} × ${shortDistance(d.distanceMeters)}`);
  else if (d.durationSeconds !== null) parts.push(`${d.sets} × ${formatSeconds(d.durationSeconds)}`);
  else parts.push(`${d.sets} ${d.sets === 1 ? 'set' : 'sets'}`);
  if (d.holdSeconds !== null) parts.push(`hold ${formatSeconds(d.holdSeconds)}`);
  if ((r !== null || d.distanceMeters != null) && d.durationSeconds !== null) parts.push(formatSeconds(d.durationSeconds));
  if (r !== null && d.distanceMeters != null) parts.push(shortDistance(d.distanceMeters));
  if (d.intensity != null) parts.push(intensityShort(d.intensity));
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
  if (d.distanceMeters != null) rows.push({ label: 'Distance', value: formatDistance(d.distanceMeters) });
  if (d.restSeconds !== null) rows.push({ label: 'Rest between sets', value: formatSeconds(d.restSeconds) });
  rows.push({ label: 'How often', value: dosageFrequency(d) });
  if (d.load) rows.push({ label: 'Load', value: d.load });
  if (d.intensity != null) rows.push({ label: 'Intensity', value: intensityShort(d.intensity) });
  const patient = dosagePatientLines(d);
  if (patient.length > 0) rows.push({ label: 'Patient reads', value: patient.join(' ') });
  rows.push({ label: 'Side', value: SIDE_LABELS[d.side] });
  if (d.tempo) rows.push({ label: 'Tempo', value: d.tempo });
  return rows;
}
