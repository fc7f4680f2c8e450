// common/text/dosage.ts: the dose a patient reads, as a headline, a frequency and detail rows.
// Every dose here goes through DosageSchema first, so the tables hold only shapes the app can store,
// and every expectation is the exact text a patient sees.
import { describe, expect, it } from 'vitest';
import { DosageSchema, IntensitySchema, type Dosage, type Intensity } from '../../../../common/domain/exercise';
import {
  dosageFrequency,
  dosageHeadline,
  dosagePatientLines,
  dosageRows,
  formatDistance,
  formatSeconds,
  intensityForPatient,
  intensityShort,
} from '../../../../common/text/dosage';

const BASE: Dosage = {
  sets: 3,
  reps: null,
  repsMax: null,
  holdSeconds: null,
  durationSeconds: null,
  restSeconds: null,
  sessionsPerDay: 1,
  daysPerWeek: 7,
  load: null,
  side: 'both',
  tempo: null,
};

/** A valid dose: the base with some fields changed, checked by the schema. */
const dose = (over: Partial<Dosage> = {}): Dosage => DosageSchema.parse({ ...BASE, ...over });

describe('the table helper', () => {
  it('refuses shapes the schema refuses, so the tables below only hold real doses', () => {
    expect(() => dose({ reps: 12, repsMax: 8 })).toThrow(/above its bottom/);
    expect(() => dose({ reps: 8, repsMax: 8 })).toThrow(/above its bottom/);
    expect(() => dose({ reps: null, repsMax: 8 })).toThrow(/above its bottom/);
    expect(() => dose({ sets: 0 })).toThrow();
    expect(() => dose({ sessionsPerDay: 0 })).toThrow();
    expect(() => dose({ daysPerWeek: 8 })).toThrow();
  });
});

