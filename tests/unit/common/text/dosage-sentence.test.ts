// The dose as a patient reads it on a handout, in English and Spanish.
import { describe, expect, it } from 'vitest';
import { EN_HANDOUT } from '../../../../common/copy/en-handout';
import { ES_HANDOUT } from '../../../../common/copy/es-handout';
import type { Dosage } from '../../../../common/domain/exercise';
import { dosageSentence, durationWords } from '../../../../common/text/dosage-sentence';

const dose = (d: Partial<Dosage>): Dosage => ({
  sets: 3,
  reps: 10,
  repsMax: null,
  holdSeconds: null,
  durationSeconds: null,
  restSeconds: null,
  sessionsPerDay: 1,
  daysPerWeek: 7,
  load: null,
  side: 'both',
  tempo: null,
  ...d,
});

describe('dosageSentence', () => {
  it('reads like the brief: sets of reps, the hold, how often', () => {
    expect(dosageSentence(dose({ holdSeconds: 10, sessionsPerDay: 2 }), EN_HANDOUT)).toBe(
      '3 sets of 10, hold each for 10 seconds, twice a day',
    );
    expect(dosageSentence(dose({ holdSeconds: 10, sessionsPerDay: 2 }), ES_HANDOUT)).toBe(
      `3 series de 10, ${ES_HANDOUT.dosage.hold('10 segundos', true)}, dos veces al día`,
    );
  });

  it('says one set, rep ranges, days a week and many sessions', () => {
    expect(dosageSentence(dose({ sets: 1, reps: 8, repsMax: 12, daysPerWeek: 3 }), EN_HANDOUT)).toBe(
      '1 set of 8 to 12, once a day, 3 days a week',
    );
    expect(dosageSentence(dose({ sessionsPerDay: 5, daysPerWeek: 1 }), EN_HANDOUT)).toBe('3 sets of 10, 5 times a day, 1 day a week');
    expect(dosageSentence(dose({ sets: 1, reps: 8, repsMax: 12, daysPerWeek: 3 }), ES_HANDOUT)).toBe(
      '1 serie de 8 a 12, una vez al día, 3 días a la semana',
    );
  });

  it('says timed work in minutes and seconds', () => {
    expect(dosageSentence(dose({ sets: 1, reps: null, durationSeconds: 900, sessionsPerDay: 2 }), EN_HANDOUT)).toBe(
      '15 minutes, twice a day',
    );
    expect(dosageSentence(dose({ sets: 3, reps: null, durationSeconds: 30, holdSeconds: null }), EN_HANDOUT)).toBe(
      '3 times, 30 seconds each, once a day',
    );
    expect(dosageSentence(dose({ sets: 2, reps: null, durationSeconds: null, holdSeconds: 20 }), EN_HANDOUT)).toBe(
      '2 sets, hold for 20 seconds, once a day',
    );
    expect(dosageSentence(dose({ reps: 5, durationSeconds: 120 }), EN_HANDOUT)).toBe('3 sets of 5, for 2 minutes, once a day');
    expect(durationWords(90, EN_HANDOUT)).toBe('1 minute 30 seconds');
    expect(durationWords(1, EN_HANDOUT)).toBe('1 second');
    expect(durationWords(3600, EN_HANDOUT)).toBe('1 hour');
    expect(durationWords(4500, ES_HANDOUT)).toBe('1 hora 15 minutos');
  });
});
