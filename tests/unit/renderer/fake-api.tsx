// A stand-in for the renderer's one door to the services (`renderer/src/api`'s `api`), for
// component tests that render real components. Each call is a vi.fn; a call a test did not set up
// answers an error naming it, so an unexpected call shows up on screen instead of hanging.
//
// Use it from a test file with:
//   vi.mock('<relative path>/renderer/src/api', async (importOriginal) => ({
//     ...(await importOriginal<object>()),
//     api: (await import('<relative path>/fake-api')).fakeApi,
//   }));
import { within } from '@testing-library/react';
import { vi, type Mock } from 'vitest';
import type { Api, ArgsOf, Channel, ValueOf } from '../../../common/contract';
import type { Result } from '../../../common/contract/result';
import type { Dosage, Exercise, ExerciseSummary } from '../../../common/domain/exercise';
import { GENERATORS } from '../../../common/domain/vocabulary';
import type { SearchResult } from '../../../common/domain/search';

type Handler = (args: never, file?: Blob) => Promise<Result<unknown>>;

const calls = new Map<string, Mock<Handler>>();

function unexpected(channel: string): Handler {
  return async () => ({ ok: false, error: { code: 'internal', message: `${channel} was not set up in this test` } });
}

/** The mock behind one channel, made on first use. */
export function callsOf(channel: Channel | string): Mock<Handler> {
  let mock = calls.get(channel);
  if (!mock) {
    mock = vi.fn<Handler>(unexpected(channel));
    calls.set(channel, mock);
  }
  return mock;
}

export const fakeApi = new Proxy({} as Api, {
  get: (_target, channel) => (typeof channel === 'string' ? callsOf(channel) : undefined),
});

/** Sets what a channel answers for the rest of the test. */
export function answer<C extends Channel>(channel: C, impl: (args: ArgsOf<C>) => Result<ValueOf<C>> | Promise<Result<ValueOf<C>>>): void {
  callsOf(channel).mockImplementation(async (args: never) => impl(args));
}

/** Every call's defaults again: app.info answers, everything else is unexpected. */
export function resetFakeApi(): void {
  for (const [channel, mock] of calls) {
    mock.mockReset();
    mock.mockImplementation(unexpected(channel));
  }
  answer('app.info', () =>
    ok({ name: 'Loadwise', version: '0.0.0-test', schemaVersion: 1, seedVersion: 1, exerciseCount: 0, transport: 'browser' }),
  );
}

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

/** The exercise each option of a listbox shows, in order (an option is named by all it shows; its name part is marked). */
export function exerciseNames(listbox: HTMLElement): string[] {
  return within(listbox)
    .queryAllByRole('option')
    .map((o) => within(o).getByTestId('exercise-name').textContent ?? '');
}

/** The one option of a listbox that shows this exercise. */
export function exerciseOption(listbox: HTMLElement, name: string): HTMLElement {
  const found = within(listbox)
    .queryAllByRole('option')
    .filter((o) => within(o).getByTestId('exercise-name').textContent === name);
  if (found.length !== 1) throw new Error(`expected one option for "${name}", found ${found.length}`);
  return found[0];
}

/** A promise the test settles when it chooses: for answers that arrive out of order. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const DOSAGE: Dosage = {
  sets: 3,
  reps: 8,
  repsMax: 12,
  holdSeconds: null,
  durationSeconds: null,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysPerWeek: 5,
  load: null,
  side: 'both',
  tempo: null,
};

/** A uuid-shaped id that sorts with n. */
export const idOf = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function summary(n: number, name = `Exercise ${n}`): ExerciseSummary {
  return {
    id: idOf(n),
    code: null,
    name,
    clinicalName: name,
    summary: `Summary of ${name}.`,
    stage: 2,
    region: 'lumbar',
    position: 'standing',
    equipment: ['none'],
    dosage: DOSAGE,
    origin: 'builtin',
    archived: false,
    ratings: [],
    photoSha256: null,
    notRated: false,
  };
}

export function searchResult(items: ExerciseSummary[], total = items.length): SearchResult {
  return { items, total, totalIsCapped: false, corrections: [], ordering: 'name' };
}

/** A whole exercise, as library.get answers it. */
export function exercise(overrides: Partial<Exercise> = {}): Exercise {
  const name = overrides.text?.name ?? 'Wall press';
  return {
    id: idOf(1),
    code: null,
    origin: 'clinic',
    originBundleName: null,
    basedOnId: null,
    contentVersion: 1,
    locale: 'en',
    archived: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    stage: 2,
    region: 'lumbar',
    position: 'standing',
    equipment: ['none'],
    text: {
      name,
      summary: 'Builds steady control while you stand.',
      startingPosition: 'Stand facing a wall.',
      steps: ['Press gently into the wall.'],
      cues: [],
      mistakes: [],
      precautions: [],
    },
    dosage: DOSAGE,
    suitability: Object.fromEntries(
      GENERATORS.map((g) => [g, { rating: 'suits', lock: 'none', earliestWeek: null, note: null }]),
    ) as Exercise['suitability'],
    tags: [],
    sources: [],
    clinicianNotes: null,
    clinicalName: overrides.clinicalName ?? name,
    aliases: [],
    progressions: [],
    regressions: [],
    photos: [],
    ...overrides,
  };
}
