// The red-flag screen's form (reference clinical.md §5): every emergency and urgent question with
// its answer, an urgent "yes" dealt with by a note and a date, and the screen's date. Converted to
// the record's RedFlagScreen and checked with the patient schema (patient-validation.ts).
import {
  EMERGENCY_FLAGS,
  URGENT_FLAGS,
  type Answer,
  type EmergencyFlag,
  type RedFlagScreen,
  type UrgentFlag,
} from '../../../../common/domain/patient';

export interface UrgentForm {
  answer: Answer;
  /** Whether a "yes" has been dealt with; its note and date then say how and when. */
  resolved: boolean;
  note: string;
  date: string;
}

export interface RedFlagForm {
  date: string;
  emergency: Record<EmergencyFlag, Answer>;
  urgent: Record<UrgentFlag, UrgentForm>;
}

/** The form for a screen; a screen never dated starts with today's date. */
export function redFlagForm(screen: RedFlagScreen, today: string): RedFlagForm {
  return {
    date: screen.date ?? today,
    emergency: { ...screen.emergency },
    urgent: Object.fromEntries(
      URGENT_FLAGS.map((f) => {
        const a = screen.urgent[f];
        return [f, { answer: a.answer, resolved: a.resolution !== null, note: a.resolution?.note ?? '', date: a.resolution?.date ?? '' }];
      }),
    ) as RedFlagForm['urgent'],
  };
}

/** The screen the form would save (unchecked: a resolution may still lack its note or date). */
export function screenFromForm(f: RedFlagForm): RedFlagScreen {
  return {
    date: f.date.trim() === '' ? null : f.date,
    emergency: { ...f.emergency },
    urgent: Object.fromEntries(
      URGENT_FLAGS.map((flag) => {
        const u = f.urgent[flag];
        const resolution = u.answer === 'yes' && u.resolved ? { note: u.note.trim(), date: u.date } : null;
        return [flag, { answer: u.answer, resolution }];
      }),
    ) as RedFlagScreen['urgent'],
  };
}

export interface RedFlagSummary {
  /** Emergency questions answered yes: no exercise, refer today. */
  emergency: EmergencyFlag[];
  /** Urgent questions answered yes and not yet dealt with. */
  urgentOpen: UrgentFlag[];
  /** Urgent questions answered yes and dealt with. */
  urgentResolved: UrgentFlag[];
  /** Questions not answered yet. */
  unanswered: number;
  /** Whether the screen was ever done (it has a date). */
  screened: boolean;
}

export function summarizeRedFlags(s: RedFlagScreen): RedFlagSummary {
  return {
    emergency: EMERGENCY_FLAGS.filter((f) => s.emergency[f] === 'yes'),
    urgentOpen: URGENT_FLAGS.filter((f) => s.urgent[f].answer === 'yes' && s.urgent[f].resolution === null),
    urgentResolved: URGENT_FLAGS.filter((f) => s.urgent[f].answer === 'yes' && s.urgent[f].resolution !== null),
    unanswered:
      EMERGENCY_FLAGS.filter((f) => s.emergency[f] === 'unknown').length +
      URGENT_FLAGS.filter((f) => s.urgent[f].answer === 'unknown').length,
    screened: s.date !== null,
  };
}

/** Whether the form's answers differ from the screen it opened with. */
export function redFlagsDiffer(opened: RedFlagForm, current: RedFlagForm): boolean {
  return JSON.stringify(screenFromForm(opened)) !== JSON.stringify(screenFromForm(current));
}