describe('formatSeconds', () => {
  it.each([
    [0, '0 s'],
    [1, '1 s'],
    [30, '30 s'],
    [59, '59 s'],
    [60, '1 min'],
    [61, '1 min 1 s'],
    [90, '1 min 30 s'],
    [119, '1 min 59 s'],
    [120, '2 min'],
    [600, '10 min'],
    [900, '15 min'],
    [3599, '59 min 59 s'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
    [5400, '1 h 30 min'],
    [7140, '1 h 59 min'],
    [7200, '2 h'],
    [14_400, '4 h'],
    // From an hour up, seconds are left out (never rounded up): a 1 h walk is not timed to the second.
    [3601, '1 h'],
    [3659, '1 h'],
    [3661, '1 h 1 min'],
    [7199, '1 h 59 min'],
  ])('%i seconds read "%s"', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('dosageHeadline', () => {
  it.each<[string, Partial<Dosage>, string]>([
    // Sets alone, singular and plural.
    ['one set', { sets: 1 }, '1 set'],
    ['two sets', { sets: 2 }, '2 sets'],
    ['the most sets', { sets: 20 }, '20 sets'],
    // Repetitions.
    ['one rep', { sets: 1, reps: 1 }, '1 × 1'],
    ['reps', { sets: 3, reps: 10 }, '3 × 10'],
    ['the most reps', { sets: 20, reps: 200 }, '20 × 200'],
    // A rep range reads bottom to top, with an en dash.
    ['a rep range', { sets: 3, reps: 8, repsMax: 12 }, '3 × 8–12'],
    ['the narrowest rep range', { sets: 2, reps: 1, repsMax: 2 }, '2 × 1–2'],
    // Holds.
    ['a hold with reps', { sets: 3, reps: 5, holdSeconds: 10 }, '3 × 5 · hold 10 s'],
    ['a hold without reps', { sets: 1, holdSeconds: 30 }, '1 set · hold 30 s'],
    ['a long hold', { sets: 2, holdSeconds: 90 }, '2 sets · hold 1 min 30 s'],
    ['an hour hold', { sets: 1, holdSeconds: 3600 }, '1 set · hold 1 h'],
    // Timed work without reps: the duration takes the place of the reps.
    ['a duration', { sets: 1, durationSeconds: 600 }, '1 × 10 min'],
    ['a short duration', { sets: 2, durationSeconds: 45 }, '2 × 45 s'],
    ['a long walk', { sets: 1, durationSeconds: 5400 }, '1 × 1 h 30 min'],
    ['a duration and a hold', { sets: 2, durationSeconds: 60, holdSeconds: 10 }, '2 × 1 min · hold 10 s'],
    // Reps and a duration: the duration comes after the hold.
    ['reps and a duration', { sets: 3, reps: 10, durationSeconds: 120 }, '3 × 10 · 2 min'],
    ['reps, hold and duration', { sets: 3, reps: 10, holdSeconds: 5, durationSeconds: 120 }, '3 × 10 · hold 5 s · 2 min'],
    // Side.
    ['both sides together', { sets: 3, reps: 10, side: 'both' }, '3 × 10'],
    ['each side', { sets: 3, reps: 10, side: 'each-side' }, '3 × 10 · each side'],
    ['alternating', { sets: 3, reps: 10, side: 'alternating' }, '3 × 10 · alternating'],
    ['sets only, each side', { sets: 1, side: 'each-side' }, '1 set · each side'],
    ['a duration, alternating', { sets: 2, durationSeconds: 30, side: 'alternating' }, '2 × 30 s · alternating'],
    // Everything at once.
    [
      'a rep range, hold, duration, each side',
      { sets: 3, reps: 8, repsMax: 12, holdSeconds: 10, durationSeconds: 60, side: 'each-side' },
      '3 × 8–12 · hold 10 s · 1 min · each side',
    ],
    // Rest, frequency, load and tempo belong to the detail rows, not the headline.
    [
      'reps with rest, frequency, load and tempo',
      { sets: 3, reps: 10, restSeconds: 60, sessionsPerDay: 2, daysPerWeek: 5, load: '2 kg', tempo: '3-1-3' },
      '3 × 10',
    ],
  ])('%s: "%s"', (_name, over, text) => {
    expect(dosageHeadline(dose(over))).toBe(text);
  });
});

describe('dosageFrequency', () => {
  it.each<[number, number, string]>([
    [1, 7, 'Once a day, every day'],
    [2, 7, 'Twice a day, every day'],
    [3, 7, 'Three times a day, every day'],
    [4, 7, '4 times a day, every day'],
    [5, 7, '5 times a day, every day'],
    [12, 7, '12 times a day, every day'],
    [1, 1, 'Once a day, 1 day a week'],
    [2, 2, 'Twice a day, 2 days a week'],
    [3, 3, 'Three times a day, 3 days a week'],
    [1, 5, 'Once a day, 5 days a week'],
    [2, 5, 'Twice a day, 5 days a week'],
    [4, 6, '4 times a day, 6 days a week'],
    [12, 1, '12 times a day, 1 day a week'],
  ])('%i a day, %i days a week: "%s"', (sessionsPerDay, daysPerWeek, text) => {
    expect(dosageFrequency(dose({ sessionsPerDay, daysPerWeek }))).toBe(text);
  });
});

describe('dosageRows', () => {
  it('gives sets, how often and side for the plainest dose', () => {
    expect(dosageRows(dose({ sets: 1 }))).toEqual([
      { label: 'Sets', value: '1' },
      { label: 'How often', value: 'Once a day, every day' },
      { label: 'Side', value: 'Both sides together' },
    ]);
  });

  it('gives every part, in order, when every part is set', () => {
    expect(
      dosageRows(
        dose({
          sets: 3,
          reps: 8,
          repsMax: 12,
          holdSeconds: 10,
          durationSeconds: 90,
          restSeconds: 60,
          sessionsPerDay: 2,
          daysPerWeek: 5,
          load: 'Light band',
          side: 'each-side',
          tempo: '2 s up, 2 s down',
        }),
      ),
    ).toEqual([
      { label: 'Sets', value: '3' },
      { label: 'Repetitions', value: '8–12' },
      { label: 'Hold', value: '10 s' },
      { label: 'Duration', value: '1 min 30 s' },
      { label: 'Rest between sets', value: '1 min' },
      { label: 'How often', value: 'Twice a day, 5 days a week' },
      { label: 'Load', value: 'Light band' },
      { label: 'Side', value: 'Each side' },
      { label: 'Tempo', value: '2 s up, 2 s down' },
    ]);
  });

  it.each<[string, Partial<Dosage>, { label: string; value: string }[]]>([
    ['single reps', { reps: 10 }, [{ label: 'Repetitions', value: '10' }]],
    ['a rep range, bottom to top', { reps: 8, repsMax: 12 }, [{ label: 'Repetitions', value: '8–12' }]],
    ['a hold', { holdSeconds: 45 }, [{ label: 'Hold', value: '45 s' }]],
    ['a duration', { durationSeconds: 1800 }, [{ label: 'Duration', value: '30 min' }]],
    ['rest', { restSeconds: 90 }, [{ label: 'Rest between sets', value: '1 min 30 s' }]],
    // No rest is still an instruction: it is shown, not dropped.
    ['no rest', { restSeconds: 0 }, [{ label: 'Rest between sets', value: '0 s' }]],
    ['the longest rest', { restSeconds: 900 }, [{ label: 'Rest between sets', value: '15 min' }]],
  ])('adds a row for %s between sets and how often', (_name, over, middle) => {
    expect(dosageRows(dose({ sets: 2, ...over }))).toEqual([
      { label: 'Sets', value: '2' },
      ...middle,
      { label: 'How often', value: 'Once a day, every day' },
      { label: 'Side', value: 'Both sides together' },
    ]);
  });

  it.each<[string, Partial<Dosage>, string]>([
    ['both', { side: 'both' }, 'Both sides together'],
    ['each-side', { side: 'each-side' }, 'Each side'],
    ['alternating', { side: 'alternating' }, 'Alternating sides'],
  ])('labels side %s as "%s"', (_name, over, label) => {
    expect(dosageRows(dose(over)).find((r) => r.label === 'Side')).toEqual({ label: 'Side', value: label });
  });

  it('shows load and tempo, trimmed, around the side row', () => {
    expect(dosageRows(dose({ load: '  5 kg dumbbell ', tempo: ' slow ' }))).toEqual([
      { label: 'Sets', value: '3' },
      { label: 'How often', value: 'Once a day, every day' },
      { label: 'Load', value: '5 kg dumbbell' },
      { label: 'Side', value: 'Both sides together' },
      { label: 'Tempo', value: 'slow' },
    ]);
  });

  it.each<[string, Partial<Dosage>]>([
    ['null load and tempo', { load: null, tempo: null }],
    ['empty load and tempo', { load: '', tempo: '' }],
    ['blank load and tempo (trimmed to empty)', { load: '   ', tempo: '\t ' }],
  ])('leaves out load and tempo for %s', (_name, over) => {
    expect(dosageRows(dose(over)).map((r) => r.label)).toEqual(['Sets', 'How often', 'Side']);
  });

  it('agrees with the headline and frequency it is built from', () => {
    const d = dose({ sets: 4, reps: 6, repsMax: 10, sessionsPerDay: 3, daysPerWeek: 1 });
    const rows = dosageRows(d);
    expect(rows.find((r) => r.label === 'How often')?.value).toBe(dosageFrequency(d));
    expect(dosageHeadline(d)).toBe(`4 × ${rows.find((r) => r.label === 'Repetitions')?.value}`);
    expect(dosageHeadline(d)).toBe('4 × 6–10');
  });
});

describe('distance (audit D34)', () => {
  it.each<[number, string]>([
    [1, '5 feet (1 m)'],
    [20, '65 feet (20 m)'],
    [30, '100 feet (30 m)'],
    [50, '165 feet (50 m)'],
    [399, '1310 feet (399 m)'],
    [400, '0.2 miles (400 m)'],
    [805, '0.5 miles (805 m)'],
    [1609, '1 mile (1.6 km)'],
    [2000, '1.2 miles (2 km)'],
  ])('writes %i m as "%s"', (meters, text) => {
    expect(formatDistance(meters)).toBe(text);
  });

  it('leads the headline with the distance when there are no reps, and adds a row and the patient line', () => {
    const carry = dose({ sets: 3, distanceMeters: 20, restSeconds: 60 });
    expect(dosageHeadline(carry)).toBe('3 × 65 ft (20 m)');
    expect(dosageRows(carry)).toContainEqual({ label: 'Distance', value: '65 feet (20 m)' });
    expect(dosagePatientLines(carry)).toEqual(['Walk 65 feet (20 m) each time.']);
    expect(dosageHeadline(dose({ sets: 2, reps: 5, distanceMeters: 30 }))).toBe('2 × 5 · 100 ft (30 m)');
  });

  it('refuses a distance that is not a whole number of meters from 1 to 50,000', () => {
    expect(() => dose({ distanceMeters: 0 })).toThrow();
    expect(() => dose({ distanceMeters: 20.5 })).toThrow();
    expect(() => dose({ distanceMeters: 50_001 })).toThrow();
    // Doses saved before distance existed carry neither field, and stay valid.
    expect(dose({}).distanceMeters).toBeUndefined();
  });
});

describe('intensity (audit D35)', () => {
  const I = (over: Partial<Intensity>): Intensity => ({ kind: 'rm', value: null, valueMax: null, band: null, bandColor: null, ...over });

  it.each<[string, Intensity, string, string]>([
    [
      'an RM range',
      I({ kind: 'rm', value: 8, valueMax: 12 }),
      '8–12 RM',
      'Use a weight you can lift 8 to 12 times with good form. The last 2 should feel hard.',
    ],
    [
      'a single RM',
      I({ kind: 'rm', value: 10 }),
      '10 RM',
      'Use a weight you can lift about 10 times with good form. The last 2 should feel hard.',
    ],
    ['RIR', I({ kind: 'rir', value: 2 }), 'RIR 2', 'Stop each set when you could still do about 2 more with good form.'],
    ['RIR 0', I({ kind: 'rir', value: 0 }), 'RIR 0', 'Keep going until you could not do one more with good form.'],
    [
      'an RPE range',
      I({ kind: 'rpe', value: 6, valueMax: 7 }),
      'RPE 6–7',
      'Work at an effort of 6 to 7 out of 10, where 10 is the hardest you could work.',
    ],
    ['% body weight', I({ kind: 'percent-bw', value: 10, valueMax: 20 }), '10–20% BW', 'Use a weight of 10 to 20% of your body weight.'],
    [
      'a band with its color',
      I({ kind: 'band', band: 'light', bandColor: 'yellow' }),
      'Band: light (yellow)',
      'Use a light band (yellow).',
    ],
    ['a band without', I({ kind: 'band', band: 'medium' }), 'Band: medium', 'Use a medium band.'],
  ])('writes %s for the clinician and for the patient', (_name, intensity, short, patient) => {
    const d = dose({ reps: 8, intensity });
    expect(intensityShort(intensity)).toBe(short);
    expect(intensityForPatient(intensity)).toBe(patient);
    expect(dosageHeadline(d)).toBe(`3 × 8 · ${short}`);
    expect(dosageRows(d)).toContainEqual({ label: 'Intensity', value: short });
    expect(dosageRows(d)).toContainEqual({ label: 'Patient reads', value: patient });
  });

  it.each<[string, Intensity, string]>([
    ['a band without its level', I({ kind: 'band' }), 'A band intensity names the band level'],
    ['a band with a number', I({ kind: 'band', band: 'light', value: 3 }), 'A band intensity has a level, not a number'],
    ['an RM without a number', I({ kind: 'rm' }), 'Give the number for this intensity'],
    ['a fractional RM', I({ kind: 'rm', value: 8.5 }), 'RM is a whole number of repetitions from 1 to 30'],
    ['an RPE above 10', I({ kind: 'rpe', value: 6, valueMax: 11 }), 'RPE is a number from 0 to 10'],
    ['a range upside down', I({ kind: 'rm', value: 12, valueMax: 8 }), 'The top of the range must be above its bottom'],
    ['a band level on RIR', I({ kind: 'rir', value: 2, band: 'light' }), 'Only a band intensity has a band level or color'],
  ])('refuses %s, saying so', (_name, intensity, message) => {
    const r = IntensitySchema.safeParse(intensity);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain(message);
  });
});
