// The dose as one sentence a patient reads on a handout: "3 sets of 10, hold each for 10 seconds,
// twice a day" (and ", 5 days a week" when not daily), in the handout's language. The side prints
// on its own line beside it. The screen's short form is dosageHeadline in ./dosage.ts.
import type { HandoutCopy } from '../copy/en-handout';
import type { Dosage } from '../domain/exercise';

/** "45 seconds", "2 minutes", "1 minute 30 seconds", "1 hour 15 minutes". */
export function durationWords(total: number, copy: HandoutCopy): string {
  const w = copy.dosage;
  if (total < 60) return w.seconds(total);
  const min = Math.floor(total / 60);
  const sec = total % 60;
  if (min >= 60) {
    const h = Math.floor(min / 60);
    const m = min % 60;
    return m === 0 ? w.hours(h) : `${w.hours(h)} ${w.minutes(m)}`;
  }
  return sec === 0 ? w.minutes(min) : `${w.minutes(min)} ${w.seconds(sec)}`;
}

export function dosageSentence(d: Dosage, copy: HandoutCopy): string {
  const w = copy.dosage;
  const parts: string[] = [];
  const reps = d.reps === null ? null : d.repsMax !== null ? w.repRange(d.reps, d.repsMax) : String(d.reps);
  if (reps !== null) parts.push(w.sets(d.sets, reps));
  else if (d.durationSeconds !== null) parts.push(w.timed(d.sets, durationWords(d.durationSeconds, copy)));
  else parts.push(w.setsOnly(d.sets));
  if (d.holdSeconds !== null) parts.push(w.hold(durationWords(d.holdSeconds, copy), reps !== null));
  if (reps !== null && d.durationSeconds !== null) parts.push(w.forTime(durationWords(d.durationSeconds, copy)));
  parts.push(w.perDay(d.sessionsPerDay));
  if (d.daysPerWeek < 7) parts.push(w.perWeek(d.daysPerWeek));
  return w.join(parts);
}
